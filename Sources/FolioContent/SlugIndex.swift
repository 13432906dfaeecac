/// Finds, for each slug of a list, the first earlier slug that `Suggestions.slugsLookAlike`
/// pairs with it, without comparing every pair (loading 10,000 items did n²/2 edit distances).
///
/// Slugs equal once '-', '_' and '.' are dropped come from a dictionary. The others are at
/// most two edits apart (optimal string alignment over Unicode scalars), one when either has
/// fewer than ten, and are found by walks into three tries (`ScalarTrie`), exact along the
/// query for some scalars, then within reach: of the slugs, of the slugs reversed, and of
/// each slug's head (all but its last t(n) + 1 scalars) reversed, followed by the rest.
/// An edit touches at most two neighbouring scalars, so stretches of a slug `a` that are
/// apart by a scalar never share one. Cut `a` (n ≥ 8 scalars, since the query has m ≥ 10)
/// into its first two scalars, one, its middle (n - t(n) - 4 scalars), one, and its tail of
/// t(n) = max(2, (n - 4) / 3). With two edits,
/// - none touches the first two: `a` starts with the query's first two scalars (forward walk);
/// - none touches the tail: `a` ends with the query's last t scalars, t the least t(n) of the
///   lengths m ± 2 a query can pair with (backward walk);
/// - or one touches the first two and one the tail: `a`'s head reversed starts with its
///   middle reversed, exactly, and with the rest after it is two edits from the query's
///   head of m - t(n) - 1 - e scalars reversed and the rest, e the second edit's change of
///   length (-1, 0 or 1); the walk is exact for the shortest middle of the lengths m ± 2.
/// With one edit (queries of 4 to 9 scalars) either the first or the last (m - 2) / 2 scalars
/// are untouched: a forward and a backward walk.
/// A walk allowed edits from the root would visit every node of the first levels (any two
/// scalars are two edits from any two others): thousands for slugs of random letters.
/// Each candidate before the query is then checked with `slugsLookAlike` itself, in list
/// order, so the answer is exactly the pairwise scan's. The cost of a query is the part of
/// the tries near it: slugs that share all but a few letters (stem-xxxxx) are visited by each
/// other's walks, as they are each other's likely look-alikes.
struct SlugIndex {
    private let slugs: [String]
    private var firstSquashed: [String: Int] = [:]      // squashed slug → first slug with it
    private let forward: ScalarTrie
    private let backward: ScalarTrie
    private let heads: ScalarTrie

    /// The tail of a slug of `n` ≥ 8 scalars.
    private static func tail(_ n: Int) -> Int { max(2, (n - 4) / 3) }

    /// The first `head` scalars reversed, then the rest: a slug's middle comes first.
    private static func headFirst(_ s: [UInt32], head: Int) -> [UInt32] { s[..<head].reversed() + s[head...] }

    init(_ slugs: [String]) {
        self.slugs = slugs
        for (index, slug) in slugs.enumerated() {
            let key = Suggestions.squashed(slug)
            if firstSquashed[key] == nil { firstSquashed[key] = index }
        }
        let scalars = slugs.map { $0.unicodeScalars.map(\.value) }
        forward = ScalarTrie(scalars)
        backward = ScalarTrie(scalars.map { $0.reversed() })
        heads = ScalarTrie(scalars.map { $0.count < 8 ? [] : Self.headFirst($0, head: $0.count - Self.tail($0.count) - 1) })
    }

    /// The index of the first slug before `index` that looks like the slug at `index`, if any.
    /// `visits`, when given, is increased by the trie nodes the walks computed a row for.
    func firstLookAlike(_ index: Int, visits: UnsafeMutablePointer<Int>? = nil) -> Int? {
        let slug = slugs[index]
        var found: [Int32] = []
        if let first = firstSquashed[Suggestions.squashed(slug)], first < index { found.append(Int32(first)) }
        let query = slug.unicodeScalars.map(\.value), m = query.count
        var walked = 0
        if m >= 10 {
            walked += forward.walk(query, exact: 2, reach: 2, into: &found)
            walked += backward.walk(query.reversed(), exact: Self.tail(m - 2), reach: 2, into: &found)
            // The query's head lengths m - t(n) - 1 - e (n = m - 2 ... m + 2, e = -1 ... 1),
            // each with the shortest middle n - t(n) - 4 of the pairs it serves.
            var exact = [Int](repeating: .max, count: m + 1)
            for n in (m - 2)...(m + 2) {
                let t = Self.tail(n)
                for e in -1...1 { exact[m - t - 1 - e] = min(exact[m - t - 1 - e], n - t - 4) }
            }
            for (length, exact) in exact.enumerated() where exact < .max {
                walked += heads.walk(Self.headFirst(query, head: length), exact: exact, reach: 2, into: &found)
            }
        } else if m >= 4 {
            let c = (max(m - 1, 4) - 1) / 2
            walked += forward.walk(query, exact: c, reach: 1, into: &found)
            walked += backward.walk(query.reversed(), exact: c, reach: 1, into: &found)
        }
        visits?.pointee += walked
        found.sort()
        var previous: Int32 = -1
        for candidate in found where candidate != previous && Int(candidate) < index {
            previous = candidate
            if Suggestions.slugsLookAlike(slugs[Int(candidate)], slug) { return Int(candidate) }
        }
        return nil
    }
}
