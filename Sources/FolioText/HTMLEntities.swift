/// Character references in raw HTML (`&amp;`, `&#8212;`, `&#x2014;`): the common named ones
/// and every numeric one. Unknown names stay as written, as browsers show them.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "mdash": "—", "ndash": "–", "hellip": "…", "copy": "©", "reg": "®", "trade": "™",
        "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "times": "×", "middot": "·", "bull": "•", "deg": "°", "rarr": "→", "larr": "←",
        "euro": "€", "pound": "£", "sect": "§", "para": "¶", "plusmn": "±", "shy": "\u{AD}",
    ]

    static func decode(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        var out = ""
        var rest = s[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            // A reference is at most 32 characters up to its ";".
            if let semi = after.prefix(32).firstIndex(of: ";"), let decoded = reference(after[..<semi]) {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func reference(_ body: Substring) -> String? {
        guard body.first == "#" else { return named[String(body)] }
        let digits = body.dropFirst()
        let value: UInt32?
        if digits.first == "x" || digits.first == "X" {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        guard let value else { return nil }
        // NUL, surrogates and out-of-range values are replaced, as the HTML standard says.
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }
}
