import FolioSearch
import FolioText

/// The `/` overlay: the query, the ranked tags with matched letters highlighted, then items,
/// then text matches (the item and the line around the match, the match highlighted).
enum PromptView {
    static func frame(_ state: AppState, rows: Int) -> Rect {
        let width = min(state.width - 2, 72)
        let top = Geometry(state).topRule
        let height = min(state.height - 1 - top, rows + 3)
        return Rect(x: (state.width - width) / 2, y: top, width: width, height: height)
    }

    /// One display row under the query: a result (by display index), the items heading, or a message.
    enum Row { case result(Int), itemsHeading, textHeading, message(String) }

    static func rows(_ prompt: TagPrompt) -> [Row] {
        let results = prompt.results
        if results.totalTags == 0 && results.items.isEmpty && prompt.query.isEmpty {
            return [.message("There are no stack tags to search.")]
        }
        if results.isEmpty { return [.message("Nothing matches \u{201C}\(prompt.query)\u{201D}.")] }
        var rows = results.tags.indices.map { Row.result($0) }
        if !results.items.isEmpty {
            rows.append(.itemsHeading)
            rows += results.items.indices.map { Row.result(results.tags.count + $0) }
        }
        if !results.bodies.isEmpty {
            rows.append(.textHeading)
            rows += results.bodies.indices.map { Row.result(results.tags.count + results.items.count + $0) }
        }
        return rows
    }

