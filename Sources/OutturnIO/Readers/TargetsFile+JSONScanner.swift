/// A one-pass reader of strict JSON for targets files: linear in the file's size, where composing
/// it as YAML (the superset it used to be read as) took minutes for 50 MB in a debug build.
///
/// It hands each entry of the targets array to its caller as soon as it is read, with the line
/// each entry and each key starts on (1-based, counting line breaks as libyaml does, so that
/// errors name the lines they named when Yams read the file), and keeps scalars as written:
/// a number's text, not its value, so that `1e-400` is refused by the same strict rules as in CSV.
///
/// It accepts exactly the JSON that Yams read the same way. Anything else — a trailing comma, a
/// comment, a key given twice, a surrogate escape, a line break inside a string, a key more than
/// 1,024 characters before its colon (which libyaml does not take) — is a ``Failure``, after which
/// the caller reads the file as YAML as before (small files) or reports the failure (large ones).
struct TargetsJSONScanner {
    /// A value inside a target object.
    enum Value: Sendable {
        /// A string's contents, or a number's or `true`'s or `false`'s spelling as written.
        case text(String)
        /// JSON's `null`.
        case null
        /// An array or an object: its contents in a canonical form, to compare entries by.
        case nested(String)
    }

    /// One key of a target object, with the line it starts on.
    struct Field: Sendable {
        let key: String
        let line: Int
        let value: Value
    }

    /// One entry of the targets array, with the line it starts on.
    enum Element: Sendable {
        case object(line: Int, fields: [Field])
        case other(line: Int)
    }

    /// What the file holds at its root: the line it starts on, and whether it is (or holds under
    /// `targets`) an array of entries, and how many.
    struct Root: Sendable {
        let line: Int
        let hasList: Bool
        let count: Int
    }

    /// Why the text is not strict JSON, and the line and UTF-8 offset where that was found.
    struct Failure: Error, Sendable {
        let line: Int
        let offset: Int
        let problem: String
    }

    /// Deeper nesting than any targets file needs (the limit YAML files have, ``YAMLGuard``).
    static let maximumDepth = YAMLGuard.maximumFlowDepth
    /// The most characters libyaml takes between a key's start and its colon.
    static let longestKey = 1024

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Reads `text`, calling `element` with each entry of the targets array and its position
    /// (in order, as they are read).
    static func scan(_ text: String, element: (Int, Element) -> Void) -> Result<Root, Failure> {
        var text = text
        return text.withUTF8 { buffer in
            var scanner = TargetsJSONScanner(bytes: buffer)
            return Result { () throws(Failure) -> Root in try scanner.root(element) }
        }
    }

    // MARK: Structure

