extension AppState {
    /// Restores every invariant after an action: selection and cursors in range, the
    /// selected row and cursor visible, scroll within the document, and the current
    /// document laid out (and cached) for the current width.
    mutating func normalize() {
        let count = entryCount(section)
        pane.selected = min(max(0, pane.selected), max(0, count - 1))
        if !section.hasList { pane.focus = .detail } else if count == 0 { pane.focus = .list }
        let tagCount = currentTags.count
        pane.tagCursor = min(max(0, pane.tagCursor), max(0, tagCount - 1))
        if pane.focus == .tags && tagCount == 0 { pane.focus = .detail }

        let g = Geometry(self)
        if let list = g.list { pane.listTop = listTop(for: list.height) }
        let doc = prepareDocument(width: g.text.width)
        pane.linkCursor = min(max(0, pane.linkCursor), max(0, doc.links.count - 1))
        if section == .stack, pane.focus == .detail, doc.links.indices.contains(pane.linkCursor) {
            let line = doc.links[pane.linkCursor].line
            pane.scroll = min(max(pane.scroll, line - g.text.height + 1), line)
        }
        if let index = pane.anchor {
            if doc.anchors.indices.contains(index) {
                let line = doc.anchors[index].line
                pane.scroll = min(max(pane.scroll, line - g.text.height + 1), line)
            } else {
                pane.anchor = nil
            }
        }
        pane.scroll = min(max(0, pane.scroll), max(0, doc.lines.count - g.text.height))
        refreshFind()

        switch overlay {
        case .help(let scroll)?:
            prepareDocument(.help, width: HelpView.textWidth(self))
            overlay = .help(scroll: min(max(0, scroll), HelpView.maxScroll(self)))
        case .search(var prompt)?:
            prompt.cursor = min(max(0, prompt.cursor), max(0, prompt.count - 1))
            overlay = .search(prompt)
        case .link?, nil:
            break
        }
    }

    /// The first list row to show so the selected row is visible, moving as little as
    /// possible, and showing a Stack group's heading with its first tag.
    private func listTop(for height: Int) -> Int {
        let rows = ListView.rowCount(self)
        let height = max(1, height)
        var row = ListView.row(ofEntry: pane.selected, self)
        if row > 0, ListView.row(row - 1, self).entry == nil { row -= 1 }
        let selectedRow = ListView.row(ofEntry: pane.selected, self)
        var top = min(pane.listTop, row)
        top = max(top, selectedRow - height + 1)
        return min(max(0, top), max(0, rows - height))
    }
}
