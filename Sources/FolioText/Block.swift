/// One rendered Markdown block: what it is, its styled text, and the containers (quotes, list
/// items) it sits in, outermost first. Nesting is flattened so Layout can wrap each block on its
/// own and rebuild prefixes ("│ ", "• ", hanging indents) from `containers`.
public struct Block: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case paragraph
        /// Level 1–6; Layout shows it as "## Title".
        case heading(level: Int)
        /// Verbatim text in `spans` (lines separated by "\n"), never re-wrapped, only folded.
        case code(language: String)
        case table(Table)
        /// A thematic break, drawn across the width.
        case rule
    }

    /// How a list item is marked. Layout turns it into glyphs, so ASCII mode can swap them.
    public enum ListMarker: Sendable, Hashable {
        /// A bulleted item, `depth` bulleted lists deep (0 = outermost): •, ◦, ▪.
        case bullet(depth: Int)
        /// A numbered item; `digits` is the widest number in its list, so markers line up.
        case number(Int, digits: Int, delimiter: Character)
        /// A GFM task item: "[x]" or "[ ]".
        case task(checked: Bool)
        /// A footnote at the end of the page: "[n]", right-aligned to the widest number.
        case footnote(Int, digits: Int)
    }

    public enum Container: Sendable, Hashable {
        /// Inside a block quote: every line gets a "│ " prefix.
        case quote
        /// Inside a list item. `showsMarker` is true only for the item's first block, whose first
        /// line carries the marker; all other lines get a hanging indent of the marker's width.
        case item(ListMarker, showsMarker: Bool)
    }

    /// A GFM table: cells are styled spans, one alignment per column.
    public struct Table: Sendable, Hashable {
        public var alignments: [Text.Alignment]
        public var header: [[Span]]
        public var rows: [[[Span]]]
        public init(alignments: [Text.Alignment], header: [[Span]], rows: [[[Span]]]) {
            self.alignments = alignments
            self.header = header
            self.rows = rows
        }
    }

    public var kind: Kind
    /// The block's text (empty for tables and rules). Already sanitised when from Markdown.
    public var spans: [Span]
    public var containers: [Container]
    /// True when no blank line should separate this block from the one before it (items of a
    /// tight list, the block right after a heading).
    public var compact: Bool

    public init(_ kind: Kind = .paragraph, _ spans: [Span] = [], containers: [Container] = [], compact: Bool = false) {
        self.kind = kind
        self.spans = spans
        self.containers = containers
        self.compact = compact
    }
}
