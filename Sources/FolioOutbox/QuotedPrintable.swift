/// Quoted-printable body encoding (RFC 2045 §6.7) with LF line ends: every encoded line is at
/// most 76 octets, so the 998-octet limit holds whatever the visitor typed.
enum QuotedPrintable {
    static let maxLine = 76

    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        var lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A text ending in LF (or empty) leaves an empty last piece; otherwise the last line ends
        // in a soft break, so decoding gives back exactly the text, with no added newline.
        let endsWithNewline = lines.last?.isEmpty ?? true
        if endsWithNewline { lines.removeLast() }
        for (number, line) in lines.enumerated() {
            let softEnd = number == lines.count - 1 && !endsWithNewline
            encodeLine(Array(line), softEnd: softEnd, into: &out)
            if softEnd { out.append(UInt8(ascii: "=")) }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func encodeLine(_ line: [UInt8], softEnd: Bool, into out: inout [UInt8]) {
        var column = 0
        for (index, byte) in line.enumerated() {
            let isLast = index == line.count - 1
            var token = needsEncoding(byte, isLast: isLast) ? Array(("=" + Hex.byte(byte)).utf8) : [byte]
            // "From " at a line start is encoded so the text survives a later mbox conversion.
            if column == 0, byte == UInt8(ascii: "F"), line[index...].starts(with: Array("From ".utf8)) {
                token = Array("=46".utf8)
            }
            // Keep room for a soft break "=" unless this token ends a hard line.
            let room = isLast && !softEnd ? maxLine : maxLine - 1
            if column + token.count > room {
                out.append(contentsOf: Array("=\n".utf8))
                column = 0
            }
            out.append(contentsOf: token)
            column += token.count
        }
    }

    private static func needsEncoding(_ byte: UInt8, isLast: Bool) -> Bool {
        if byte == UInt8(ascii: "=") || byte > 126 { return true }
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { return isLast }
        return byte < 32
    }
}
