/// Lays blocks out as terminal lines: wrapped to `width`, one blank line between blocks (none
/// before a `compact` block), container prefixes ("│ ", list markers, hanging indents) on every
/// line, code folded, tables fitted. No line is ever wider than `width`; `width <= 0` gives [].
public enum Layout {
    public static func lines(_ blocks: [Block], width: Int, glyphs: Glyphs = .unicode) -> [StyledLine] {
        guard width > 0 else { return [] }
        var out: [StyledLine] = []
        var previous: Block?
        for block in blocks {
            if let previous, !block.compact {
                out.append(blankLine(between: previous, and: block, width: width, glyphs: glyphs))
            }
            out += lines(of: block, width: width, glyphs: glyphs)
            previous = block
        }
        return out
    }

    /// One block's lines, prefixes included.
    public static func lines(of block: Block, width: Int, glyphs: Glyphs = .unicode) -> [StyledLine] {
        guard width > 0 else { return [] }
        // Deep nesting may not starve the text: prefixes get at most half the line.
        let (first, rest) = prefixes(block.containers, glyphs: glyphs, limit: width / 2)
        let inner = width - max(Text.width(first), Text.width(rest))
        var body = bodyLines(block, width: inner, glyphs: glyphs)
        if body.isEmpty { body = [[]] }
        return body.enumerated().map { index, line in
            let prefix = index == 0 ? first : rest
            return line.isEmpty ? trimTrailingSpaces(prefix) : prefix + line
        }
    }

    private static func bodyLines(_ block: Block, width: Int, glyphs: Glyphs) -> [StyledLine] {
        switch block.kind {
        case .paragraph:
            return wrap(block.spans, width: width)
        case .heading(let level):
            let hashes = String(repeating: "#", count: max(1, min(level, 6))) + " "
            return wrap([Span(hashes, Style(.heading, .bold))] + block.spans, width: width)
        case .code(let language):
            return code(block.spans, language: language, width: width, glyphs: glyphs)
        case .table(let table):
            return TableLayout.lines(table, width: width, glyphs: glyphs)
        case .rule:
            let unit = max(1, DisplayWidth.of(glyphs.horizontal))
            return [[Span(String(repeating: glyphs.horizontal, count: width / unit), Style(.border))]]
        }
    }

    /// Code keeps its line breaks and spacing; tabs expand to 4-column stops. A labelled block
    /// starts with its language ("── swift"). A two-space indent sets code apart when there is
    /// room. A line too long for the width breaks after a space or after `,;([{`, never inside a
    /// word, and goes on after a continuation marker ("↪ "); only a token longer than a whole
    /// line is cut at the edge. Nothing is clipped away: the pane cannot scroll sideways.
    private static func code(_ spans: [Span], language: String, width: Int, glyphs: Glyphs) -> [StyledLine] {
        let indent = width > 8 ? 2 : 0
        let room = width - indent
        let margin = String(repeating: " ", count: indent)
        var out: [StyledLine] = []
        if !language.isEmpty {
            let label = margin + glyphs.horizontal + glyphs.horizontal + " " + language
            out.append([Span(Text.clip(label, width: width, ellipsis: glyphs.ellipsis), Style(.muted))])
        }
        let marker = glyphs.continuation + " "
        let markerWidth = DisplayWidth.of(marker)
        let restRoom = room - markerWidth >= 4 ? room - markerWidth : room
        for span in spans {
            for sourceLine in span.text.split(separator: "\n", omittingEmptySubsequences: false) {
                var rest = codeCells(sourceLine, room: room)[...]
                if rest.isEmpty {
                    out.append([])
                    continue
                }
                var first = true
                while !rest.isEmpty {
                    let end = codeBreak(rest, room: first ? room : restRoom)
                    var text = rest[..<end].map(\.text).joined()
                    if end < rest.endIndex { while text.hasSuffix(" ") { text.removeLast() } }
                    if first {
                        out.append([Span(margin + text, span.style)])
                    } else if restRoom < room {
                        out.append([Span(margin + marker, Style(.muted)), Span(text, span.style)])
                    } else {
                        out.append([Span(margin + text, span.style)])
                    }
                    rest = rest[end...].drop { $0.text == " " }
                    first = false
                }
            }
        }
        return out
    }

