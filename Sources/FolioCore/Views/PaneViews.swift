import FolioText

/// The list on the left (or on top when stacked).
enum ListPaneView {
    static func draw(_ state: AppState, _ g: Geometry, into buffer: inout Buffer) {
        guard let list = g.list else { return }
        let rows = ListView.rowCount(state)
        if rows == 0 {
            buffer.put(state.section.emptyText, x: list.x + 1, y: list.y, style: Styles.muted, maxWidth: list.width - 2)
            return
        }
        let focused = state.pane.focus == .list
        for offset in 0..<min(list.height, rows - state.pane.listTop) {
            let row = ListView.row(state.pane.listTop + offset, state)
            let y = list.y + offset
            guard let entry = row.entry else {
                buffer.put(Text.clip(row.text, width: list.width - 2, ellipsis: state.glyphs.ellipsis), x: list.x + 1, y: y, style: Styles.heading)
                continue
            }
            let selected = entry == state.pane.selected
            if selected { buffer.put(state.glyphs.pointer, x: list.x + 1, y: y, style: Style(.accent, .bold)) }
            let (title, trailing) = fit(row, room: list.width - 4, state.glyphs)
            let style = row.introduction ? Styles.heading : selected ? Style(.normal, .bold) : .plain
            buffer.put(title, x: list.x + 3, y: y, style: style)
            buffer.putRight(trailing, right: list.maxX - 1, y: y, style: Styles.muted)
            if selected && focused { buffer.restyle(x: list.x, y: y, width: list.width) { _ in Styles.selected } }
        }
    }
}

extension ListPaneView {
    /// Title and trailing note for a row of `room` columns. Both show in full when they fit;
    /// otherwise the title keeps at least three fifths and the note is clipped or dropped.
    static func fit(_ row: ListRow, room: Int, _ glyphs: Glyphs) -> (String, String) {
        let titleWidth = DisplayWidth.of(row.text), noteWidth = DisplayWidth.of(row.trailing)
        if row.trailing.isEmpty || titleWidth + 1 + noteWidth <= room {
            return (Text.clip(row.text, width: room, ellipsis: glyphs.ellipsis), row.trailing)
        }
        let titleRoom = max(room - noteWidth - 1, min(titleWidth, room * 3 / 5))
        let noteRoom = room - min(titleWidth, titleRoom) - 1
        guard noteRoom >= 3 else { return (Text.clip(row.text, width: room, ellipsis: glyphs.ellipsis), "") }
        return (Text.clip(row.text, width: titleRoom, ellipsis: glyphs.ellipsis),
                Text.clip(row.trailing, width: noteRoom, ellipsis: glyphs.ellipsis))
    }
}

/// The detail pane: the current document, the tag view's cursor, and the pinned tag row.
enum DetailPaneView {
    static func draw(_ state: AppState, _ g: Geometry, into buffer: inout Buffer) {
        let text = g.text
        let doc = state.document(width: text.width)
        let scroll = state.pane.scroll
        for offset in 0..<max(0, min(text.height, doc.lines.count - scroll)) {
            buffer.put(doc.lines[scroll + offset], x: text.x, y: text.y + offset, maxWidth: text.width)
        }
        if let focused = state.pane.anchor, doc.anchors.indices.contains(focused) {
            // The focused link's cells, wherever it wraps: reversed, keeping their link number.
            let number = UInt16(focused + 1)
            for row in text.y..<text.y + text.height {
                buffer.restyle(x: text.x, y: row, width: text.width) { style in
                    style.link == number ? Style(.selection, [.reverse, .bold], link: number) : style
                }
            }
        }
        if let find = state.pageFind, find.width == text.width { drawFind(find, doc, scroll, text, into: &buffer) }
        buffer.links = doc.anchors.map(\.target)
        if state.section == .stack, state.pane.focus == .detail, doc.links.indices.contains(state.pane.linkCursor) {
            let row = doc.links[state.pane.linkCursor].line - scroll
            if row >= 0 && row < text.height {
                buffer.restyle(x: text.x - 1, y: text.y + row, width: text.width + 2) { _ in Styles.selected }
            }
        }
        if let tags = g.tags { drawTags(state, tags, into: &buffer) }
    }

    /// The search's matches in the page: highlighted like the `/` results; the current one
    /// (where the search opened the page, or n/N went) reversed too. Cells keep their link number.
    private static func drawFind(_ find: PageFind, _ doc: Document, _ scroll: Int, _ text: Rect, into buffer: inout Buffer) {
        for (i, m) in find.matches.enumerated() where m.endLine >= scroll && m.line < scroll + text.height {
            let attributes: Attributes = i == find.current ? [.bold, .underline, .reverse] : [.bold, .underline]
            for line in max(m.line, scroll) ... min(m.endLine, scroll + text.height - 1) {
                let plain = Text.plain(doc.lines[line])
                let from = line == m.line ? column(plain, m.start) : 0
                let to = line == m.endLine ? column(plain, m.end) : DisplayWidth.of(plain)
                buffer.restyle(x: text.x + from, y: text.y + line - scroll, width: min(to, text.width) - from) {
                    Style(.match, attributes, link: $0.link)
                }
            }
        }
    }

