/// Measuring, cutting and padding text by terminal display width.
public enum Text {
    public enum Alignment: Sendable, Hashable { case left, right, center }

    /// Display width of a string (see `DisplayWidth`).
    public static func width(_ s: String) -> Int { DisplayWidth.of(s) }

    /// Display width of a styled line.
    public static func width(_ line: StyledLine) -> Int {
        line.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    /// The line's text without styles.
    public static func plain(_ line: StyledLine) -> String {
        line.map(\.text).joined()
    }

    /// The longest prefix of `s` that fits in `width` columns, cut between grapheme clusters.
    /// May be one column short when a wide character straddles the edge.
    public static func cut(_ s: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var end = s.startIndex
        for index in s.indices {
            let w = DisplayWidth.of(s[index])
            if used + w > width { return String(s[..<index]) }
            used += w
            end = s.index(after: index)
        }
        return String(s[..<end])
    }

    /// The longest prefix of a styled line that fits in `width` columns (no ellipsis).
    public static func cut(_ line: StyledLine, width: Int) -> StyledLine {
        var out: StyledLine = []
        var used = 0
        for span in line {
            let w = DisplayWidth.of(span.text)
            if used + w <= width {
                out.append(span)
                used += w
                continue
            }
            let part = cut(span.text, width: width - used)
            if !part.isEmpty { out.append(Span(part, span.style)) }
            break
        }
        return out
    }

    /// `s` if it fits in `width` columns, otherwise cut with `ellipsis` appended so the result
    /// fits. When even the ellipsis does not fit, `s` is cut without one. `width <= 0` gives "".
    public static func clip(_ s: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(s) <= width { return s }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        if ellipsisWidth > width { return cut(s, width: width) }
        return cut(s, width: width - ellipsisWidth) + ellipsis
    }

    /// A styled line clipped like `clip(_:width:ellipsis:)`; the ellipsis takes the style of
    /// the text it replaces.
    public static func clip(_ line: StyledLine, width: Int, ellipsis: String = "…") -> StyledLine {
        guard width > 0 else { return [] }
        if Text.width(line) <= width { return line }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let room = ellipsisWidth > width ? width : width - ellipsisWidth
        var out = cut(line, width: room)
        // The ellipsis stands for the span that was cut: the first one not kept whole.
        var index = out.count
        if let last = out.last, last.text != line[out.count - 1].text { index -= 1 }
        let cutStyle = line.isEmpty ? Style.plain : line[min(index, line.count - 1)].style
        if ellipsisWidth <= width { out.append(Span(ellipsis, cutStyle)) }
        return out
    }

    /// `s` padded with spaces to exactly `width` columns; clipped with "…" first if too wide.
    public static func pad(_ s: String, width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let fitted = clip(s, width: width)
        let gap = width - DisplayWidth.of(fitted)
        let (left, right) = split(gap, alignment)
        return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: right)
    }

    /// A styled line padded to exactly `width` columns (clipped first if too wide). Padding takes
    /// `fill`'s style, plain by default.
    public static func pad(
        _ line: StyledLine, width: Int, alignment: Alignment = .left, fill: Style = .plain
    ) -> StyledLine {
        guard width > 0 else { return [] }
        let fitted = clip(line, width: width)
        let gap = width - Text.width(fitted)
        let (left, right) = split(gap, alignment)
        var out: StyledLine = []
        if left > 0 { out.append(Span(String(repeating: " ", count: left), fill)) }
        out += fitted
        if right > 0 { out.append(Span(String(repeating: " ", count: right), fill)) }
        return out
    }

    private static func split(_ gap: Int, _ alignment: Alignment) -> (Int, Int) {
        switch alignment {
        case .left: return (0, gap)
        case .right: return (gap, 0)
        case .center: return (gap / 2, gap - gap / 2)
        }
    }
}
