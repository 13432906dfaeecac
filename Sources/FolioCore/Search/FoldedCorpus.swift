/// Many short texts folded once into flat arrays, so ranking reads contiguous memory and never
/// touches a `String` per keystroke.
struct FoldedCorpus: Sendable, Equatable {
    /// Folded scalars of every text, back to back.
    private(set) var scalars: [UInt32] = []
    /// For each scalar: the grapheme offset, in its own text, of the character it came from.
    private(set) var graphemes: [Int32] = []
    /// For each scalar: 1 when a word starts there (after a separator, at a camelCase hump,
    /// between letters and digits), else 0.
    private(set) var wordStarts: [UInt8] = []
    /// Where each text's scalars start; text i is `bounds[i] ..< bounds[i + 1]`.
    private(set) var bounds: [Int32] = [0]
    /// One bit per letter or digit present (others hashed), to reject most texts with one AND.
    private(set) var masks: [UInt64] = []

    var count: Int { masks.count }

    mutating func append(_ text: String) {
        let chars = Array(text)
        var mask: UInt64 = 0
        for (offset, ch) in chars.enumerated() {
            let before = scalars.count
            Fold.append(ch, to: &scalars)
            guard scalars.count > before else { continue }
            let start = Self.startsWord(chars, at: offset)
            for k in before ..< scalars.count {
                graphemes.append(Int32(offset))
                wordStarts.append(start && k == before ? 1 : 0)
                mask |= Self.bit(scalars[k])
            }
        }
        bounds.append(Int32(scalars.count))
        masks.append(mask)
    }

    static func bit(_ s: UInt32) -> UInt64 {
        switch s {
        case 0x61 ... 0x7A: return 1 << UInt64(s - 0x61)
        case 0x30 ... 0x39: return 1 << UInt64(26 + s - 0x30)
        case 0x20: return 0  // spaces never have to be present
        default: return 1 << UInt64(36 + s % 28)
        }
    }

    static func mask(_ query: [UInt32]) -> UInt64 {
        query.reduce(0) { $0 | bit($1) }
    }

    /// Word boundaries from the original characters (case is gone after folding).
    private static func startsWord(_ chars: [Character], at i: Int) -> Bool {
        let c = chars[i]
        guard c.isLetter || c.isNumber else { return false }
        guard i > 0 else { return true }
        let p = chars[i - 1]
        if !(p.isLetter || p.isNumber) { return true }          // "Node.js", "CI/CD"
        if p.isNumber != c.isNumber { return true }             // "Crop2Cash", "k8s"
        if p.isLowercase && c.isUppercase { return true }       // "PostgreSQL", "RabbitMQ"
        if p.isUppercase && c.isUppercase, i + 1 < chars.count, chars[i + 1].isLowercase {
            return true                                         // "SQLite" → SQ·Lite
        }
        return false
    }
}