    static func draw(_ state: AppState, _ prompt: TagPrompt, into buffer: inout Buffer) {
        let rows = rows(prompt)
        let box = OverlayBox(frame: frame(state, rows: rows.count))
        let results = prompt.results
        var count = prompt.query.isEmpty ? "\(results.totalTags) tags" : "\(results.tags.count) of \(results.totalTags) tags"
        if results.matchedBodies > 0 { count += ", \(results.matchedBodies) in text" }
        box.draw(title: "Search", topRight: count, glyphs: state.glyphs, into: &buffer)
        let inner = box.inner
        let glyphs = state.glyphs
        buffer.put("/ ", x: inner.x, y: inner.y, style: Styles.key)
        buffer.put(shownQuery(state, prompt, inner), x: inner.x + 2, y: inner.y, style: Style(.normal, .bold))
        let caret = caretPosition(state, prompt)
        buffer.put(state.symbols.caret, x: caret.x, y: caret.y, style: Style(.accent))

        let visible = max(0, inner.height - 1)
        let cursorRow = rows.firstIndex { if case .result(let i) = $0 { i == prompt.cursor } else { false } } ?? 0
        let first = min(max(0, cursorRow - visible + 1), max(0, rows.count - visible))
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = inner.y + 1 + offset
            switch row {
            case .message(let text): buffer.put(text, x: inner.x, y: y, style: Styles.muted, maxWidth: inner.width)
            case .itemsHeading, .textHeading:
                let rule = glyphs.horizontal + glyphs.horizontal
                let label = if case .itemsHeading = row { "items" } else { "in the text" }
                buffer.put("\(rule) \(label) \(rule)", x: inner.x, y: y, style: Styles.muted)
            case .result(let index) where index >= prompt.results.tags.count + prompt.results.items.count:
                let match = prompt.results.bodies[index - prompt.results.tags.count - prompt.results.items.count]
                drawText(match, prompt.index.snippet(match), selected: index == prompt.cursor, at: y, inner, glyphs,
                         into: &buffer)
            case .result(let index):
                let line = ResultLine(prompt.results, index, state.catalog)
                draw(line, selected: index == prompt.cursor, at: y, inner, glyphs, into: &buffer)
            }
        }
    }

    /// The end of a long query, so what is being typed stays in view.
    private static func shownQuery(_ state: AppState, _ prompt: TagPrompt, _ inner: Rect) -> String {
        HeaderView.clipLeft(prompt.query, inner.width - 3, state.glyphs)
    }

    /// Where the next typed character goes.
    static func caretPosition(_ state: AppState, _ prompt: TagPrompt) -> (x: Int, y: Int) {
        let inner = OverlayBox(frame: frame(state, rows: rows(prompt).count)).inner
        return (inner.x + 2 + DisplayWidth.of(shownQuery(state, prompt, inner)), inner.y)
    }

    /// What one result row shows.
    struct ResultLine {
        var name: String
        var matched: [Int]
        var note: String          // an alias that matched, or the item's kind
        var noteMatched: [Int]
        var group: String
        var trailing: String

        init(_ results: SearchResults, _ index: Int, _ catalog: Catalog) {
            if results.tags.indices.contains(index) {
                let m = results.tags[index]
                name = m.tag.name; matched = m.matchedOffsets
                note = m.matchedAlias ?? ""; noteMatched = m.aliasOffsets
                group = catalog.groups(of: m.tag.name).first ?? ""
                trailing = "used by \(m.usedBy)"
            } else {
                let m = results.items[index - results.tags.count]
                name = m.item.title; matched = m.matchedOffsets
                note = ""; noteMatched = []
                group = m.item.kind.displayName
                trailing = ""
            }
        }
    }

    /// A text match: the item's title, then its line of text cut around the match (sanitised,
    /// by display width) with the match highlighted.
    private static func drawText(_ match: BodyMatch, _ line: BodyLine, selected: Bool, at y: Int, _ inner: Rect,
                                 _ glyphs: Glyphs, into buffer: inout Buffer) {
        if selected { buffer.put(glyphs.pointer, x: inner.x, y: y, style: Style(.accent, .bold)) }
        let nameWidth = min(22, max(1, inner.width / 3))
        let titleEnd = inner.x + 2 + buffer.put(Text.clip(match.item.title, width: nameWidth - 1, ellipsis: glyphs.ellipsis),
                                                x: inner.x + 2, y: y, style: .plain)
        let snippetX = inner.x + 2 + nameWidth
        let snippet = Snippet.fit(line.text, match: line.matchedOffsets, width: max(0, inner.maxX - snippetX),
                                  ellipsis: glyphs.ellipsis)
        var x = snippetX
        let highlighted = Set(snippet.highlighted)
        for (i, c) in snippet.text.enumerated() {
            x += buffer.put(String(c), x: x, y: y, style: highlighted.contains(i) ? Style(.match, [.bold, .underline]) : Styles.muted)
        }
        if selected { buffer.restyle(x: inner.x - 1, y: y, width: max(0, titleEnd - inner.x + 1)) { _ in Styles.selected } }
    }

    private static func draw(_ line: ResultLine, selected: Bool, at y: Int, _ inner: Rect, _ glyphs: Glyphs,
                             into buffer: inout Buffer) {
        if selected { buffer.put(glyphs.pointer, x: inner.x, y: y, style: Style(.accent, .bold)) }
        // Tags share the row with group and usage; item titles only with their kind.
        let nameWidth = line.trailing.isEmpty ? max(1, inner.width - 2 - 12) : min(26, inner.width / 2)
        let limit = inner.x + 2 + nameWidth - 1
        var x = highlighted(line.name, line.matched, x: inner.x + 2, limit: limit, into: &buffer)
        if !line.note.isEmpty {
            x += buffer.put(" (", x: x, y: y, style: Styles.muted, maxWidth: limit - x)
            x = highlighted(line.note, line.noteMatched, x: x, limit: limit, into: &buffer)
            buffer.put(")", x: x, y: y, style: Styles.muted, maxWidth: limit - x)
        }
        let groupX = inner.x + 2 + nameWidth
        let trailingX = inner.maxX - DisplayWidth.of(line.trailing)
        buffer.put(Text.clip(line.group, width: max(0, trailingX - groupX - 1), ellipsis: glyphs.ellipsis), x: groupX, y: y, style: Styles.muted)
        if trailingX > groupX { buffer.put(line.trailing, x: trailingX, y: y, style: Styles.muted) }
        // The selected row keeps its matched letters visible: they stay .match, reversed too.
        // Only the pointer and the name are reversed: moving the cursor then rewrites two short
        // runs instead of two full rows (bytes per keystroke matter over ssh).
        if selected {
            buffer.restyle(x: inner.x - 1, y: y, width: max(0, x - inner.x + 1)) {
                $0.role == .match ? Style(.match, [.bold, .underline, .reverse]) : Styles.selected
            }
        }

        func highlighted(_ text: String, _ offsets: [Int], x start: Int, limit: Int, into buffer: inout Buffer) -> Int {
            var x = start
            let room = limit - start
            let cut = DisplayWidth.of(text) > room
            let shown = cut ? Text.clip(text, width: room, ellipsis: glyphs.ellipsis) : text
            for (i, c) in shown.enumerated() {
                guard x + DisplayWidth.of(c) <= limit else { break }
                let style = offsets.contains(i) ? Style(.match, [.bold, .underline]) : .plain
                x += buffer.put(String(c), x: x, y: y, style: style)
            }
            return x
        }
    }
}
