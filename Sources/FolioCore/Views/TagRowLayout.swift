import FolioText

/// The tag chips under an item's text: `Tags  [PostgreSQL] [Kafka] …`, wrapped to the
/// pane's width and windowed so the selected chip is always visible.
public struct TagRowLayout: Sendable {
    public struct Chip: Sendable, Hashable {
        public var index: Int       // into the item's tags
        public var label: String    // "[Kafka]"
        public var line: Int        // wrapped line, before windowing
        public var x: Int           // column offset within the row
        public var width: Int
    }

    public static let label = "Tags  "
    public var chips: [Chip]
    public var width: Int
    public var lineCount: Int
    public var firstVisibleLine: Int
    public var visibleRows: Int
    public var originX = 0
    public var originY = 0

    init(_ tags: [String], width: Int, glyphs: Glyphs, maxRows: Int, cursor: Int) {
        let indent = TagRowLayout.label.count
        let room = max(1, width - indent)
        var chips: [Chip] = []
        var line = 0, x = 0
        for (i, tag) in tags.enumerated() {
            let label = "[" + Text.clip(tag, width: room - 2, ellipsis: glyphs.ellipsis) + "]"
            let w = DisplayWidth.of(label)
            if x > 0 && x + 1 + w > room { line += 1; x = 0 }
            if x > 0 { x += 1 }
            chips.append(Chip(index: i, label: label, line: line, x: indent + x, width: w))
            x += w
        }
        self.chips = chips
        self.width = width
        lineCount = line + 1
        visibleRows = min(lineCount, maxRows)
        let cursorLine = chips.indices.contains(cursor) ? chips[cursor].line : 0
        firstVisibleLine = min(max(0, cursorLine - visibleRows + 1), lineCount - visibleRows)
    }

    func placed(x: Int, y: Int) -> TagRowLayout {
        var copy = self
        copy.originX = x
        copy.originY = y
        return copy
    }

    /// Screen position of a chip, or nil when it is scrolled out of view.
    public func position(of chip: Chip) -> (x: Int, y: Int)? {
        let row = chip.line - firstVisibleLine
        guard row >= 0, row < visibleRows else { return nil }
        return (originX + chip.x, originY + row)
    }
}
