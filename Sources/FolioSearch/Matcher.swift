/// A folded query, ready to probe a corpus.
struct PreparedQuery: Sendable {
    /// Folded, whitespace collapsed: compared whole for exact and prefix matches.
    let full: [UInt32]
    /// `full` without spaces and ASCII punctuation: word-start and subsequence matching ignore
    /// how the query is spaced and punctuated, so "node js" finds Node.js and "cicd" CI/CD.
    /// A query that is only punctuation ("&", "++") keeps it, so it still means something.
    let compact: [UInt32]
    let mask: UInt64

    /// Characters of a query that count; the rest is ignored (a pasted page, say).
    static let limit = 128

    init(_ query: String) {
        full = Fold.query(String(query.prefix(Self.limit)))
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

/// What probing one text found.
enum Outcome {
    /// The text lacks the query's letters in order: no longer query can match it either.
    case rejected
    /// The letters are there in order but not in a way this corpus counts (scattered over a title).
    case candidate
    /// A match; its first `count` positions are in the probe's buffer.
    case matched(MatchKind, count: Int)
}

/// Raw views of a corpus and a query, taken once per ranking so the inner loop has no
/// retain/release, copy-on-write or bounds checks.
struct Probe {
    let full: UnsafeBufferPointer<UInt32>
    let compact: UnsafeBufferPointer<UInt32>
    let mask: UInt64
    /// The bit of the query's first letter: a word-start match needs it in the text's startMask.
    let firstBit: UInt64
    let scalars: UnsafeBufferPointer<UInt32>
    let starts: UnsafeBufferPointer<UInt8>
    let texts: UnsafeBufferPointer<FoldedCorpus.Text>

    /// Runs `body` with a probe of `query` over `corpus`.
    static func with<R>(_ query: PreparedQuery, _ corpus: FoldedCorpus, _ body: (Probe) -> R) -> R {
        query.full.withUnsafeBufferPointer { full in
            query.compact.withUnsafeBufferPointer { compact in
                corpus.scalars.withUnsafeBufferPointer { scalars in
                    corpus.wordStarts.withUnsafeBufferPointer { starts in
                        corpus.texts.withUnsafeBufferPointer { texts in
                            body(Probe(full: full, compact: compact, mask: query.mask,
                                       firstBit: compact.first.map(FoldedCorpus.bit) ?? 0,
                                       scalars: scalars, starts: starts, texts: texts))
                        }
                    }
                }
            }
        }
    }

    /// The best kind of match of the query in text `i`. Matched scalar positions (relative to
    /// the text, ascending) go to `out`, which must hold `full.count`. `scattered: false` demands
    /// the query appear contiguously, as typed, when it matches neither whole, as prefix, nor at
    /// word starts.
    func match(_ i: Int, scattered: Bool, into out: UnsafeMutablePointer<Int32>) -> Outcome {
        let text = texts[i]
        if mask & ~text.mask != 0 { return .rejected }
        let lo = Int(text.start), hi = Int(text.end)
        let m = compact.count
        guard m > 0, m <= hi - lo else { return .rejected }
        // Every kind implies a subsequence: check that first, it rejects most texts.
        var j = 0, end = lo
        while end < hi {
            if scalars[end] == compact[j] {
                j += 1
                if j == m { break }
            }
            end += 1
        }
        guard j == m else { return .rejected }

        if full.count <= hi - lo, startsWithFull(lo) {
            var n = 0
            for p in 0 ..< full.count where full[p] != 0x20 {
                out[n] = Int32(p)
                n += 1
            }
            return .matched(full.count == hi - lo ? .exact : .prefix, count: n)
        }
        var budget = 512  // bounds the backtracking on long, repetitive titles
        if text.startMask & firstBit != 0, segments(0, lo, lo, hi, &budget, out) {
            return .matched(.wordStart, count: m)
        }
        if scattered {
            // Tightest window ending at the greedy end, so highlights cluster.
            var k = end
            j = m - 1
            while j >= 0 {
                if scalars[k] == compact[j] {
                    out[j] = Int32(k - lo)
                    j -= 1
                }
                k -= 1
            }
            return .matched(.subsequence, count: m)
        }
        // A one-letter query occurs first where the subsequence scan stopped.
        guard let at = full.count == 1 ? end : substring(lo, hi) else { return .candidate }
        var n = 0
        for p in at ..< at + full.count where scalars[p] != 0x20 {
            out[n] = Int32(p - lo)
            n += 1
        }
        return .matched(.subsequence, count: n)
    }

    private func startsWithFull(_ lo: Int) -> Bool {
        for p in 0 ..< full.count where scalars[lo + p] != full[p] { return false }
        return true
    }

    /// Can `compact[qi...]` be split into runs that each begin at a word start at or after `from`?
    /// On success the matched positions are in `out[qi ..< compact.count]`.
    private func segments(_ qi: Int, _ from: Int, _ lo: Int, _ hi: Int,
                          _ budget: inout Int, _ out: UnsafeMutablePointer<Int32>) -> Bool {
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
                    if segments(qi + len, s + len, lo, hi, &budget, out) {
                        for k in 0 ..< len { out[qi + k] = Int32(s + k - lo) }
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
