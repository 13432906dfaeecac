/// Matches kept as integers during a ranking pass; structs (and their `[Int]` offsets) are built
/// only for the hits the caller keeps, once each, already in rank order.
struct Hits {
    struct Entry {
        /// Tag or item index.
        var index: Int32
        /// The corpus text that matched (a name, an alias or a title).
        var text: Int32
        var kind: MatchKind
        /// Whether `text` is an alias.
        var isAlias: Bool
        /// `positions[start ..< start + count]` are the matched scalar positions in `text`.
        var start: Int32
        var count: Int32
    }

    private(set) var entries: [Entry] = []
    private(set) var positions: [Int32] = []
    private var perKind = [Int](repeating: 0, count: 4)

    init(capacity: Int) {
        entries.reserveCapacity(capacity)
        positions.reserveCapacity(capacity * 4)
    }

    var count: Int { entries.count }

    mutating func add(_ index: Int, text: Int, kind: MatchKind, isAlias: Bool,
                      positions matched: UnsafeMutablePointer<Int32>, count: Int) {
        entries.append(Entry(index: Int32(index), text: Int32(text), kind: kind, isAlias: isAlias,
                             start: Int32(positions.count), count: Int32(count)))
        positions.append(contentsOf: UnsafeBufferPointer(start: matched, count: count))
        perKind[kind.rawValue] += 1
    }

    /// The first `limit` entries by kind; within a kind, in the order they were added (the
    /// caller adds in tie-break order). A counting sort: no comparisons.
    func ranked(limit: Int) -> [Entry] {
        var next = [Int](repeating: 0, count: 4)
        for k in 1 ..< 4 { next[k] = next[k - 1] + perKind[k - 1] }
        let kept = min(limit, entries.count)
        guard kept > 0 else { return [] }
        var out = [Entry](repeating: entries[0], count: kept)
        for e in entries {
            let slot = next[e.kind.rawValue]
            next[e.kind.rawValue] += 1
            if slot < kept { out[slot] = e }
        }
        return out
    }

    /// Grapheme offsets of an entry's matched positions in its text.
    func offsets(_ e: Entry, in corpus: FoldedCorpus) -> [Int] {
        corpus.offsets(positions[Int(e.start) ..< Int(e.start + e.count)], text: Int(e.text))
    }
}
