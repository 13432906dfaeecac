/// A window of one line of text around a match, fitted to a width: what a search result shows
/// of the page it found. Every character passes the sanitiser on its own (a control becomes a
/// visible marker), so the matched offsets stay right; widths come from `DisplayWidth`.
public struct Snippet: Sendable, Hashable {
    /// The window, with `ellipsis` where text was left out before or after.
    public var text: String
    /// Grapheme offsets into `text` of the matched characters, ascending.
    public var highlighted: [Int]

    /// The part of `line` around `match` (grapheme offsets into `line`, ascending) that fits
    /// in `width` columns: about a third of the width of context before the match, as much as
    /// fits after it. A match wider than the window shows its start.
    public static func fit(_ line: String, match: [Int], width: Int, ellipsis: String = "…") -> Snippet {
        guard width > 0 else { return Snippet(text: "", highlighted: []) }
        let pieces = line.map { Sanitiser.cleanLine(String($0)) }
        let widths = pieces.map { DisplayWidth.of($0) }
        let total = widths.reduce(0, +)
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        var start = 0, end = pieces.count
        if total > width {
            let first = min(match.first ?? 0, max(0, pieces.count - 1))
            // Context before: a third of the width, less when the rest of the line is short.
            var after = 0
            for w in widths[first...] { after += w }
            var lead = max(width / 3, width - after)
            start = first
            while start > 0 {
                let w = widths[start - 1] + (start - 1 > 0 ? ellipsisWidth : 0)
                if w > lead { break }
                lead -= widths[start - 1]
                start -= 1
            }
            // Start at a word when one begins a little further on.
            if start > 0, start < first, let word = (start + 1 ... first).first(where: { pieces[$0 - 1] == " " }),
               word - start <= 12 {
                start = word
            }
            var room = width - (start > 0 ? ellipsisWidth : 0)
            end = start
            var used = 0
            for k in start ..< pieces.count {
                used += widths[k]
                if used > room { break }
                end = k + 1
            }
            if end < pieces.count {
                room -= ellipsisWidth
                while end > start, widths[start ..< end].reduce(0, +) > room { end -= 1 }
            }
        }
        var text = start > 0 ? ellipsis : ""
        var offset = start > 0 ? ellipsis.count : 0
        var highlighted: [Int] = []
        let matched = Set(match)
        for k in start ..< end {
            let n = pieces[k].count
            if matched.contains(k) { highlighted += offset ..< offset + n }
            text += pieces[k]
            offset += n
        }
        if end < pieces.count { text += ellipsis }
        // A window too narrow for even an ellipsis and a character is cut to the width.
        if DisplayWidth.of(text) > width { text = Text.cut(text, width: width); highlighted = highlighted.filter { $0 < text.count } }
        return Snippet(text: text, highlighted: highlighted)
    }
}
