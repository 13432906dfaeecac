import FolioText

/// The `/` overlay: the query, the ranked tags with matched letters highlighted, then items.
enum PromptView {
    static func frame(_ state: AppState, rows: Int) -> Rect {
        let width = min(state.width - 2, 72)
        let height = min(state.height - 2, rows + 3)
        return Rect(x: (state.width - width) / 2, y: 1, width: width, height: height)
    }

    /// One display row of the result list: a hit (by index in `results.all`) or the items heading.
    enum Row { case hit(Int), itemsHeading, message(String) }

    static func rows(_ prompt: TagPrompt, _ catalog: Catalog) -> [Row] {
        let results = prompt.results
        if results.totalTags == 0 && results.items.isEmpty { return [.message("No stack tags to search.")] }
        if results.all.isEmpty { return [.message("Nothing matches \u{201C}\(prompt.query)\u{201D}.")] }
        var rows = results.tags.indices.map { Row.hit($0) }
        if !results.items.isEmpty {
            rows.append(.itemsHeading)
            rows += results.items.indices.map { Row.hit(results.tags.count + $0) }
        }
        return rows
    }

    static func draw(_ state: AppState, _ prompt: TagPrompt, into buffer: inout Buffer) {
        let rows = rows(prompt, state.catalog)
        let box = OverlayBox(frame: frame(state, rows: rows.count))
        let results = prompt.results
        let count = prompt.query.isEmpty ? "\(results.totalTags) tags" : "\(results.tags.count) of \(results.totalTags) tags"
        box.draw(title: "Search stack tags", topRight: count, glyphs: state.glyphs, into: &buffer)
        let inner = box.inner
        let glyphs = state.glyphs
        var x = inner.x + buffer.put("/ ", x: inner.x, y: inner.y, style: Styles.key)
        x += buffer.put(HeaderView.clipLeft(prompt.query, inner.width - 3, glyphs), x: x, y: inner.y, style: Style(.normal, .bold))
        buffer.put(state.symbols.caret, x: x, y: inner.y, style: Style(.accent))

        let visible = max(0, inner.height - 1)
        let cursorRow = rows.firstIndex { if case .hit(let i) = $0 { i == prompt.cursor } else { false } } ?? 0
        let first = min(max(0, cursorRow - visible + 1), max(0, rows.count - visible))
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = inner.y + 1 + offset
            switch row {
            case .message(let text): buffer.put(text, x: inner.x, y: y, style: Styles.muted, maxWidth: inner.width)
            case .itemsHeading:
                buffer.put("\(glyphs.horizontal)\(glyphs.horizontal) items \(glyphs.horizontal)\(glyphs.horizontal)",
                           x: inner.x, y: y, style: Styles.muted)
            case .hit(let index):
                drawHit(results.all[index], selected: index == prompt.cursor, at: y, inner, glyphs, into: &buffer)
            }
        }
    }

    private static func drawHit(_ hit: TagMatches.Hit, selected: Bool, at y: Int, _ inner: Rect, _ glyphs: Glyphs,
                                into buffer: inout Buffer) {
        if selected { buffer.put(glyphs.pointer, x: inner.x, y: y, style: Style(.accent, .bold)) }
        let nameWidth = min(24, inner.width / 2)
        var x = inner.x + 2
        let limit = inner.x + 2 + nameWidth - 1
        for (i, c) in hit.title.enumerated() {
            let w = DisplayWidth.of(c)
            guard x + w <= limit else { break }
            x += buffer.put(String(c), x: x, y: y, style: hit.matched.contains(i) ? Style(.match, [.bold, .underline]) : .plain)
        }
        let detailX = inner.x + 2 + nameWidth
        var trailing = ""
        if case .tag = hit.target { trailing = "used by \(hit.usedBy)" }
        let trailingX = inner.maxX - DisplayWidth.of(trailing)
        buffer.put(hit.detail, x: detailX, y: y, style: Styles.muted, maxWidth: max(0, trailingX - detailX - 1))
        if trailingX > detailX { buffer.put(trailing, x: trailingX, y: y, style: Styles.muted) }
        if selected { buffer.restyle(x: inner.x - 1, y: y, width: inner.width + 2) { _ in Styles.selected } }
    }
}
