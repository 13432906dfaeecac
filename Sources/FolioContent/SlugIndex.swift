import FolioPOSIX

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
    private var sameSquashed: [Int32]                   // per slug: the first slug squashed alike, if earlier, or -1
    private var scalars: [UInt32] = []                  // every slug's scalars, one after the other
    private var starts: [Int32] = [0]                   // slug i's scalars: starts[i] ..< starts[i + 1]
    private var forward: ScalarTrie
    private var backward: ScalarTrie
    private var heads: ScalarTrie

    /// The tail of a slug of `n` ≥ 8 scalars.
    private static func tail(_ n: Int) -> Int { max(2, (n - 4) / 3) }

    /// Between a head and the rest in the heads trie: no scalar is this.
    private static let cut: UInt32 = 0x11_0000

    /// Each sequence of `flat` reversed in place.
    private static func reversed(_ flat: [UInt32], starts: [Int32]) -> [UInt32] {
        var out = flat
        for i in 0..<(starts.count - 1) { out[Int(starts[i])..<Int(starts[i + 1])].reverse() }
        return out
    }

    /// The heads trie: of each slug of n ≥ 8 scalars, its first n - t(n) - 1 scalars (its
    /// head) reversed, the cut, then the rest, so that its middle comes first; shorter slugs
    /// are empty there.
    private static func headsFirst(_ flat: [UInt32], starts: [Int32]) -> ScalarTrie {
        var out: [UInt32] = [], outStarts: [Int32] = [0]
        out.reserveCapacity(flat.count + starts.count)
        outStarts.reserveCapacity(starts.count)
        for i in 0..<(starts.count - 1) {
            let start = Int(starts[i]), n = Int(starts[i + 1]) - start
            if n >= 8 {
                let head = start + n - tail(n) - 1
                for k in (start..<head).reversed() { out.append(flat[k]) }
                out.append(cut)
                for k in head..<(start + n) { out.append(flat[k]) }
            }
            outStarts.append(Int32(out.count))
        }
        return ScalarTrie(out, starts: outStarts)
    }

    /// `threads`: how many threads build the three tries (side by side).
    init(_ slugs: [String], threads: Int = 1) {
        self.slugs = slugs
        scalars.reserveCapacity(slugs.reduce(0) { $0 + $1.utf8.count })
        starts.reserveCapacity(slugs.count + 1)
        for slug in slugs {
            for scalar in slug.unicodeScalars { scalars.append(scalar.value) }
            starts.append(Int32(scalars.count))
        }
        // The three tries and the squashed slugs are four jobs of similar size, side by side.
        let flat = scalars, starts = starts
        var built = [ScalarTrie?](repeating: nil, count: 3)
        var squashed: [Int32] = []
        built.withUnsafeMutableBufferPointer { buffer in
            withUnsafeMutablePointer(to: &squashed) { squashed in
                nonisolated(unsafe) let (slots, squashed) = (buffer, squashed)   // job i writes its own
                Workers.forEach(4, threads: threads) { which in
                    switch which {
                    case 0: slots[2] = Self.headsFirst(flat, starts: starts)
                    case 1: slots[0] = ScalarTrie(flat, starts: starts)
                    case 2: slots[1] = ScalarTrie(Self.reversed(flat, starts: starts), starts: starts)
                    default: squashed.pointee = Self.firstSquashedAlike(slugs)
                    }
                }
            }
        }
        sameSquashed = squashed
        (forward, backward, heads) = (built[0]!, built[1]!, built[2]!)
    }

    /// Per slug: the first slug before it squashed alike ('-', '_' and '.' dropped), or -1.
    /// ASCII slugs (every slug folio makes) are squashed into one buffer and found by their
    /// bytes, with no String made; a list with any other takes String's equality.
    private static func firstSquashedAlike(_ slugs: [String]) -> [Int32] {
        let longest = slugs.reduce(0) { max($0, $1.utf8.count) }
        let same: [Int32]? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(longest, 1)) { squashed in
            ByteTable.firstEqual(count: slugs.count) { index, body in
                var slug = slugs[index]
                guard let count = slug.withUTF8({ Suggestions.squashedASCII($0, into: squashed.baseAddress!) }) else { return false }
                body(UnsafeBufferPointer(rebasing: squashed[..<count]))
                return true
            }
        }
        return same ?? ByteTable.firstEqual(slugs.map(Suggestions.squashed))
    }

    /// What a query reuses from one to the next: one per thread.
    final class Scratch {
        fileprivate let walk = ScalarTrie.Scratch()
        fileprivate var found: [Int32] = []
        fileprivate var turned = UnsafeMutablePointer<UInt32>.allocate(capacity: 0)   // a query turned (below)
        fileprivate var capacity = 0
        init() {}
        deinit { turned.deallocate() }
    }

    /// The index of the first slug before `index` that looks like the slug at `index`, if any.
    /// `visits`, when given, is increased by the trie nodes the walks looked at.
    func firstLookAlike(_ index: Int, scratch: Scratch = Scratch(), visits: UnsafeMutablePointer<Int>? = nil) -> Int? {
        let slug = slugs[index]
        var found = scratch.found
        scratch.found = []                                  // one owner, so appending never copies
        defer {
            found.removeAll(keepingCapacity: true)
            scratch.found = found
        }
        if sameSquashed[index] >= 0 { found.append(sameSquashed[index]) }
        let start = Int(starts[index]), m = Int(starts[index + 1]) - start
        var walked = 0
        if scratch.capacity < m {
            scratch.turned.deallocate()
            scratch.turned = .allocate(capacity: m + 1)
            scratch.capacity = m
        }
        scalars.withUnsafeBufferPointer { all in
            let slugScalars = UnsafeBufferPointer(rebasing: all[start..<(start + m)]), s = slugScalars.baseAddress!
            /// `body` over the slug's first `head` scalars reversed, then (`cut`) the cut, then
            /// the rest.
            func turned(_ head: Int, cut: Bool = false, _ body: (UnsafeBufferPointer<UInt32>) -> Int) -> Int {
                let out = scratch.turned, rest = cut ? head + 1 : head
                for k in 0..<head { out[k] = s[head - 1 - k] }
                if cut { out[head] = Self.cut }
                for k in head..<m { out[rest - head + k] = s[k] }
                return body(UnsafeBufferPointer(start: out, count: rest - head + m))
            }
            if m >= 10 {
                // What the backward walk below misses has an edit at or after the scalar before
                // its last t' = t(m - 2) (else those t' are the query's last t'), so at most one
                // in its first n - t' - 2 ≥ m - t' - 4 scalars: the forward walk needs no more
                // there, which keeps it out of the neighbouring stems.
                walked += forward.walk(slugScalars, exact: 2, reach: 2, narrow: m - Self.tail(m - 2) - 4,
                                       scratch: scratch.walk, into: &found)
                walked += turned(m) { backward.walk($0, exact: Self.tail(m - 2), reach: 2, scratch: scratch.walk, into: &found) }
                // The query's head lengths m - t(n) - 1 - e (n = m - 2 ... m + 2, e = -1 ... 1),
                // each with the shortest middle n - t(n) - 4 of the pairs it serves.
                withUnsafeTemporaryAllocation(of: Int.self, capacity: m + 1) { exact in
                    exact.initialize(repeating: .max)
                    for n in (m - 2)...(m + 2) {
                        let t = Self.tail(n)
                        for e in -1...1 { exact[m - t - 1 - e] = min(exact[m - t - 1 - e], n - t - 4) }
                    }
                    // A slug whose head is the query's has its first two scalars: the forward
                    // walk finds it if it is near at all, so this walk leaves it at the cut.
                    for length in 0...m where exact[length] < .max {
                        walked += turned(length, cut: true) {
                            heads.walk($0, exact: exact[length], reach: 2, leaving: (length + 1, Self.cut),
                                       scratch: scratch.walk, into: &found)
                        }
                    }
                }
            } else if m >= 4 {
                let c = (max(m - 1, 4) - 1) / 2
                walked += forward.walk(slugScalars, exact: c, reach: 1, scratch: scratch.walk, into: &found)
                walked += turned(m) { backward.walk($0, exact: c, reach: 1, scratch: scratch.walk, into: &found) }
            }
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
