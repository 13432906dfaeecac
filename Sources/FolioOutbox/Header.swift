import FolioText

/// Header lines: the one function that builds every header (`Header.line`), RFC 2047 encoded
/// words for non-ASCII text, and folding at spaces so lines stay within 78 octets where a
/// space allows it (and never beyond 998).
public enum Header {
    static let softLimit = 78
    static let hardLimit = 998

    /// "Name: value", folded with LF + space. Refuses CR, LF, NUL, any other control and
    /// non-ASCII in `value` (callers encode first), and a name outside RFC 5322 ftext.
    public static func line(name: String, value: String) throws(OutboxError) -> String {
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 >= 33 && $0 <= 126 && $0 != UInt8(ascii: ":") }) else {
            throw OutboxError(kind: .invalidMessage, reason: "invalid header name \(name.debugDescription)")
        }
        try refuseControls(value, header: name)
        if let bad = value.utf8.first(where: { $0 > 126 }) {
            throw OutboxError(kind: .invalidMessage,
                              reason: "unencoded byte 0x\(String(bad, radix: 16)) in header \(name)")
        }
        return try fold(Array((name + ": " + value).utf8), nameLength: name.utf8.count + 1, header: name)
    }

    /// Throws for CR, LF, NUL and other controls: used on raw text before encoding, so an
    /// encoded word can never smuggle a line break either.
    static func refuseControls(_ text: String, header: String) throws(OutboxError) {
        if let bad = text.unicodeScalars.first(where: EnquiryValidator.isForbiddenInLine) {
            throw OutboxError(kind: .invalidMessage,
                              reason: "header \(header) contains \(FieldError.codePoint(bad.value))")
        }
    }

    /// Greedy folding before a space that follows a non-space; the first line keeps at least
    /// one word of the value, so no line is whitespace only.
    private static func fold(_ bytes: [UInt8], nameLength: Int, header: String) throws(OutboxError) -> String {
        let space = UInt8(ascii: " ")
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while bytes.count - start > softLimit {
            let minimum = lines.isEmpty ? nameLength + 2 : start + 1
            var best: Int?
            var index = minimum
            while index < bytes.count {
                if bytes[index] == space, bytes[index - 1] != space, index + 1 < bytes.count,
                   bytes[index + 1] != space {
                    if index - start <= softLimit || best == nil { best = index }
                    if index - start > softLimit { break }
                }
                index += 1
            }
            guard let cut = best, cut > start else { break }
            lines.append(bytes[start..<cut])
            start = cut
        }
        lines.append(bytes[start...])
        if lines.contains(where: { $0.count > hardLimit }) {
            throw OutboxError(kind: .invalidMessage, reason: "header \(header) longer than \(hardLimit) octets")
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    // MARK: Values

    /// Text for an unstructured header (Subject, X-Folio-Company): as is when printable ASCII
    /// that cannot be mistaken for an encoded word, else RFC 2047 encoded words.
    static func unstructured(_ text: String, header: String) throws(OutboxError) -> String {
        try refuseControls(text, header: header)
        if text.utf8.allSatisfy({ $0 >= 32 && $0 <= 126 }) && !text.containsBytes("=?") { return text }
        return encodedWords(text).joined(separator: " ")
    }

    /// A mailbox: display name (quoted, or encoded words when non-ASCII) and <address>.
    static func mailbox(name: String, address: String, header: String) throws(OutboxError) -> String {
        try refuseControls(name, header: header)
        guard EmailAddress.isValid(address) else {
            throw OutboxError(kind: .invalidMessage, reason: "invalid address in \(header)")
        }
        let addr = "<" + addrSpec(address) + ">"
        if name.isEmpty { return addr }
        if name.utf8.allSatisfy({ $0 >= 32 && $0 <= 126 }) && !name.containsBytes("=?") {
            var quoted = "\""
            for character in name {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            return quoted + "\" " + addr
        }
        return (encodedWords(name) + [addr]).joined(separator: " ")
    }

    /// The address with its local part quoted when it is not a dot-atom (".a..b"@x is HTML-valid).
    static func addrSpec(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return address }
        let local = address[..<at]
        return EmailAddress.isDotAtom(local) ? address : "\"" + local + "\"" + address[at...]
    }

    // MARK: RFC 2047

    /// The longest encoded word, so "X-Folio-Company: " plus one word still fits in 78.
    static let maxWordLength = 60
    private static let qLiteral = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/".utf8)

    /// Encoded words (utf-8, B or Q, whichever is shorter overall), split between characters
    /// so no word cuts a UTF-8 sequence; decoders drop the spaces between adjacent words.
    static func encodedWords(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let qLength = bytes.reduce(0) { $0 + (qLiteral.contains($1) || $1 == 32 ? 1 : 3) }
        let useQ = qLength <= (bytes.count + 2) / 3 * 4
        let prefix = useQ ? "=?utf-8?q?" : "=?utf-8?b?"
        let budget = maxWordLength - prefix.utf8.count - 2
        func encodedSize(_ chunk: [UInt8]) -> Int {
            useQ ? chunk.reduce(0) { $0 + (qLiteral.contains($1) || $1 == 32 ? 1 : 3) }
                 : (chunk.count + 2) / 3 * 4
        }
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append(prefix + (useQ ? qEncode(chunk) : Base64.encode(chunk)) + "?=")
            chunk = []
        }
        // Characters first, scalars for a character too big for one word (long emoji sequences).
        for character in text {
            let whole = Array(String(character).utf8)
            let pieces = encodedSize(whole) <= budget ? [whole] : character.unicodeScalars.map { Array(String($0).utf8) }
            for piece in pieces {
                if encodedSize(chunk + piece) > budget { flush() }
                chunk += piece
            }
        }
        flush()
        return words
    }

    private static func qEncode(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            if byte == 32 {
                out.append("_")
            } else if qLiteral.contains(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out.append("=" + Hex.byte(byte))
            }
        }
        return out
    }
}

enum Hex {
    static func byte(_ value: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4)], digits[Int(value & 0xF)]])
    }
}