    /// A code line as grapheme cells with their widths; tabs become spaces to the next stop of 4,
    /// and a character wider than the room becomes "?".
    private static func codeCells(_ line: Substring, room: Int) -> [(text: String, width: Int)] {
        var cells: [(text: String, width: Int)] = []
        var column = 0
        for c in line {
            if c == "\t" {
                let n = 4 - column % 4
                cells += Array(repeating: (" ", 1), count: n)
                column += n
                continue
            }
            let w = DisplayWidth.of(c)
            cells.append(w > room ? ("?", 1) : (String(c), w))
            column += w > room ? 1 : w
        }
        return cells
    }

    /// Where to end a piece of code line that must fit `room` columns: all of it if it fits,
    /// else after the last space or opening punctuation that fits, else at the edge.
    private static func codeBreak(_ cells: ArraySlice<(text: String, width: Int)>, room: Int) -> Int {
        var used = 0
        var fit = cells.startIndex
        while fit < cells.endIndex, used + cells[fit].width <= room {
            used += cells[fit].width
            fit += 1
        }
        if fit == cells.endIndex { return fit }
        if cells[fit].text == " " { return fit }
        // Not inside the indentation: a line of only spaces helps nobody.
        let text = cells[cells.startIndex..<fit].firstIndex { $0.text != " " } ?? fit
        var k = fit
        while k > text + 1 {
            if [" ", ",", ";", "(", "[", "{"].contains(cells[k - 1].text) { return k }
            k -= 1
        }
        return max(fit, cells.startIndex + 1)
    }

    /// First-line and continuation prefixes for a block's containers, outermost first, keeping
    /// only the containers whose prefixes fit in `limit` columns.
    static func prefixes(_ containers: [Block.Container], glyphs: Glyphs, limit: Int) -> (StyledLine, StyledLine) {
        var first: StyledLine = []
        var rest: StyledLine = []
        var used = 0
        for container in containers {
            let (head, tail): (Span, Span)
            switch container {
            case .quote:
                head = Span(glyphs.quoteBar + " ", Style(.quote))
                tail = head
            case .item(let marker, let showsMarker):
                let text = markerText(marker, glyphs: glyphs) + " "
                tail = Span(String(repeating: " ", count: DisplayWidth.of(text)))
                head = showsMarker ? Span(text, Style(.marker)) : tail
            }
            used += DisplayWidth.of(tail.text)
            if used > limit { break }
            first.append(head)
            rest.append(tail)
        }
        return (first, rest)
    }

    static func markerText(_ marker: Block.ListMarker, glyphs: Glyphs) -> String {
        switch marker {
        case .bullet(let depth):
            return glyphs.bullet(depth: depth)
        case .number(let n, let digits, let delimiter):
            let number = String(n)
            return String(repeating: " ", count: max(0, digits - number.count)) + number + String(delimiter)
        case .task(let checked):
            return checked ? "[x]" : "[ ]"
        case .footnote(let n, let digits):
            let number = String(n)
            return String(repeating: " ", count: max(0, digits - number.count)) + "[" + number + "]"
        }
    }

    /// The blank line between two blocks keeps the quote bars they share.
    private static func blankLine(between a: Block, and b: Block, width: Int, glyphs: Glyphs) -> StyledLine {
        var shared: [Block.Container] = []
        for (x, y) in zip(a.containers, b.containers) {
            guard x.continued == y.continued else { break }
            shared.append(x.continued)
        }
        guard !shared.isEmpty else { return [] }
        return trimTrailingSpaces(prefixes(shared, glyphs: glyphs, limit: width / 2).1)
    }

    static func trimTrailingSpaces(_ line: StyledLine) -> StyledLine {
        var out = line
        while let last = out.last {
            let trimmed = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
            if trimmed.isEmpty {
                out.removeLast()
            } else {
                out[out.count - 1].text = trimmed
                break
            }
        }
        return out
    }
}

private extension Block.Container {
    /// The container as it stands on lines after its first.
    var continued: Block.Container {
        if case .item(let marker, _) = self { return .item(marker, showsMarker: false) }
        return self
    }
}