    /// The column where grapheme `offset` of `line` starts.
    private static func column(_ line: String, _ offset: Int) -> Int {
        line.prefix(offset).reduce(0) { $0 + DisplayWidth.of($1) }
    }

    private static func drawTags(_ state: AppState, _ tags: TagRowLayout, into buffer: inout Buffer) {
        if tags.firstVisibleLine == 0 {
            buffer.put(TagRowLayout.label, x: tags.originX, y: tags.originY, style: Styles.muted)
        }
        // Arrows at the row's end when chips are wrapped out of view above or below.
        let right = tags.originX + tags.width - 1
        if tags.firstVisibleLine > 0 {
            buffer.put(state.symbols.scrollUp, x: right, y: tags.originY, style: Styles.muted)
        }
        if tags.firstVisibleLine + tags.visibleRows < tags.lineCount {
            buffer.put(state.symbols.scrollDown, x: right, y: tags.originY + tags.visibleRows - 1, style: Styles.muted)
        }
        let focused = state.pane.focus == .tags
        for chip in tags.chips {
            guard let at = tags.position(of: chip) else { continue }
            // The cursor stays marked (underlined) when the row is not focused: after following
            // a tag it shows the way back.
            let current = chip.index == state.pane.tagCursor
            let style = current && focused ? Styles.selected : current ? Style(.tag, .underline) : Style(.tag)
            buffer.put(chip.label, x: at.x, y: at.y, style: style)
        }
    }
}

/// The footer: the keys that do something right now, from the key table.
enum StatusBarView {
    static func draw(_ state: AppState, _ g: Geometry, into buffer: inout Buffer) {
        let entries = KeyTable.standard.statusBindings(for: state)
        let glyphs = state.symbols
        // Help and the way out always show, last; the rest fill what room is left in table order.
        let isPinned: (Binding) -> Bool = { [.openHelp, .closeOverlay, .quit].contains($0.keys.first?.action) }
        let pinned = entries.filter(isPinned)
        // Content problems stay in view (About lists them, and which files were skipped); none in a kiosk.
        // A reload's notice says the count itself.
        let problems = state.notice == nil ? state.portfolio.diagnostics.count : 0
        let unread = state.inbox?.unread ?? 0
        let notes = [state.notice?.text ?? "", findNote(state), state.mouseCapture ? "" : "mouse off (m)", ComposerView.statusNote(state),
                    problems == 0 ? "" : "\(problems) content problem\(problems == 1 ? "" : "s") (About)",
                    unread == 0 ? "" : "\(unread) new enquir\(unread == 1 ? "y" : "ies")"]
            .filter { !$0.isEmpty }.joined(separator: " \(state.glyphs.dot) ")
        let pinnedWidth = pinned.reduce(0) { $0 + DisplayWidth.of($1.statusText(glyphs)) + 2 }
        // A long note (a reload's error) is clipped to the room the pinned keys leave.
        let note = Text.clip(notes, width: max(0, g.width - 3 - pinnedWidth), ellipsis: state.glyphs.ellipsis)
        let noteWidth = note.isEmpty ? 0 : DisplayWidth.of(note) + 2
        var room = g.width - 1 - noteWidth - pinnedWidth
        var shown: [Binding] = []
        for binding in entries where !isPinned(binding) {
            let width = DisplayWidth.of(binding.statusText(glyphs)) + 2
            if width <= room { shown.append(binding); room -= width }
        }
        var x = 1
        for binding in shown + pinned { x = put(binding, at: x, g.statusRow, glyphs, into: &buffer) + 2 }
        if !note.isEmpty && x + noteWidth <= g.width {
            buffer.putRight(note, right: g.width - 1, y: g.statusRow, style: Style(.warning, .bold))
        }
    }

    /// "“kafka” 2/5" while the page on screen holds the last search's query.
    private static func findNote(_ state: AppState) -> String {
        guard let find = state.pageFind else { return "" }
        let query = Text.clip(find.query, width: 20, ellipsis: state.glyphs.ellipsis)
        let (open, close) = state.glyphs == .ascii ? ("\"", "\"") : ("\u{201C}", "\u{201D}")
        return "\(open)\(query)\(close) \(find.current.map { "\($0 + 1)/" } ?? "")\(find.matches.count)"
    }

    private static func put(_ binding: Binding, at x: Int, _ y: Int, _ glyphs: Symbols, into buffer: inout Buffer) -> Int {
        let keys = binding.keys.prefix(binding.statusKeys).map { $0.key.label(glyphs) }.joined(separator: "/")
        var x = x + buffer.put(keys, x: x, y: y, style: Styles.key)
        x += buffer.put(" " + binding.label, x: x, y: y, style: Styles.muted)
        return x
    }
}
