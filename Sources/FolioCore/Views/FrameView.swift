import FolioText

/// The quiet frame: rules above and below the panes, the divider between them, and the
/// scroll indicators that sit on those rules.
enum FrameView {
    static func draw(_ state: AppState, _ g: Geometry, into buffer: inout Buffer) {
        let glyph = state.glyphs
        buffer.fill(x: 0, y: g.topRule, width: g.width, height: 1, with: glyph.horizontal, style: Styles.border)
        buffer.fill(x: 0, y: g.bottomRule, width: g.width, height: 1, with: glyph.horizontal, style: Styles.border)
        switch g.split {
        case .sideBySide(let x):
            buffer.put(glyph.teeDown, x: x, y: g.topRule, style: Styles.border)
            buffer.put(glyph.teeUp, x: x, y: g.bottomRule, style: Styles.border)
            buffer.fill(x: x, y: g.topRule + 1, width: 1, height: g.bottomRule - g.topRule - 1,
                        with: glyph.vertical, style: Styles.border)
        case .stacked(let y):
            buffer.fill(x: 0, y: y, width: g.width, height: 1, with: glyph.horizontal, style: Styles.border)
        case .none:
            break
        }
        focusCue(state, g, into: &buffer)
        if let list = g.list { listIndicator(state, list, into: &buffer) }
        if !state.composer.isOpen { detailIndicator(state, g, into: &buffer) }
    }

    /// Colours the rule above the focused pane; a colour-only hint, since the list selection's
    /// reverse bar already shows focus without colour.
    private static func focusCue(_ state: AppState, _ g: Geometry, into buffer: inout Buffer) {
        guard case .sideBySide(let x) = g.split else { return }
        let onList = state.pane.focus == .list
        buffer.restyle(x: onList ? 0 : x + 1, y: g.topRule, width: onList ? x : g.width - x - 1) { _ in Style(.accent) }
    }

    /// "▴ 7 more" on the rule above the list and "▾ 12 more" on the rule below when rows are hidden.
    private static func listIndicator(_ state: AppState, _ list: Rect, into buffer: inout Buffer) {
        let above = state.pane.listTop
        let below = ListView.rowCount(state) - above - list.height
        if above > 0 {
            buffer.putRight(" \(state.symbols.scrollUp) \(above) more ", right: list.maxX - 1, y: list.y - 1, style: Styles.muted)
        }
        if below > 0 {
            buffer.putRight(" \(state.symbols.scrollDown) \(below) more ", right: list.maxX - 1, y: list.maxY, style: Styles.muted)
        }
    }

    /// "40% ▾" on the rule under the detail pane when its text does not fit; "⏎ read more"
    /// under an item's card when the item goes on (the same for every item, so a move keeps it).
    private static func detailIndicator(_ state: AppState, _ g: Geometry, into buffer: inout Buffer) {
        let total = state.document(width: g.text.width).lines.count
        let shown = g.text.height
        if total <= shown, case .card = state.documentID,
           state.document(state.openDocumentID, width: g.text.width).lines.count > total {
            buffer.putRight(" \(state.symbols.enterKey) read more ", right: g.detail.maxX - 1, y: g.detail.maxY, style: Styles.muted)
            return
        }
        guard total > shown, shown > 0 else { return }
        let scroll = state.pane.scroll
        let percent = min(100, (scroll + shown) * 100 / total)
        let arrows = (scroll > 0 ? state.symbols.scrollUp : "") + (scroll + shown < total ? state.symbols.scrollDown : "")
        buffer.putRight(" \(percent)% \(arrows) ", right: g.detail.maxX - 1, y: g.detail.maxY, style: Styles.muted)
    }
}
