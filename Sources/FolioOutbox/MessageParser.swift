/// Reads back a stored message for `folio outbox list/show`: header fields unfolded with RFC
/// 2047 words decoded, and the body decoded from quoted-printable or base64. Tolerant: anything
/// it cannot decode is kept as it stands (the caller sanitises before display).
public struct ParsedMessage: Sendable {
    /// Header fields in order, names as written, values unfolded and decoded.
    public var headers: [(name: String, value: String)]
    /// The body as stored, and how it is encoded.
    private let rawBody: ArraySlice<UInt8>
    private let encoding: String?

    /// The decoded body, worked out when asked for: a listing reads only the headers.
    public var body: String {
        let raw = Array(rawBody)
        switch encoding {
        case "quoted-printable": return String(decoding: MessageDecoding.quotedPrintable(raw), as: UTF8.self)
        case "base64": return String(decoding: MessageDecoding.base64(raw) ?? raw, as: UTF8.self)
        default: return String(decoding: raw, as: UTF8.self)
        }
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public init(_ bytes: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        var index = 0
        var bodyStart = bytes.count
        while index < bytes.count {
            let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var line = bytes[index..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            index = end + 1
            if line.isEmpty { bodyStart = min(index, bytes.count); break }
            lines.append(line)
        }
        var fields: [(String, String)] = []
        for line in lines {
            let text = String(decoding: line, as: UTF8.self)
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t"), !fields.isEmpty {
                fields[fields.count - 1].1 += text
            } else if let colon = text.firstIndex(of: ":") {
                fields.append((String(text[..<colon]), String(text[text.index(after: colon)...])))
            }
        }
        headers = fields.map { ($0.0, MessageDecoding.words(String($0.1.drop { $0 == " " || $0 == "\t" }))) }
        rawBody = bytes[bodyStart...]
        encoding = fields.first { $0.0.lowercased() == "content-transfer-encoding" }?.1
            .trimmingSpaces().lowercased()
    }
}

enum MessageDecoding {
    /// Decodes =?utf-8?b/q?…?= words (utf-8 and us-ascii; other charsets are left encoded);
    /// whitespace between two adjacent encoded words is dropped, as RFC 2047 says.
    static func words(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        var pendingSpace = ""
        var lastWasEncoded = false
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (decoded, after) = decodeWord(rest) {
                if !lastWasEncoded { out += pendingSpace }
                out += decoded
                pendingSpace = ""
                lastWasEncoded = true
                rest = after
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" {
                pendingSpace.append(character)
            } else {
                out += pendingSpace
                out.append(character)
                pendingSpace = ""
                lastWasEncoded = false
            }
        }
        return out + pendingSpace
    }

    private static func decodeWord(_ text: Substring) -> (String, Substring)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="),
              ["utf-8", "us-ascii"].contains(parts[0].lowercased()) else { return nil }
        let payload = Array(parts[2].utf8)
        let bytes: [UInt8]?
        switch parts[1].lowercased() {
        case "b": bytes = base64(payload)
        case "q": bytes = quotedPrintable(payload.map { $0 == UInt8(ascii: "_") ? 32 : $0 })
        default: bytes = nil
        }
        guard let decoded = bytes else { return nil }
        return (String(decoding: decoded, as: UTF8.self), parts[3].dropFirst())
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 2; continue }
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\r"), bytes[index + 2] == UInt8(ascii: "\n") {
                    index += 3; continue
                }
                if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                    out.append(high << 4 | low); index += 3; continue
                }
                if index + 1 == bytes.count { break }  // a final soft break
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    static func base64(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - 71
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte + 4
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="), 9, 10, 13, 32: continue
            default: return nil
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 48
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - 55
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - 87
        default: nil
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
