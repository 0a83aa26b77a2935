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
    /// An array whose elements are made one at a time while rendering (a report of 10⁵
    /// indicators never holds all their values at once).
    case lazyArray(Int, @Sendable (Int) -> JSONValue)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// `.number`, or `.null` for `nil` and non-finite values (JSON has no NaN).
    static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indentation.
    public func rendered(indent: String = "") -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out, indent: indent.count)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the rendering's UTF-8 to `out`, `depth` spaces in: one growing byte buffer, not a
    /// string per value (a 10⁵-indicator report renders in well under a second).
    private func write(to out: inout [UInt8], indent depth: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let value): out += (value.isFinite ? formatExact(value) : "null").utf8   // JSON has no NaN or infinity
        case .string(let value): Self.quote(value, to: &out)
        case .array(let values):
            Self.writeArray(count: values.count, allNumbers: values.allSatisfy { if case .number = $0 { true } else { false } },
                            element: { values[$0] }, to: &out, indent: depth)
        case .lazyArray(let count, let element):
            Self.writeArray(count: count, allNumbers: false, element: element, to: &out, indent: depth)
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out += "{\n".utf8
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += ",\n".utf8 }
                Self.indent(depth + 2, to: &out)
                Self.quote(key, to: &out)
                out += ": ".utf8
                value.write(to: &out, indent: depth + 2)
            }
            out.append(UInt8(ascii: "\n"))
            Self.indent(depth, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeArray(count: Int, allNumbers: Bool, element: (Int) -> JSONValue,
                                   to out: inout [UInt8], indent depth: Int) {
        if count == 0 { out += "[]".utf8; return }
        if allNumbers {
            out.append(UInt8(ascii: "["))
            for index in 0..<count {
                if index > 0 { out += ", ".utf8 }
                element(index).write(to: &out, indent: 0)
            }
            out.append(UInt8(ascii: "]"))
            return
        }
        out += "[\n".utf8
        for index in 0..<count {
            if index > 0 { out += ",\n".utf8 }
            indent(depth + 2, to: &out)
            element(index).write(to: &out, indent: depth + 2)
        }
        out.append(UInt8(ascii: "\n"))
        indent(depth, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    private static func indent(_ depth: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth))
    }

    /// Escapes by bytes: every byte that needs it is ASCII, and a multi-byte character's bytes
    /// (all ≥ 0x80) pass through unchanged.
    private static func quote(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var afterC2 = false
        for byte in text.utf8 {
            // DEL and the C1 controls (UTF-8 C2 80…C2 9F) are legal raw in JSON but act as escapes
            // in some terminals: written as \u escapes, like the C0 controls.
            if afterC2 {
                afterC2 = false
                if (0x80...0x9F).contains(byte) {
                    out.removeLast()
                    out += ("\\u00" + String(byte, radix: 16)).utf8
                    continue
                }
            }
            if byte == 0xC2 { afterC2 = true }
            switch byte {
            case 0x7F: out += "\\u007f".utf8
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case UInt8(ascii: "\n"): out += "\\n".utf8
            case UInt8(ascii: "\r"): out += "\\r".utf8
            case UInt8(ascii: "\t"): out += "\\t".utf8
            case ..<0x20:
                let hex = String(byte, radix: 16)
                out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
