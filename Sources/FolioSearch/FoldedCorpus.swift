/// Many short texts folded once into flat arrays, so ranking reads contiguous memory and never
/// touches a `String` per keystroke.
struct FoldedCorpus: Sendable, Equatable {
    /// Where a text's scalars are, and which letters it has: enough to reject most texts at once.
    struct Text: Sendable, Equatable {
        var start: Int32
        var end: Int32
        /// One bit per letter or digit present (other scalars hashed onto the remaining bits).
        var mask: UInt64
        /// The same, for the scalars that start a word: a word-start match begins with one.
        var startMask: UInt64
    }

    /// Folded scalars of every text, back to back.
    private(set) var scalars: [UInt32] = []
    /// For each scalar: 1 when a word starts there (after a separator, at a camelCase hump,
    /// between letters and digits), else 0.
    private(set) var wordStarts: [UInt8] = []
    /// For each scalar: the grapheme offset, in its own text, of the character it came from.
    private(set) var graphemes: [Int32] = []
    private(set) var texts: [Text] = []

    var count: Int { texts.count }

    mutating func append(_ string: String) {
        let chars = Array(string)
        var text = Text(start: Int32(scalars.count), end: 0, mask: 0, startMask: 0)
        for (offset, ch) in chars.enumerated() {
            let before = scalars.count
            Fold.append(ch, to: &scalars)
            guard scalars.count > before else { continue }
            let start = Self.startsWord(chars, at: offset)
            for k in before ..< scalars.count {
                graphemes.append(Int32(offset))
                wordStarts.append(start && k == before ? 1 : 0)
                text.mask |= Self.bit(scalars[k])
            }
            if start { text.startMask |= Self.bit(scalars[before]) }
        }
        text.end = Int32(scalars.count)
        texts.append(text)
    }

    /// Matched scalar positions in text `i` → grapheme offsets into the original string.
    func offsets(_ positions: ArraySlice<Int32>, text i: Int) -> [Int] {
        let base = Int(texts[i].start)
        var out: [Int] = []
        out.reserveCapacity(positions.count)
        for p in positions {
            let g = Int(graphemes[base + Int(p)])
            if out.last != g { out.append(g) }
        }
        return out
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
        let c = Shape(chars[i])
        guard c.isWordy else { return false }
        guard i > 0 else { return true }
        let p = Shape(chars[i - 1])
        if !p.isWordy { return true }                           // "Node.js", "CI/CD"
        if p.isNumber != c.isNumber { return true }             // "Crop2Cash", "k8s"
        if p.isLower && c.isUpper { return true }               // "PostgreSQL", "RabbitMQ"
        if p.isUpper && c.isUpper, i + 1 < chars.count, Shape(chars[i + 1]).isLower {
            return true                                         // "SQLite" → SQ·Lite
        }
        return false
    }

    /// What word splitting needs to know of a character; ASCII answered without Unicode tables,
    /// which dominate building an index of thousands of titles otherwise.
    private struct Shape {
        var isLetter = false, isNumber = false, isUpper = false, isLower = false
        var isWordy: Bool { isLetter || isNumber }

        init(_ ch: Character) {
            if let a = ch.asciiValue {
                isUpper = a >= 0x41 && a <= 0x5A
                isLower = a >= 0x61 && a <= 0x7A
                isLetter = isUpper || isLower
                isNumber = a >= 0x30 && a <= 0x39
            } else {
                isLetter = ch.isLetter
                isNumber = ch.isNumber
                isUpper = ch.isUppercase
                isLower = ch.isLowercase
            }
        }
    }
}
