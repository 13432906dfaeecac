/// The drawing characters folio uses, so a non-UTF-8 terminal can get plain ASCII instead.
public struct Glyphs: Sendable, Hashable {
    /// List bullets by nesting depth (cycled when lists nest deeper).
    public var bullets: [String]
    /// Repeated to draw thematic breaks and table header rules.
    public var horizontal: String
    /// Table column separator and generic vertical line.
    public var vertical: String
    /// Where a horizontal rule crosses a vertical one (table header rule).
    public var cross: String
    /// Prefix bar for block quotes.
    public var quoteBar: String
    /// Marks text cut short by `Text.clip`.
    public var ellipsis: String
    /// Box corners and tees, for panes and dialogs.
    public var topLeft: String, topRight: String, bottomLeft: String, bottomRight: String
    public var teeDown: String, teeUp: String, teeRight: String, teeLeft: String
    /// Marks the selected row in a list.
    public var pointer: String
    /// Separates short items on one line ("fintech · banking").
    public var dot: String
    /// Starts the continuation of a code line too long for the width.
    public var continuation: String
    /// Starts the one-line form of a Hugo shortcode ("▶ youtube ID").
    public var shortcode: String

    public init(
        bullets: [String], horizontal: String, vertical: String, cross: String, quoteBar: String,
        ellipsis: String, topLeft: String, topRight: String, bottomLeft: String, bottomRight: String,
        teeDown: String, teeUp: String, teeRight: String, teeLeft: String, pointer: String, dot: String,
        continuation: String = "↪", shortcode: String = "▶"
    ) {
        self.bullets = bullets.isEmpty ? ["*"] : bullets
        self.horizontal = horizontal
        self.vertical = vertical
        self.cross = cross
        self.quoteBar = quoteBar
        self.ellipsis = ellipsis
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeDown = teeDown
        self.teeUp = teeUp
        self.teeRight = teeRight
        self.teeLeft = teeLeft
        self.pointer = pointer
        self.dot = dot
        self.continuation = continuation
        self.shortcode = shortcode
    }

    public static let unicode = Glyphs(
        bullets: ["•", "◦", "▪"], horizontal: "─", vertical: "│", cross: "┼", quoteBar: "│",
        ellipsis: "…", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", pointer: "▸", dot: "·"
    )

    public static let ascii = Glyphs(
        bullets: ["*", "-", "+"], horizontal: "-", vertical: "|", cross: "+", quoteBar: "|",
        ellipsis: "...", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", pointer: ">", dot: "-", continuation: "\\",
        shortcode: ">"
    )

    /// The bullet for a list nested `depth` levels deep (0 = outermost).
    public func bullet(depth: Int) -> String {
        bullets[max(0, depth) % bullets.count]
    }
}
