/// A JSON value with ordered object keys, rendered by hand so that the output contract is exact:
/// keys in documented order, absent values as explicit `null`, and numbers in Swift's shortest
/// round-trip form (`0.1`, not `0.10000000000000001`).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// `.number`, or `.null` for `nil` and non-finite values (JSON has no NaN).
    static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indentation.
    public func rendered(indent: String = "") -> String {
        var out = ""
        write(to: &out, indent: indent.count)
        return out
    }

    /// Appends the rendering to `out`, `depth` spaces in: one growing string, not a string per
    /// value (a 10⁵-indicator report renders in a fraction of a second).
    private func write(to out: inout String, indent depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += value.isFinite ? formatExact(value) : "null"   // JSON has no NaN or infinity
        case .string(let value): Self.quote(value, to: &out)
        case .array(let values):
            if values.isEmpty { out += "[]"; return }
            if values.allSatisfy({ if case .number = $0 { true } else { false } }) {
                out += "["
                for (index, value) in values.enumerated() {
                    if index > 0 { out += ", " }
                    value.write(to: &out, indent: 0)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (index, value) in values.enumerated() {
                if index > 0 { out += ",\n" }
                Self.indent(depth + 2, to: &out)
                value.write(to: &out, indent: depth + 2)
            }
            out += "\n"
            Self.indent(depth, to: &out)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += ",\n" }
                Self.indent(depth + 2, to: &out)
                Self.quote(key, to: &out)
                out += ": "
                value.write(to: &out, indent: depth + 2)
            }
            out += "\n"
            Self.indent(depth, to: &out)
            out += "}"
        }
    }

    private static func indent(_ depth: Int, to out: inout String) {
        for _ in 0..<depth { out += " " }
    }

    private static func quote(_ text: String, to out: inout String) {
        out += "\""
        // Most names and identifiers need no escape: append them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
