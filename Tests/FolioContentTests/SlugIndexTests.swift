import Testing
@testable import FolioContent

/// The indexed look-alike search must answer exactly as the pairwise scan it replaced.
@Suite struct SlugIndexTests {
    /// Slugs mutated by one or two edits (swaps, deletions, insertions, case, '-') from a few
    /// stems of 3 to 16 letters, so near pairs of every kind and length occur often.
    static func slugs(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let stems = ["api", "bank-vole", "crop2cash", "streams", "kafka-ops", "data-platform-x",
                     "café-flow", "ledger-migration", "tiny", "observability",
                     "agritech-analytics-ewypx", "fintech-billing-platform-migration"]
        let letters = Array("abcdeé-_.K")
        var out: [String] = []
        for _ in 0..<count {
            var s = Array(stems[next(stems.count)])
            for _ in 0..<next(3) where !s.isEmpty {
                let i = next(s.count)
                switch next(4) {
                case 0: s.remove(at: i)
                case 1: s.insert(letters[next(letters.count)], at: i)
                case 2: s[i] = letters[next(letters.count)]
                default: if i + 1 < s.count { s.swapAt(i, i + 1) }
                }
            }
            out.append(String(s))
        }
        return out
    }

    @Test(arguments: [1, 2, 3])
    func answersAsThePairwiseScan(seed: UInt64) {
        var index = SlugIndex()
        var added: [String] = []
        var warnings = 0
        for slug in Self.slugs(count: 1_500, seed: seed) where !added.contains(slug) {
            let expected = added.first { Suggestions.slugsLookAlike($0, slug) }
            #expect(index.firstLookAlike(slug) == expected, "\(slug)")
            if expected != nil { warnings += 1 }
            index.add(slug)
            added.append(slug)
        }
        #expect(warnings > 100)  // the corpus does exercise the look-alike rules
    }
}
