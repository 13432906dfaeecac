import Testing
@testable import FolioContent
import FolioTestSupport

/// The indexed look-alike search must answer exactly as the pairwise scan it replaced.
@Suite struct SlugIndexTests {
    /// Slugs mutated by one or two edits (swaps, deletions, insertions, case, '-') from a few
    /// stems of 3 to 16 letters, so near pairs of every kind and length occur often.
    static func slugs(count: Int, seed: UInt64) -> [String] {
        var random = LCG64(seed: seed)
        let stems = ["api", "bank-vole", "crop2cash", "streams", "kafka-ops", "data-platform-x",
                     "café-flow", "ledger-migration", "tiny", "observability",
                     "agritech-analytics-ewypx", "fintech-billing-platform-migration"]
        let letters = Array("abcdeé-_.K")
        var out: [String] = []
        for _ in 0..<count {
            var s = Array(stems[random.next(stems.count)])
            for _ in 0..<random.next(3) where !s.isEmpty {
                let i = random.next(s.count)
                switch random.next(4) {
                case 0: s.remove(at: i)
                case 1: s.insert(letters[random.next(letters.count)], at: i)
                case 2: s[i] = letters[random.next(letters.count)]
                default: if i + 1 < s.count { s.swapAt(i, i + 1) }
                }
            }
            out.append(String(s))
        }
        return out
    }

    @Test(arguments: [1, 2, 3])
    func answersAsThePairwiseScan(seed: UInt64) {
        var added: [String] = []
        for slug in Self.slugs(count: 1_500, seed: seed) where !added.contains(slug) { added.append(slug) }
        #expect(Self.warningsAsThePairwiseScan(added) > 100)  // the corpus does exercise the look-alike rules
    }

    /// Two edits, the second near the end (where the forward walk stops needing fewer than
    /// two): a slug listed first that looks like a later one is that one's answer. Stem-mates
    /// of the bench's shape and plain letters, 10 to 26 scalars.
    @Test(arguments: ["agritech-analytics-ewypx", "abcdefghij", "payments-loans-qqxyz", "kafka-ops-kafka-ops-abcdef"])
    func twoEditsNearTheEndAreFound(base: String) {
        var random = LCG64(seed: UInt64(base.utf8.count))
        let letters = Array("ab-xé")
        func edit(_ s: inout [Character], at i: Int) {
            switch random.next(4) {
            case 0: if i < s.count { s.remove(at: i) }
            case 1: s.insert(letters[random.next(letters.count)], at: min(i, s.count))
            case 2: if i < s.count { s[i] = letters[random.next(letters.count)] }
            default: if i + 1 < s.count { s.swapAt(i, i + 1) }
            }
        }
        var variants: [String] = [], seen: Set<String> = [base]
        let m = base.count
        while variants.count < 600 {
            var s = Array(base)
            edit(&s, at: random.next(m))
            edit(&s, at: max(0, m - 12 + random.next(13)))      // the last dozen positions
            let variant = String(s)
            if seen.insert(variant).inserted { variants.append(variant) }
        }
        let slugs = [base] + variants
        let index = SlugIndex(slugs)
        var alike = 0
        for position in 1..<slugs.count where Suggestions.slugsLookAlike(base, slugs[position]) {
            #expect(index.firstLookAlike(position) == 0, "\(slugs[position])")
            alike += 1
        }
        #expect(alike > 300)
    }

    /// Checks every slug's answer against the pairwise scan; the number of look-alikes found.
    static func warningsAsThePairwiseScan(_ slugs: [String]) -> Int {
        let index = SlugIndex(slugs)
        var warnings = 0
        for (position, slug) in slugs.enumerated() {
            let expected = slugs[..<position].firstIndex { Suggestions.slugsLookAlike($0, slug) }
            #expect(index.firstLookAlike(position) == expected, "\(slug)")
            if expected != nil { warnings += 1 }
        }
        return warnings
    }
}

/// The look-alike search does work in proportion to the slugs, not to their pairs: the trie
/// nodes its walks visit (counted, not timed) per slug barely grow when the list grows four
/// times, where the pairwise scan it replaced compared four times as many pairs per slug.
@Suite struct SlugIndexWorkTests {
    static let words = ["banking", "platform", "payments", "ledger", "marketplace", "migration", "pipeline",
                        "analytics", "onboarding", "invoicing", "loans", "events", "streaming", "search",
                        "identity", "billing", "warehouse", "logistics", "farmers", "manufacturing"]

    /// Distinct slugs shaped like scripts/bench-content.py's (two words and five letters), or
    /// of random letters and digits.
    static func slugs(count: Int, words: Bool, seed: UInt64) -> [String] {
        var random = LCG64(seed: seed)
        let letters = Array("abcdefghjkmnpqrstvwxyz0123456789-")
        var seen = Set<String>(), out: [String] = []
        while out.count < count {
            var slug = ""
            if words {
                slug = Self.words[random.next(Self.words.count)] + "-" + Self.words[random.next(Self.words.count)] + "-"
                for _ in 0..<5 { slug.append(letters[random.next(22)]) }
            } else {
                for _ in 0..<(4 + random.next(17)) { slug.append(letters[random.next(letters.count)]) }
            }
            if seen.insert(slug).inserted { out.append(slug) }
        }
        return out
    }

    static func visitsPerSlug(_ slugs: [String]) -> Double {
        let index = SlugIndex(slugs)
        var visits = 0
        for position in slugs.indices { _ = index.firstLookAlike(position, visits: &visits) }
        return Double(visits) / Double(slugs.count)
    }