    private mutating func root(_ element: (Int, Element) -> Void) throws(Failure) -> Root {
        // libyaml skips a byte-order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipSpace()
        guard index < bytes.count else { throw fail("the file holds no JSON value") }
        let rootLine = line
        var hasList = false, count = 0
        switch bytes[index] {
        case UInt8(ascii: "["):
            count = try list(element)
            hasList = true
        case UInt8(ascii: "{"):
            try open()
            var keys: [(key: String, line: Int)] = []
            if try !closes(UInt8(ascii: "}")) {
                repeat {
                    let (key, keyLine) = try self.key()
                    keys.append((key, keyLine))
                    if key == "targets", index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                        count = try list(element)
                        hasList = true
                    } else {
                        if key == "targets" { (hasList, count) = (false, 0) }
                        _ = try value(describe: false)
                    }
                } while try next(closing: UInt8(ascii: "}"))
            }
            try refuseDuplicates(keys)
        default:
            _ = try value(describe: false)
        }
        skipSpace()
        guard index == bytes.count else { throw unexpected() }
        return Root(line: rootLine, hasList: hasList, count: count)
    }

    /// The targets array: each entry handed to `element` as it is read.
    private mutating func list(_ element: (Int, Element) -> Void) throws(Failure) -> Int {
        try open()
        var count = 0
        if try closes(UInt8(ascii: "]")) { return 0 }
        repeat {
            let entryLine = line
            if bytes[index] == UInt8(ascii: "{") {
                element(count, .object(line: entryLine, fields: try fields()))
            } else {
                _ = try value(describe: false)
                element(count, .other(line: entryLine))
            }
            count += 1
        } while try next(closing: UInt8(ascii: "]"))
        return count
    }

    /// A target object's keys and values.
    private mutating func fields() throws(Failure) -> [Field] {
        try open()
        var fields: [Field] = []
        if try closes(UInt8(ascii: "}")) { return fields }
        repeat {
            let (key, keyLine) = try self.key()
            fields.append(Field(key: key, line: keyLine, value: try value(describe: true)))
        } while try next(closing: UInt8(ascii: "}"))
        try refuseDuplicates(fields.map { ($0.key, $0.line) })
        return fields
    }

    /// Any value; an array's or object's canonical form only when `describe` is set.
    private mutating func value(describe: Bool) throws(Failure) -> Value {
        guard index < bytes.count else { throw fail("the text ends where a value should be") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return .text(try string())
        case UInt8(ascii: "["):
            try open()
            var parts: [String] = []
            if try !closes(UInt8(ascii: "]")) {
                repeat { parts.append(Self.canonical(try value(describe: describe))) } while try next(closing: UInt8(ascii: "]"))
            }
            return .nested(describe ? "[" + parts.joined() + "]" : "")
        case UInt8(ascii: "{"):
            try open()
            var keys: [(key: String, line: Int)] = [], parts: [String] = []
            if try !closes(UInt8(ascii: "}")) {
                repeat {
                    let (key, keyLine) = try self.key()
                    keys.append((key, keyLine))
                    parts.append(Self.canonical(.text(key)) + Self.canonical(try value(describe: describe)))
                } while try next(closing: UInt8(ascii: "}"))
            }
            try refuseDuplicates(keys)
            return .nested(describe ? "{" + parts.joined() + "}" : "")
        case UInt8(ascii: "t"): return .text(try literal("true"))
        case UInt8(ascii: "f"): return .text(try literal("false"))
        case UInt8(ascii: "n"):
            _ = try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .text(try number())
        default:
            throw unexpected()
        }
    }

    /// A value in a form where different values never read the same (lengths before texts).
    private static func canonical(_ value: Value) -> String {
        switch value {
        case .text(let text): "s\(text.utf8.count):\(text)"
        case .null: "n"
        case .nested(let form): form
        }
    }

    /// Steps into `[` or `{` at `index`.
    private mutating func open() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw fail("nests lists or mappings more than \(Self.maximumDepth) deep")
        }
        index += 1
        skipSpace()
        guard index < bytes.count else { throw fail("the text ends inside a list or object") }
    }

    /// Whether `close` follows at once (an empty array or object), stepping past it.
    private mutating func closes(_ close: UInt8) throws(Failure) -> Bool {
        guard bytes[index] == close else { return false }
        index += 1
        depth -= 1
        return true
    }

    /// After a member: `true` at a comma (another member follows), `false` at `close`.
    private mutating func next(closing close: UInt8) throws(Failure) -> Bool {
        skipSpace()
        guard index < bytes.count else { throw fail("the text ends inside a list or object") }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            skipSpace()
            guard index < bytes.count else { throw fail("the text ends inside a list or object") }
            // JSON has no trailing comma (YAML does: such a file is read as YAML).
            guard bytes[index] != close else { throw fail("a comma before '\(Character(Unicode.Scalar(close)))'") }
            return true
        }
        guard bytes[index] == close else {
            throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'")
        }
        index += 1
        depth -= 1
        return false
    }

    /// A key, its line, and the colon after it.
    private mutating func key() throws(Failure) -> (String, Int) {
        guard bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in double quotes") }
        let start = index, keyLine = line
        let key = try string()
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
        // libyaml takes a key only when its colon is on the same line, within 1,024 characters.
        guard line == keyLine else { throw fail("a key's colon on another line") }
        if index - start > Self.longestKey {
            let characters = bytes[start..<index].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            guard characters <= Self.longestKey else {
                throw fail("a key longer than \(Self.longestKey) characters")
            }
        }
        index += 1
        skipSpace()
        return (key, keyLine)
    }

    /// Keys given twice in one object, as Yams words them: every duplicate, sorted, at the line
    /// of the first of them.
    private func refuseDuplicates(_ keys: [(key: String, line: Int)]) throws(Failure) {
        var seen: [String: Int] = [:], duplicates: Set<String> = []
        for (key, line) in keys {
            if seen[key] == nil { seen[key] = line } else { duplicates.insert(key) }
        }
        guard let first = duplicates.min() else { return }
        throw Failure(line: seen[first] ?? line, offset: index, problem: "a key is given twice in one object: "
            + duplicates.sorted().map { "'\(excerpt(escapingControlCharacters($0)))'" }.joined(separator: ", "))
    }

    // MARK: Scalars

    /// A string at `index`, its escapes resolved. Tabs are taken as YAML takes them; a raw line
    /// break (which YAML folds) or a control character is a failure.
    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        var buffer: [UInt8]?
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                if let buffer { return String(decoding: buffer, as: UTF8.self) }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            case UInt8(ascii: "\\"):
                if buffer == nil { buffer = Array(bytes[start..<index]) }
                try escape(into: &buffer!)
                continue
            case 0x0A, 0x0D:
                throw fail("a line break inside a string")
            case 0x09:
                break
            case 0..<0x20, 0x7F:
                throw fail("control characters are not allowed: \(Self.code(UInt32(byte)))")
            case 0xC2, 0xE2, 0xEF:
                try checkSpecial()
            default:
                break
            }
            buffer?.append(byte)
            index += 1
        }
        throw fail("the text ends inside a string")
    }

    /// The characters libyaml refuses (C1 controls, U+FFFE, U+FFFF) or reads as line breaks
    /// (U+0085, U+2028, U+2029), by their UTF-8 lead byte at `index`.
    private func checkSpecial() throws(Failure) {
        guard index + 1 < bytes.count else { return }
        let second = bytes[index + 1], third = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch (bytes[index], second, third) {
        case (0xC2, 0x85, _), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9):
            throw fail("a line break inside a string")
        case (0xC2, 0x80...0x9F, _):
            throw fail("control characters are not allowed: \(Self.code(UInt32(second)))")
        case (0xEF, 0xBF, 0xBE), (0xEF, 0xBF, 0xBF):
            throw fail("control characters are not allowed: \(Self.code(third == 0xBE ? 0xFFFE : 0xFFFF))")
        default:
            break
        }
    }

    /// An escape at `index` (the backslash), appended to `buffer` as UTF-8.
    private mutating func escape(into buffer: inout [UInt8]) throws(Failure) {
        guard index + 1 < bytes.count else { throw fail("the text ends inside a string") }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(letter)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            guard index + 4 <= bytes.count else { throw fail("the text ends inside a string") }
            var value: UInt32 = 0
            for byte in bytes[index..<(index + 4)] {
                guard let digit = Self.hexDigit(byte) else { throw fail("did not find expected hexdecimal number") }
                value = value * 16 + digit
            }
            index += 4
            // libyaml refuses surrogates, even as a pair.
            guard let scalar = Unicode.Scalar(value) else { throw fail("found invalid Unicode character escape code") }
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw fail("found unknown escape character")
        }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// A number as written, after checking it follows JSON's grammar.
    private mutating func number() throws(Failure) -> String {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw fail("a number without digits")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw fail("a number without digits after its point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw fail("a number without digits in its exponent") }
        }
        try endOfScalar()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// `true`, `false` or `null` at `index`.
    private mutating func literal(_ word: StaticString) throws(Failure) -> String {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count,
              zip(bytes[index..<(index + length)], UnsafeBufferPointer(start: word.utf8Start, count: length)).allSatisfy({ $0 == $1 })
        else { throw unexpected() }
        index += length
        try endOfScalar()
        return word.description
    }

    /// A scalar ends at white space, a comma, a closing bracket or the end of the text.
    private func endOfScalar() throws(Failure) {
        guard index < bytes.count else { return }
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): return
        default: throw unexpected()
        }
    }

    // MARK: Space and failures

    /// Skips JSON's white space, counting lines (CR LF once, a lone CR as one, as libyaml does).
    /// A tab outside every bracket is left for YAML to judge (libyaml refuses some).
    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20: index += 1
            case 0x09 where depth > 0: index += 1
            case 0x0A:
                index += 1
                line += 1
            case 0x0D:
                index += 1
                line += 1
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
            default: return
            }
        }
    }

    private func fail(_ problem: String) -> Failure { Failure(line: line, offset: index, problem: problem) }

    /// The character at `index` does not belong there: named by code when it is one libyaml
    /// refuses anywhere (a control character), quoted otherwise.
    private func unexpected() -> Failure {
        guard index < bytes.count else { return fail("the text ends early") }
        var decoder = UTF8()
        var iterator = bytes[index...].makeIterator()
        let scalar: Unicode.Scalar
        switch decoder.decode(&iterator) {
        case .scalarValue(let decoded): scalar = decoded
        default: scalar = "\u{FFFD}"
        }
        let value = scalar.value
        let printable = value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0x7E).contains(value) || value == 0x85
            || (0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
        guard printable else { return fail("control characters are not allowed: \(Self.code(value))") }
        return fail("unexpected '\(escapingControlCharacters(String(Character(scalar))))'")
    }

    private static func code(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
