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

    /// A CSV row with `found` fields under a header of `expected`: one wording for every reader.
    static func fieldCount(file: String, line: Int, found: Int, expected: Int) -> InputError {
        InputError(file: file, line: line,
                   message: "the row has \(found) fields but the header has \(expected); "
                       + "check for an extra or missing comma, or quote a field that contains a comma")
    }

    public var description: String {
        var location = file ?? "command line"
        if let line { location += ":\(line)" }
        if let field { location += ": field '\(field)'" }
        return "\(location): \(message)"
    }
}

/// At most the first 40 characters of a field the user wrote, then `…` when it was longer: an
/// error message quotes enough to find the cell, never a whole 50 MB value.
public func excerpt(_ text: String) -> String {
    let limit = 40
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "…"
}

/// Refuses an indicator name holding a control or format character (Unicode Cc/Cf: NUL, zero-width
/// space, joiners, direction marks…; a tab is left to the existing trimming): it is invisible in
/// every report, so `sales` and `sales` + U+200B would silently be two series that look like one.
func refuseInvisible(_ name: String, file: String, line: Int, field: String) throws(InputError) {
    guard let scalar = name.unicodeScalars.first(where: { scalar in
        scalar != "\t" && [.control, .format].contains(scalar.properties.generalCategory)
    }) else { return }
    let code = String(format: "U+%04X", scalar.value)
    throw InputError(file: file, line: line, field: field,
                     message: "the indicator name holds an invisible character (\(code)); remove it")
}

import Foundation
