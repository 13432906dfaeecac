/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

/// Where everything goes on screen, derived from the size and state alone, so `update`
/// (scroll bounds, mouse hits) and the views always agree.
public struct Geometry: Sendable {
    public static let minWidth = 40
    public static let minHeight = 12
    /// Long lines are hard to read; wide terminals get margins instead.
    public static let maxTextWidth = 100

    public enum Split: Sendable, Hashable { case none, sideBySide(dividerX: Int), stacked(dividerY: Int) }

    public let width, height: Int
    public let tooSmall: Bool
    public let titleRow: Int?       // profile name and headline; dropped on short screens
    public let tabRow: Int
    public let topRule: Int
    public let bottomRule: Int
    public let statusRow: Int
    public let split: Split
    public let list: Rect?          // nil in Contact
    public let detail: Rect         // the whole detail pane
    public let text: Rect           // where document lines go
    public let tags: TagRowLayout?  // pinned tag rows under an item's text

    public init(_ state: AppState) {
        width = state.width
        height = state.height
        tooSmall = width < Geometry.minWidth || height < Geometry.minHeight
        titleRow = height >= 20 ? 0 : nil
        tabRow = titleRow == nil ? 0 : 1
        topRule = tabRow + 1
        bottomRule = max(topRule + 1, height - 2)
        statusRow = height - 1
        let body = Rect(x: 0, y: topRule + 1, width: width, height: bottomRule - topRule - 1)

        if !state.section.hasList {
            split = .none
            list = nil
            detail = body
        } else if width >= 80 {
            let listWidth = max(24, min(width / 3, 44))
            split = .sideBySide(dividerX: listWidth)
            list = Rect(x: 0, y: body.y, width: listWidth, height: body.height)
            detail = Rect(x: listWidth + 1, y: body.y, width: width - listWidth - 1, height: body.height)
        } else {
            let rows = max(1, ListView.rowCount(state))
            let share = state.pane.focus == .list ? (body.height - 1) / 2 : (body.height - 1) / 4
            let listHeight = min(rows, max(1, share))
            split = .stacked(dividerY: body.y + listHeight)
            list = Rect(x: 0, y: body.y, width: width, height: listHeight)
            detail = Rect(x: 0, y: body.y + listHeight + 1, width: width, height: body.height - listHeight - 1)
        }

        let textWidth = min(Geometry.maxTextWidth, max(1, detail.width - 2))
        let itemTags = state.currentTags
        if itemTags.isEmpty || detail.height < 3 {
            tags = nil
            text = Rect(x: detail.x + 1, y: detail.y, width: textWidth, height: detail.height)
        } else {
            let layout = TagRowLayout(itemTags, width: textWidth, glyphs: state.glyphs,
                                      maxRows: max(1, detail.height / 3), cursor: state.pane.tagCursor)
            let gap = detail.height >= 10 ? 1 : 0
            let rows = layout.visibleRows
            tags = layout.placed(x: detail.x + 1, y: detail.maxY - rows)
            text = Rect(x: detail.x + 1, y: detail.y, width: textWidth, height: detail.height - rows - gap)
        }
    }
}
