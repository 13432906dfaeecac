/// "Did you mean …" for tags, keys and slugs.
public enum Suggestions {
    /// Edit distance over Unicode scalars, case-sensitive, where swapping two neighbours
    /// counts as one edit (optimal string alignment), so "Kafak" is one typo from "Kafka".
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// The closest candidate a typo could stand for, or nil when nothing is close: equal
    /// ignoring case first, then the smallest case-insensitive edit distance within a third
    /// of the word's length (at least 1, at most 3). Ties go to the earlier candidate.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lowered }) { return same }
        let limit = min(max(1, lowered.unicodeScalars.count / 3), 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The stack tag an unknown tag most likely means: a tag equal ignoring case, a tag
    /// whose alias it is (ignoring case), or the nearest tag or alias by edit distance.
    public static func tag(for word: String, in stack: Stack) -> String? {
        let lowered = word.lowercased()
        if let same = stack.tags.first(where: { $0.name.lowercased() == lowered }) { return same.name }
        if let owner = stack.tags.first(where: { $0.aliases.contains { $0.lowercased() == lowered } }) {
            return owner.name
        }
        let spellings = stack.tags.flatMap { tag in ([tag.name] + tag.aliases).map { (spelling: $0, tag: tag.name) } }
        guard let match = closest(to: word, in: spellings.map(\.spelling)) else { return nil }
        return spellings.first { $0.spelling == match }?.tag
    }

    /// A slug lowercased without '-', '_' and '.': two slugs alike under this are one page twice.
    static func squashed(_ slug: String) -> String {
        var slug = slug
        // ASCII (every slug folio makes): byte by byte, written straight into the String.
        let ascii: String? = slug.withUTF8 { bytes in
            var ascii = true
            let text = String(unsafeUninitializedCapacity: max(bytes.count, 1)) { out in
                guard let count = squashedASCII(bytes, into: out.baseAddress!) else { ascii = false; return 0 }
                return count
            }
            return ascii ? text : nil
        }
        return ascii ?? String(slug.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != "." })
    }

    /// `squashed` of ASCII bytes, written to `out` (room for `bytes.count`): how many, or nil
    /// when a byte is not ASCII.
    static func squashedASCII(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        var end = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            guard byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") && byte != UInt8(ascii: ".") else { continue }
            out[end] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            end += 1
        }
        return end
    }

    /// Slugs that are probably the same page twice: equal once '-', '_' and '.' are dropped,
    /// or one edit apart (two for slugs of ten or more letters).
    public static func slugsLookAlike(_ a: String, _ b: String) -> Bool {
        guard a != b else { return false }
        if squashed(a) == squashed(b) { return true }
        let limit = min(a.count, b.count) >= 10 ? 2 : 1
        return min(a.count, b.count) >= 4 && editDistance(a, b) <= limit
    }
}
