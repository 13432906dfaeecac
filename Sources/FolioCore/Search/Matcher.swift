/// A folded query, ready to probe a corpus.
struct PreparedQuery: Sendable {
    /// Folded, whitespace collapsed: compared whole for exact and prefix matches.
    let full: [UInt32]
    /// `full` without spaces and ASCII punctuation: word-start and subsequence matching ignore
    /// how the query is spaced and punctuated, so "node js" finds Node.js and "cicd" CI/CD.
    /// A query that is only punctuation ("&", "++") keeps it, so it still means something.
    let compact: [UInt32]
    let mask: UInt64

    init(_ query: String) {
        full = Fold.query(query)
        let letters = full.filter { !Self.isSeparator($0) }
        compact = letters.isEmpty ? full.filter { $0 != 0x20 } : letters
        mask = FoldedCorpus.mask(compact)
    }

    var isEmpty: Bool { compact.isEmpty }

    /// ASCII space and punctuation.
    static func isSeparator(_ s: UInt32) -> Bool {
        s < 0x80 && !(0x30 ... 0x39).contains(s) && !(0x61 ... 0x7A).contains(s) && !(0x41 ... 0x5A).contains(s)
    }
}

/// Raw views of a corpus and a query, taken once per ranking so the inner loop has no
/// retain/release or copy-on-write checks.
struct Probe {
    let full: UnsafeBufferPointer<UInt32>
    let compact: UnsafeBufferPointer<UInt32>
    let mask: UInt64
    let scalars: UnsafeBufferPointer<UInt32>
    let starts: UnsafeBufferPointer<UInt8>
    let bounds: UnsafeBufferPointer<Int32>
    let masks: UnsafeBufferPointer<UInt64>

    /// Runs `body` with a probe of `query` over `corpus`.
    static func with<R>(_ query: PreparedQuery, _ corpus: FoldedCorpus, _ body: (Probe) -> R) -> R {
        query.full.withUnsafeBufferPointer { full in
            query.compact.withUnsafeBufferPointer { compact in
                corpus.scalars.withUnsafeBufferPointer { scalars in
                    corpus.wordStarts.withUnsafeBufferPointer { starts in
                        corpus.bounds.withUnsafeBufferPointer { bounds in
                            corpus.masks.withUnsafeBufferPointer { masks in
                                body(Probe(full: full, compact: compact, mask: query.mask, scalars: scalars,
                                           starts: starts, bounds: bounds, masks: masks))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The best kind of match of the query in text `i`, or nil. On a match, `positions` holds the
    /// matched scalar indices (relative to the text, ascending). `scattered: false` demands the
    /// query appear contiguously, as typed, when it matches neither whole, as prefix, nor at word
    /// starts.
    func match(_ i: Int, scattered: Bool, positions: inout [Int32]) -> MatchKind? {
        if mask & ~masks[i] != 0 { return nil }
        let lo = Int(bounds[i]), hi = Int(bounds[i + 1])
        let m = compact.count
        guard m > 0, m <= hi - lo else { return nil }
        // Every kind implies a subsequence: check that first, it rejects most texts.
        var j = 0, end = lo
        while end < hi {
            if scalars[end] == compact[j] {
                j += 1
                if j == m { break }
            }
            end += 1
        }
        guard j == m else { return nil }
        positions.removeAll(keepingCapacity: true)

        if full.count <= hi - lo, startsWithFull(lo) {
            for p in 0 ..< full.count where full[p] != 0x20 { positions.append(Int32(p)) }
            return full.count == hi - lo ? .exact : .prefix
        }
        var budget = 512  // bounds the backtracking on long, repetitive titles
        if segments(0, lo, lo, hi, &budget, &positions) {
            positions.reverse()
            return .wordStart
        }
        positions.removeAll(keepingCapacity: true)
        if scattered {
            // Tightest window ending at the greedy end, so highlights cluster.
            var k = end
            j = m - 1
            while true {
                if scalars[k] == compact[j] {
                    positions.append(Int32(k - lo))
                    if j == 0 { break }
                    j -= 1
                }
                k -= 1
            }
            positions.reverse()
            return .subsequence
        }
        guard let at = substring(lo, hi) else { return nil }
        for p in at ..< at + full.count where scalars[p] != 0x20 { positions.append(Int32(p - lo)) }
        return .subsequence
    }

    private func startsWithFull(_ lo: Int) -> Bool {
        for p in 0 ..< full.count where scalars[lo + p] != full[p] { return false }
        return true
    }

    /// Can `compact[qi...]` be split into runs that each begin at a word start at or after `from`?
    /// Appends matched positions in descending order on success.
    private func segments(_ qi: Int, _ from: Int, _ lo: Int, _ hi: Int,
                          _ budget: inout Int, _ positions: inout [Int32]) -> Bool {
        let m = compact.count
        if qi == m { return true }
        var s = from
        while s + (m - qi) <= hi {
            if starts[s] != 0, scalars[s] == compact[qi] {
                var run = 1
                while qi + run < m, s + run < hi, scalars[s + run] == compact[qi + run] { run += 1 }
                var len = run
                while len > 0 {  // longest run first: fewer, longer highlights
                    budget -= 1
                    if budget < 0 { return false }
                    if segments(qi + len, s + len, lo, hi, &budget, &positions) {
                        for p in stride(from: s + len - 1, through: s, by: -1) { positions.append(Int32(p - lo)) }
                        return true
                    }
                    len -= 1
                }
            }
            s += 1
        }
        return false
    }

    /// Where `full` occurs in the text, if anywhere.
    private func substring(_ lo: Int, _ hi: Int) -> Int? {
        let m = full.count
        var s = lo
        outer: while s + m <= hi {
            for p in 0 ..< m where scalars[s + p] != full[p] {
                s += 1
                continue outer
            }
            return s
        }
        return nil
    }
}
