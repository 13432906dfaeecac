/// The one TOML tokenizer: a cursor over the UTF-8 bytes of a TOML text that reads its
/// lexical pieces (blanks, comments, newlines, key segments, the four kinds of string, bare
/// values) and knows the file position of every byte. `TOMLReader` drives it through the
/// grammar. It never goes back and never recurses: each byte is looked at a bounded number
/// of times.
struct TOMLScanner {
    private let bytes: [UInt8]
    private var index = 0
    private var line: Int
    private var column = 1

    init(_ text: String, firstLine: Int) {
        bytes = Array(text.utf8)
        line = firstLine
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ ahead: Int) -> UInt8? { index + ahead < bytes.count ? bytes[index + ahead] : nil }

    /// The position of the byte at the cursor: columns count Unicode scalars, as libyaml's do.
    var here: SourcePosition { SourcePosition(line: line, column: column) }

    mutating func advance(by count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                line += 1
                column = 1
            } else if index == bytes.count || bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
        }
    }

    static func problem(_ message: String, at position: SourcePosition) -> SourceProblem {
        SourceProblem(position: position, message: "malformed TOML front matter: \(message)")
    }

    func problem(_ message: String) -> SourceProblem { Self.problem(message, at: here) }

    /// What the cursor is at, for a message: "'x'", "the end of the line", "the end".
    var found: String {
        guard let byte = peek else { return "the end" }
        if byte == 0x0A || byte == 0x0D { return "the end of the line" }
        let end = index + (1...4).first { index + $0 >= bytes.count || bytes[index + $0] & 0xC0 != 0x80 }!
        return "'" + String(decoding: bytes[index..<min(end, bytes.count)], as: UTF8.self) + "'"
    }

    // MARK: blanks, comments, newlines

    mutating func skipBlanks() {
        while let byte = peek, byte == 0x20 || byte == 0x09 { advance() }
    }

    /// A `#` comment up to the end of its line; control characters other than tab are refused.
    mutating func skipComment() throws(SourceProblem) {
        guard peek == UInt8(ascii: "#") else { return }
        while let byte = peek, byte != 0x0A {
            if byte == 0x0D, peek(1) == 0x0A { return }
            if Self.isControl(byte) { throw problem("control character U+\(Self.hex(byte)) in a comment") }
            advance()
        }
    }

    /// Blanks and a comment, then a newline or the end of the text.
    mutating func endOfLine() throws(SourceProblem) {
        skipBlanks()
        try skipComment()
        guard let byte = peek else { return }
        if byte == 0x0A { advance(); return }
        if byte == 0x0D, peek(1) == 0x0A { advance(by: 2); return }
        throw problem("expected the end of the line, found \(found)")
    }

    /// Blanks, comments and newlines: between statements, and between array elements.
    mutating func skipBlankLines() throws(SourceProblem) {
        while true {
            skipBlanks()
            try skipComment()
            if peek == 0x0A {
                advance()
            } else if peek == 0x0D, peek(1) == 0x0A {
                advance(by: 2)
            } else {
                return
            }
        }
    }

    // MARK: keys

    /// One key segment (bare, "basic" with escapes, or 'literal') and where it starts.
    mutating func keySegment() throws(SourceProblem) -> (String, SourcePosition) {
        let at = here
        switch peek {
        case UInt8(ascii: "\"")?, UInt8(ascii: "'")?:
            if peek(1) == peek, peek(2) == peek { throw problem("a key cannot be a multi-line string") }
            return (try string(), at)
        default:
            let start = index
            while let byte = peek, Self.isBareKey(byte) { advance() }
            guard index > start else { throw problem("expected a key, found \(found)") }
            return (String(decoding: bytes[start..<index], as: UTF8.self), at)
        }
    }

    static func isBareKeyText(_ text: String) -> Bool { !text.isEmpty && text.utf8.allSatisfy(isBareKey) }

    static func isBareKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    // MARK: strings

    /// A string of any of the four kinds, from its opening quote, with escapes resolved.
    mutating func string() throws(SourceProblem) -> String {
        let open = here
        let quote = bytes[index]
        let multiline = peek(1) == quote && peek(2) == quote
        advance(by: multiline ? 3 : 1)
        if multiline {   // a newline right after the opening quotes is not part of the string
            if peek == 0x0A { advance() } else if peek == 0x0D, peek(1) == 0x0A { advance(by: 2) }
        }
        var scalars = String.UnicodeScalarView()
        var start = index
        func flush() { scalars.append(contentsOf: String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars) }
        while true {
            guard let byte = peek else {
                throw Self.problem("unterminated string (it starts at \(open.line):\(open.column))", at: here)
            }
            if byte == quote {
                guard multiline else {
                    flush()
                    advance()
                    return String(scalars)
                }
                if peek(1) == quote, peek(2) == quote {
                    // Up to two more quotes belong to the content: """a""""" is `a""`.
                    var extra = 0
                    while extra < 2, peek(3 + extra) == quote { extra += 1 }
                    advance(by: extra)
                    flush()
                    advance(by: 3)
                    return String(scalars)
                }
                advance()
            } else if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                flush()
                try escape(into: &scalars, multiline: multiline)
                start = index
            } else if byte == 0x0A || (byte == 0x0D && peek(1) == 0x0A) {
                guard multiline else {
                    throw Self.problem("unterminated string: it needs its closing \(quote == 0x22 ? "'\"'" : "\"'\"") on the same line (it starts at \(open.line):\(open.column))", at: here)
                }
                advance(by: byte == 0x0D ? 2 : 1)
            } else if Self.isControl(byte) {
                throw problem("control character U+\(Self.hex(byte)) in a string; write it as an escape")
            } else {
                advance()
            }
        }
    }

    /// A backslash escape in a basic string; in a multi-line one, a backslash at the end of a
    /// line removes the line break and the blanks after it.
    private mutating func escape(into scalars: inout String.UnicodeScalarView, multiline: Bool) throws(SourceProblem) {
        let at = here
        advance()
        guard let escape = peek else { throw Self.problem("unterminated string", at: here) }
        if multiline, escape == 0x20 || escape == 0x09 || escape == 0x0A || escape == 0x0D {
            var probe = index
            while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
            guard probe < bytes.count, bytes[probe] == 0x0A || bytes[probe] == 0x0D else {
                throw Self.problem("a '\\' before blanks must end the line", at: at)
            }
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
            return
        }
        advance()
        switch escape {
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "e"): scalars.append("\u{1B}")
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "u"), UInt8(ascii: "U"), UInt8(ascii: "x"):
            let digits = escape == UInt8(ascii: "u") ? 4 : escape == UInt8(ascii: "U") ? 8 : 2
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let byte = peek, let digit = Self.hexValue(byte) else {
                    throw Self.problem("'\\\(Unicode.Scalar(escape))' needs \(digits) hex digits", at: at)
                }
                value = value << 4 | digit
                advance()
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw Self.problem("'\\\(Unicode.Scalar(escape))' escape is not a Unicode scalar value", at: at)
            }
            scalars.append(scalar)
        default:
            throw Self.problem("unknown escape '\\\(Unicode.Scalar(escape))'", at: at)
        }
    }

    // MARK: bare values

    /// A number, boolean, date or time: the bytes up to a blank, comma, bracket, brace or
    /// comment. A date followed by a space and a time (`1979-05-27 07:32:00`) is one value.
    mutating func bareWord() -> String {
        let start = index
        while let byte = peek, !Self.endsBareValue(byte) { advance() }
        if index - start == 10, peek == 0x20, bytes[start + 4] == UInt8(ascii: "-"),
           let h1 = peek(1), let h2 = peek(2), Self.isDigit(h1), Self.isDigit(h2), peek(3) == UInt8(ascii: ":") {
            advance()
            while let byte = peek, !Self.endsBareValue(byte) { advance() }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func endsBareValue(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"),
             UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return true
        default:
            return false
        }
    }

    // MARK: bytes

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "00" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
