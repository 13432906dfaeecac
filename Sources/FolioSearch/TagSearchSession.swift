/// Ranks as the user types. Each keystroke that extends the query only re-probes the texts that
/// survived the previous one; Backspace falls back to the longest earlier query that still
/// applies, so editing never pays for a full scan twice.
///
/// Results are identical to `TagIndex.rank(_:limit:)` for the same query (see the tests); only
/// the work differs. A value type: keep it in the prompt's state.
public struct TagSearchSession: Sendable, Equatable {
    public let index: TagIndex
    /// Candidates for successively longer queries, each extending the one below.
    private var levels: [TagIndex.Candidates] = []

    public init(index: TagIndex) {
        self.index = index
    }

    public mutating func rank(_ query: String, limit: Int = .max) -> SearchResults {
        let q = PreparedQuery(query)
        while let top = levels.last, !q.compact.starts(with: top.compact) { levels.removeLast() }
        let (results, candidates) = index.rank(query, q, limit: limit, among: levels.last)
        if let candidates, candidates.compact != levels.last?.compact {
            if levels.count == 64 { levels.removeFirst() }  // a pasted paragraph, say
            levels.append(candidates)
        }
        return results
    }
}
