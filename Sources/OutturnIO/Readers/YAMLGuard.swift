/// A scan of YAML text before Yams composes it, so that no scenario file can make the composer
/// work for minutes: anchors and aliases (the "billion laughs" expansion, or an alias used as a
/// mapping key, which Yams compares node by node) are refused, and so is flow nesting deeper than
/// any scenario needs. The scan is one linear pass, so a file under 1 MB is judged in milliseconds.
enum YAMLGuard {
    /// Deeper `[`/`{` nesting than a scenario file ever needs.
    static let maximumFlowDepth = 32

    /// The first line (1-based) holding an anchor, an alias or too deep a flow nesting, and why.
    /// - Parameter files: what the files are called in the message ("scenario files", "targets files").
    static func problem(in text: String, files: String = "scenario files") -> (line: Int, message: String)? {
        var line = 1, depth = 0
        var inSingle = false, inDouble = false, inComment = false, escaped = false
        var previous: UInt8 = UInt8(ascii: "\n")
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            defer { previous = byte; if byte == UInt8(ascii: "\n") { line += 1 } }
            if byte == UInt8(ascii: "\n") { inComment = false; continue }
            if inComment { continue }
            if inDouble {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inDouble = false }
                continue
            }
            if inSingle { if byte == UInt8(ascii: "'") { inSingle = false }; continue }
            // A token starts after white space, at a line start or after a flow indicator.
            let tokenStart = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                              UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(previous)
            switch byte {
            case UInt8(ascii: "#") where tokenStart: inComment = true
            case UInt8(ascii: "\"") where tokenStart: inDouble = true
            case UInt8(ascii: "'") where tokenStart: inSingle = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumFlowDepth {
                    return (line, "nests lists or mappings more than \(maximumFlowDepth) deep; \(files) need far fewer")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "&") where tokenStart, UInt8(ascii: "*") where tokenStart, UInt8(ascii: "<") where tokenStart:
                let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: " ")
                if byte == UInt8(ascii: "<") {
                    // `<<` is the merge key, which only works with aliases.
                    if next == UInt8(ascii: "<"), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: ":") {
                        return (line, "uses a merge key (<<); write the values out in full")
                    }
                } else if ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(next) {
                    return (line, "uses a YAML anchor or alias (&name or *name), which \(files) do not accept; write the values out in full")
                }
            default: break
            }
        }
        return nil
    }
}
