/// A problem with something the user gave: names the file, line and field, and says how to fix it.
///
/// `description` reads `file:line: field 'x': what is wrong; how to fix it`.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (as the user named it), or `nil` for a command-line flag.
    public let file: String?
    /// The 1-based physical line, or `nil` when the problem is the whole file.
    public let line: Int?
    /// The column or flag, e.g. `month` or `--as-of`.
    public let field: String?
    /// What is wrong and how to fix it.
    public let message: String

    public init(file: String?, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var location = file ?? "command line"
        if let line { location += ":\(line)" }
        if let field { location += ": field '\(field)'" }
        return "\(location): \(message)"
    }
}