    @Test(arguments: [true, false])
    func workPerSlugBarelyGrowsWithTheList(words: Bool) {
        let small = Self.visitsPerSlug(Self.slugs(count: 1_000, words: words, seed: 5))
        let large = Self.visitsPerSlug(Self.slugs(count: 4_000, words: words, seed: 5))
        #expect(small > 10)                      // the walks do run
        #expect(large < 2.5 * small, "\(small) → \(large) nodes per slug")
        #expect(large < 400)
    }

    /// Slugs that share all but their last five letters (one stem, as a large generated
    /// site has ~100 slugs a stem at 100,000 items) are each other's likely look-alikes and
    /// are walked by the forward walk; the heads walks leave each slug whose head is the
    /// query's at the cut (the forward walk finds it), instead of walking them five times
    /// more. Without that, 1,000 of them cost ~3,400 nodes a slug.
    @Test func stemMatesAreWalkedOnce() {
        var random = LCG64(seed: 9)
        let letters = Array("abcdefghjkmnpqrstvwxyz")
        var seen = Set<String>(), slugs: [String] = []
        while slugs.count < 1_000 {
            var slug = "banking-platform-"
            for _ in 0..<5 { slug.append(letters[random.next(letters.count)]) }
            if seen.insert(slug).inserted { slugs.append(slug) }
        }
        let perSlug = Self.visitsPerSlug(slugs)
        #expect(perSlug > 100 && perSlug < 2_400, "\(perSlug) nodes per slug")
        #expect(SlugIndexTests.warningsAsThePairwiseScan(Array(slugs.prefix(400))) > 20)
    }

    /// Random slugs over a few letters, so that near pairs of every kind are common and the
    /// tries are dense: the same answers as the pairwise scan.
    @Test(arguments: [11, 12])
    func denseRandomSlugsAnswerAsThePairwiseScan(seed: UInt64) {
        let slugs = Self.distinctSlugs(1_200, over: Array("abc-."), lengths: 3..<15, seed: seed)
        #expect(SlugIndexTests.warningsAsThePairwiseScan(slugs) > 300)
    }

    /// `count` distinct slugs of random letters, of lengths in `lengths`, in the order made.
    static func distinctSlugs(_ count: Int, over letters: [Character], lengths: Range<Int>, seed: UInt64) -> [String] {
        var random = LCG64(seed: seed)
        var slugs: [String] = []
        while slugs.count < count {
            var slug = ""
            for _ in 0..<(lengths.lowerBound + random.next(lengths.count)) { slug.append(letters[random.next(letters.count)]) }
            if !slugs.contains(slug) { slugs.append(slug) }
        }
        return slugs
    }

    /// The walks give a row of its own only to a child whose scalar is one of the query's few
    /// near its depth, found through a bit per scalar & 63: slugs over scalars that share
    /// that bit ('a', '!', 'á' and U+1161 are all 33 mod 64) and ones that do not, so that
    /// many children pass the bit test and only the full comparison tells them apart.
    @Test(arguments: [21, 22])
    func scalarsSharingTheWalksFilterBitsAnswerAsThePairwiseScan(seed: UInt64) {
        let letters: [Character] = ["a", "!", "á", "\u{1161}", "b"]
        #expect(letters.prefix(4).allSatisfy { $0.unicodeScalars.first!.value & 63 == 33 })
        let slugs = Self.distinctSlugs(1_000, over: letters, lengths: 3..<13, seed: seed)
        #expect(SlugIndexTests.warningsAsThePairwiseScan(slugs) > 100)
    }
}

/// The row siblings share, made on a word's bytes at once, is the recurrence's.
@Suite struct ScalarTrieSharedRowTests {
    @Test func sharedRowIsTheRecurrence() {
        var random = LCG64(seed: 31)
        let over = UInt8(ScalarTrie.maxReach + 1)
        for _ in 0..<20_000 {
            let up = (0..<5).map { _ in UInt8(random.next(Int(over) + 1)) } + [over]
            var word: UInt64 = UInt64(up.min()!) << 48
            for (k, cell) in up.enumerated() { word |= UInt64(cell) << (8 * k) }
            var expected: [UInt8] = [], left = over
            for k in 0..<5 {
                left = min(up[k] + 1, up[k + 1] + 1, left + 1, over)
                expected.append(left)
            }
            let row = ScalarTrie.sharedRow(word)
            let cells = (0..<7).map { UInt8(truncatingIfNeeded: row >> (8 * $0)) }
            #expect(Array(cells[0..<5]) == expected, "\(up)")
            #expect(cells[5] == over && cells[6] == min(up.min()! + 1, over), "\(up)")
        }
    }

    /// `Suggestions.squashed` (ASCII through `squashedASCII`) against its definition: lowercased,
    /// without '-', '_' and '.'.
    @Test func squashedIsItsDefinition() {
        var random = LCG64(seed: 21)
        let letters: [String] = ["a", "Z", "-", "_", ".", "9", "é", "K", "\u{212A}", "e\u{301}", "Ä"]
        for round in 0..<2_000 {
            let slug = (0..<random.next(12)).map { _ in letters[random.next(round % 2 == 0 ? 6 : letters.count)] }.joined()
            let expected = String(slug.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != "." })
            #expect(Suggestions.squashed(slug) == expected && Suggestions.squashed(slug).utf8.elementsEqual(expected.utf8), "\(slug)")
        }
    }
}
