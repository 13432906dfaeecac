/// Where a query occurs in a page already laid out in lines (the detail pane's text): what
/// `n`/`N` step through and the pane highlights. Folded like every other search (case,
/// accents, whitespace runs as one space); a line break reads as a space, so a phrase wrapped
/// over two lines is still found.
public struct PageOccurrence: Sendable, Hashable {
    /// First line and the grapheme offset of the first matched character in it.
    public var line: Int
    public var start: Int
    /// Last line and the grapheme offset just after the last matched character in it.
    public var endLine: Int
    public var end: Int
}

public enum PageSearch {
    /// At most this many occurrences are reported in one page.
    public static let limit = 10_000

    /// Occurrences of `query` in `lines`, in reading order, not overlapping. Linear in the
    /// text times the query's length (the query is at most `TagIndex.queryLimit` characters).
    public static func occurrences(of query: String, in lines: [String]) -> [PageOccurrence] {
        let q = PreparedQuery(query).full
        guard !q.isEmpty else { return [] }
        var folded: [UInt32] = []
        var line: [Int32] = [], offset: [Int32] = []  // where each folded scalar came from
        for (l, text) in lines.enumerated() {
            if !folded.isEmpty && folded.last != 0x20 {  // the line break
                folded.append(0x20)
                line.append(Int32(l))
                offset.append(0)
            }
            for (g, ch) in text.enumerated() {
                let before = folded.count
                Fold.append(ch, to: &folded)
                if folded.count == before + 1, folded[before] == 0x20, before > 0, folded[before - 1] == 0x20 {
                    folded.removeLast()
                    continue
                }
                for _ in before ..< folded.count {
                    line.append(Int32(l))
                    offset.append(Int32(g))
                }
            }
        }
        var out: [PageOccurrence] = []
        let m = q.count
        var s = 0
        outer: while s + m <= folded.count, out.count < limit {
            for k in 0 ..< m where folded[s + k] != q[k] {
                s += 1
                continue outer
            }
            let last = s + m - 1
            out.append(PageOccurrence(line: Int(line[s]), start: Int(offset[s]),
                                      endLine: Int(line[last]), end: Int(offset[last]) + 1))
            s += m
        }
        return out
    }
}
