extension AppState {
    /// A click selects and focuses what is under it; clicking what is already selected opens it.
    mutating func click(x: Int, y: Int) {
        let g = Geometry(self)
        guard !g.tooSmall else { return }
        if y == g.tabRow {
            if let tab = TabBar(self).tabs.first(where: { x >= $0.x && x < $0.x + $0.width }) { section = tab.section }
        } else if let list = g.list, list.contains(x: x, y: y) {
            let row = pane.listTop + (y - list.y)
            guard row < ListView.rowCount(self), let entry = ListView.row(row, self).entry else { return }
            if entry == pane.selected && pane.focus == .list { activate() } else { select(entry); pane.focus = .list }
        } else if let tags = g.tags, let chip = tags.chips.first(where: { chip in
            tags.position(of: chip).map { y == $0.y && x >= $0.x && x < $0.x + chip.width } ?? false
        }) {
            if pane.focus == .tags && pane.tagCursor == chip.index { activate(); return }
            pane.tagCursor = chip.index
            pane.focus = .tags
        } else if g.detail.contains(x: x, y: y) {
            guard entryCount(section) > 0 || !section.hasList else { return }
            let line = pane.scroll + (y - g.text.y)
            let links = document(width: g.text.width).links
            if section == .stack, let i = links.firstIndex(where: { $0.line == line }) {
                if pane.focus == .detail && pane.linkCursor == i { activate(); return }
                pane.linkCursor = i
            }
            pane.focus = .detail
        }
    }

    /// The wheel scrolls the pane under the pointer.
    mutating func wheel(_ lines: Int, x: Int, y: Int) {
        let g = Geometry(self)
        if let list = g.list, list.contains(x: x, y: y) {
            select(pane.selected.clampedAdd(lines))
        } else if section == .stack {
            pane.linkCursor = pane.linkCursor.clampedAdd(lines)
        } else {
            // Rolling the wheel over a card reads on: the item opens.
            if case .card = documentID { pane.focus = .detail }
            pane.scroll = pane.scroll.clampedAdd(lines)
        }
    }
}
