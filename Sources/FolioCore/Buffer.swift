import FolioText

/// One terminal cell: a single grapheme cluster and its style. A wide (2-column) character
/// occupies its cell and the next one; that continuation cell has `text == ""` and width 0,
/// and backends skip it because the wide character already covers it.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style = .plain) {
        self.text = text; self.width = width; self.style = style
    }

    public static let blank = Cell(text: " ", width: 1)
    public var isContinuation: Bool { width == 0 }
}

/// A rectangle of cells the views draw into and the backend diffs onto the screen.
public struct Buffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Targets of the links whose cells carry `Style.link` (number n is `links[n - 1]`):
    /// the detail pane's document's, for terminals that show OSC 8 hyperlinks.
    public var links: [String] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `s` from column `x` on row `y`, clipped to `maxWidth` columns and the buffer's edge.
    /// Each grapheme cluster becomes the cells `DisplayWidth.cells(of:)` gives, so every cell
    /// holds what the terminal can draw in it and is as wide as the terminal advances.
    /// A wide character that would straddle the limit becomes a space. Characters of zero width
    /// (stray combining marks) are dropped; control characters show as `?` so nothing reaches
    /// the terminal as a command. Returns the number of columns written.
    @discardableResult
    public mutating func put(_ s: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        func place(_ text: String, _ w: Int) {
            guard w > 0, col < limit else { return }
            if col < 0 { col += w; return }
            if col + w > limit {
                set(Cell(text: " ", width: 1, style: style), x: col, y: y)
                col += 1
            } else {
                set(Cell(text: text, width: UInt8(w), style: style), x: col, y: y)
                col += w
            }
        }
        for ch in s {
            guard col < limit else { break }
            if ch.unicodeScalars.first.map({ $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) == true {
                place("?", 1)
            } else {
                DisplayWidth.forEachCell(of: ch, place)
            }
        }
        return max(0, col - x)
    }

    /// Writes a line of styled spans; returns the columns written.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth ?? (width - x)
        var used = 0
        for span in line where used < limit {
            used += put(span.text, x: x + used, y: y, style: span.style, maxWidth: limit - used)
        }
        return used
    }

    /// Fills a rectangle (clipped to the buffer) with a one-column character.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with text: String = " ", style: Style = .plain) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for col in x0..<x1 { set(Cell(text: text, width: 1, style: style), x: col, y: row) }
        }
    }

    /// Blanks every cell, keeping the storage.
    public mutating func clear() {
        for i in cells.indices { cells[i] = .blank }
        links = []
    }

    /// Re-styles the cells of a row range without changing their text (selection bars).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ transform: (Style) -> Style) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<max(max(0, x), min(width, x + w)) {
            cells[y * width + col].style = transform(cells[y * width + col].style)
        }
    }

    /// The buffer as plain text, one string per row (continuation cells add nothing).
    public func lines() -> [String] {
        (0..<height).map { row in
            var s = ""
            for col in 0..<width { s += cells[row * width + col].text }
            return s
        }
    }

    /// Places a cell, repairing any wide character it cuts in half so every row keeps
    /// exactly `width` columns.
    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style) }
        if cells[i].width == 2, x + 1 < width { cells[i + 1] = Cell(text: " ", width: 1, style: cells[i].style) }
        cells[i] = cell
        if cell.width == 2 {
            if x + 1 < width {
                if cells[i + 1].width == 2, x + 2 < width {
                    cells[i + 2] = Cell(text: " ", width: 1, style: cells[i + 1].style)
                }
                cells[i + 1] = Cell(text: "", width: 0, style: cell.style)
            } else {
                cells[i] = Cell(text: " ", width: 1, style: cell.style)
            }
        }
    }
}
