/// Encoding and decoding of the draft file described at `DraftStore`.
enum DraftFormat {
    static let magic = "folio-draft 1"

    static func encode(_ enquiry: Enquiry, savedAt: Int) -> [UInt8] {
        var head = magic + "\n"
        head += "name: \(escape(enquiry.name))\n"
        head += "email: \(escape(enquiry.email))\n"
        if let company = enquiry.company { head += "company: \(escape(company))\n" }
        head += "subject: \(escape(enquiry.subject))\n"
        head += "saved: \(savedAt)\n"
        let message = Array(enquiry.message.utf8)
        head += "length: \(message.count)\n\n"
        return Array(head.utf8) + message
    }

    static func decode(_ bytes: [UInt8]) -> DraftLoad {
        guard let blank = findBlankLine(bytes) else { return .corrupt(reason: "no end of the header block") }
        let head = String(decoding: bytes[..<blank], as: UTF8.self)
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(magic) else { return .corrupt(reason: "not a folio draft (version 1)") }
        lines.removeFirst()
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { return .corrupt(reason: "malformed line \(line.debugDescription)") }
            let key = String(line[..<colon])
            guard let value = unescape(line[line.index(after: colon)...].drop { $0 == " " }) else {
                return .corrupt(reason: "bad escape in \(key)")
            }
            fields[key] = value
        }
        let body = bytes[(blank + 2)...]
        guard let length = fields["length"].flatMap({ Int($0) }) else { return .corrupt(reason: "no message length") }
        guard body.count == length else {
            return .corrupt(reason: "message is \(body.count) bytes, expected \(length) (truncated?)")
        }
        let enquiry = Enquiry(name: fields["name"] ?? "", email: fields["email"] ?? "", company: fields["company"],
                              subject: fields["subject"] ?? "", message: String(decoding: body, as: UTF8.self))
        return .draft(enquiry, savedAt: fields["saved"].flatMap { Int($0) })
    }

    private static func findBlankLine(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 10 && bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + Hex.byte(UInt8(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func unescape(_ text: Substring) -> String? {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\" else { out.append(scalar); continue }
            switch scalars.popFirst() {
            case "\\": out.append("\\")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "x":
                guard let high = scalars.popFirst(), let low = scalars.popFirst(),
                      let value = UInt8(String(high) + String(low), radix: 16) else { return nil }
                out.append(Unicode.Scalar(value))
            default: return nil
            }
        }
        return String(out)
    }
}
