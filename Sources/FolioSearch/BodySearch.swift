/// Full-text matching over a `BodyCorpus`: the query, folded like the bodies, must occur as
/// typed (a contiguous run, whitespace collapsed). Prose matches scattered letters everywhere,
/// so nothing looser counts.
struct BodySearch {
    /// One body that matched: where (a folded byte offset) and how.
    struct Hit {
        var index: Int32
        var at: Int32
        var wordStart: Bool
    }

    let corpus: BodyCorpus

    /// Bodies holding `query` (folded UTF-8), visiting `among` (ascending) or every body.
    /// Each matched index goes to `matched`; a hit is kept unless `skip` holds for it (an item
    /// already listed by its title). A match at a word start is preferred to the first one.
    func match(_ query: [UInt8], mask: UInt64, among: [Int32]?, matched: inout [Int32],
               skip: (Int) -> Bool) -> [Hit] {
        var hits: [Hit] = []
        guard !query.isEmpty else { return hits }
        query.withUnsafeBufferPointer { q in
            corpus.bytes.withUnsafeBufferPointer { bytes in
                corpus.bodies.withUnsafeBufferPointer { bodies in
                    func visit(_ i: Int) {
                        let body = bodies[i]
                        guard mask & ~body.mask == 0,
                              let first = Self.find(q, bytes, from: Int(body.start), to: Int(body.end)) else { return }
                        matched.append(Int32(i))
                        guard !skip(i) else { return }
                        var at = first
                        while !startsWord(at, body.start, bytes),
                              let next = Self.find(q, bytes, from: at + 1, to: Int(body.end)) {
                            at = next
                        }
                        let wordStart = startsWord(at, body.start, bytes)
                        hits.append(Hit(index: Int32(i), at: Int32(wordStart ? at : first), wordStart: wordStart))
                    }
                    if let among {
                        for i in among { visit(Int(i)) }
                    } else {
                        for i in 0 ..< bodies.count { visit(i) }
                    }
                }
            }
        }
        return hits
    }

    /// Word starts first, each group in the order visited (portfolio order): a stable sort.
    static func ranked(_ hits: [Hit]) -> [Hit] {
        hits.filter(\.wordStart) + hits.filter { !$0.wordStart }
    }

    /// How many times `query` occurs in body `i` before folded offset `at`.
    func occurrences(_ query: [UInt8], in i: Int, before at: Int) -> Int {
        query.withUnsafeBufferPointer { q in
            corpus.bytes.withUnsafeBufferPointer { bytes in
                var n = 0, from = Int(corpus.bodies[i].start)
                while let next = Self.find(q, bytes, from: from, to: Int(corpus.bodies[i].end)), next < at {
                    n += 1
                    from = next + 1
                }
                return n
            }
        }
    }

    private func startsWord(_ at: Int, _ start: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard at > Int(start) else { return true }
        let b = bytes[at - 1]
        return !(b >= 0x80 || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39))
    }

    /// The first offset in `from ..< to` where `q` starts. Looks for the first byte eight at a
    /// time (a zero-byte test on `word ^ pattern`: its lowest hit is exact, higher ones may
    /// be false and are checked anyway), then compares the rest.
    static func find(_ q: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let m = q.count, first = q[0]
        let last = to - m
        guard m > 0, from <= last, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let pattern = UInt64(first) &* 0x0101_0101_0101_0101
        var s = from
        while s <= last {
            if s + 8 <= to {
                let x = raw.loadUnaligned(fromByteOffset: s, as: UInt64.self) ^ pattern
                let hit = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if hit == 0 {
                    s += 8
                    continue
                }
                s += hit.trailingZeroBitCount >> 3
                if s > last { return nil }
            } else if bytes[s] != first {
                s += 1
                continue
            }
            var k = 1
            while k < m, bytes[s + k] == q[k] { k += 1 }
            if k == m { return s }
            s += 1
        }
        return nil
    }
}
