import CCmarkGFM

/// CommonMark + GFM (tables, strikethrough, autolinks, task lists, footnotes) via libcmark-gfm.
///
/// The parser runs with CMARK_OPT_DEFAULT | FOOTNOTES, never UNSAFE. Whatever a terminal cannot
/// show as intended degrades to readable text, never to raw syntax: raw HTML maps to styles or
/// plain text (`InlineHTML`), comments vanish, Hugo shortcodes become one short line
/// (`Shortcodes`), footnote references read "[n]" and the notes follow at the end. All text
/// passes `Sanitiser.clean`.
public enum Markdown {
    /// Blocks for `source`, ready for `Layout.lines`. Never fails: any input gives some blocks.
    /// `glyphs` gives the marker of a shortcode's line (ASCII under `--ascii`).
    public static func parse(_ source: String, glyphs: Glyphs = .unicode) -> [Block] {
        parseLinked(source, glyphs: glyphs).blocks
    }

    /// The most links one document numbers (`Style.link`); any after that are text only.
    public static let linkLimit = 1_000

    /// Blocks for `source`, and the target of every link in it, in order: a span with
    /// `style.link == n` belongs to `links[n - 1]`. Targets are sanitised (`cleanLine`).
    public static func parseLinked(_ source: String, glyphs: Glyphs = .unicode) -> (blocks: [Block], links: [String]) {
        _ = extensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES) else { return (fallback(source), []) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var (text, shortcodes) = Shortcodes.extract(source)
        text = WideTables.capped(text)   // cmark-gfm's tables are quadratic in their columns
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return (fallback(source), []) }
        defer { cmark_node_free(document) }
        return walk(document, shortcodes: shortcodes, marker: glyphs.shortcode)
    }

    /// Registration mutates a process-wide registry; a `static let` runs it exactly once.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// If cmark cannot allocate, show the source as one plain paragraph rather than nothing.
    private static func fallback(_ source: String) -> [Block] {
        [Block(.paragraph, [Span(Sanitiser.clean(source))])]
    }

    /// Iterates (no recursion, so deeply nested input cannot overflow the stack).
    private static func walk(_ document: OpaquePointer, shortcodes: [Shortcode], marker: String) -> (blocks: [Block], links: [String]) {
        guard let iterator = cmark_iter_new(document) else { return ([], []) }
        defer { cmark_iter_free(iterator) }
        var builder = BlockBuilder()
        builder.shortcodes = shortcodes
        builder.shortcodeMarker = marker
        builder.footnoteCount = footnoteCount(document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_BLOCK_QUOTE:
                entering ? builder.enterQuote() : builder.exitContainer()
            case CMARK_NODE_LIST:
                entering ? builder.enterList(listInfo(node)) : builder.exitContainer()
            case CMARK_NODE_ITEM:
                if entering {
                    let isTask = typeString(node) == "tasklist"
                    builder.enterItem(task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
                } else {
                    builder.exitItem()
                }
            case CMARK_NODE_PARAGRAPH:
                entering ? builder.beginInlines(heading: false) : builder.endParagraph(.paragraph)
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                entering ? builder.beginInlines(heading: true) : builder.endParagraph(.heading(level: level))
            case CMARK_NODE_CODE_BLOCK:
                builder.codeBlock(literal(node), info: string(cmark_node_get_fence_info(node)))
            case CMARK_NODE_HTML_BLOCK:
                builder.htmlBlock(literal(node))
            case CMARK_NODE_THEMATIC_BREAK:
                builder.emit(.rule, [])
            case CMARK_NODE_TEXT:
                builder.text(literal(node))
            case CMARK_NODE_CODE:
                builder.code(literal(node))
            case CMARK_NODE_HTML_INLINE:
                builder.htmlInline(literal(node))
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                if entering { builder.footnoteReference(literal(node)) }
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                entering ? builder.enterFootnote() : builder.exitItem()
            case CMARK_NODE_SOFTBREAK:
                builder.softBreak()
            case CMARK_NODE_LINEBREAK:
                builder.text("\n")
            case CMARK_NODE_EMPH:
                entering ? builder.push(.italic, role: .emphasis) : builder.pop()
            case CMARK_NODE_STRONG:
                entering ? builder.push(.bold, role: .strong) : builder.pop()
            case CMARK_NODE_LINK:
                entering ? builder.enterLink(string(cmark_node_get_url(node))) : builder.exitLink(image: false)
            case CMARK_NODE_IMAGE:
                entering ? builder.enterImage(string(cmark_node_get_url(node))) : builder.exitLink(image: true)
            default:
                extensionNode(node, entering: entering, builder: &builder)
            }
        }
        return (builder.blocks, builder.targets)
    }

    /// GFM extension nodes have no fixed type constants in the public headers: go by name.
    private static func extensionNode(_ node: OpaquePointer, entering: Bool, builder: inout BlockBuilder) {
        switch typeString(node) {
        case "strikethrough":
            entering ? builder.push(.strike, role: nil) : builder.pop()
        case "table":
            if entering {
                let columns = Int(cmark_gfm_extensions_get_table_columns(node))
                builder.enterTable(alignments: alignments(node, columns: columns))
            } else {
                builder.exitTable()
            }
        case "table_header", "table_row":
            entering ? builder.enterRow() : builder.exitRow(header: typeString(node) == "table_header")
        case "table_cell":
            entering ? builder.enterCell() : builder.exitCell()
        default:
            break  // unknown custom nodes: their children still render
        }
    }

    /// cmark moves the referenced definitions to the end of the document, in reference order.
    private static func footnoteCount(_ document: OpaquePointer) -> Int {
        var count = 0
        var child = cmark_node_first_child(document)
        while let c = child {
            if cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION { count += 1 }
            child = cmark_node_next(c)
        }
        return count
    }

    private static func listInfo(_ node: OpaquePointer) -> BlockBuilder.ListInfo {
        var items = 0
        var child = cmark_node_first_child(node)
        while let c = child {
            items += 1
            child = cmark_node_next(c)
        }
        let start = Int(cmark_node_get_list_start(node))
        return BlockBuilder.ListInfo(
            ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
            tight: cmark_node_get_list_tight(node) != 0,
            start: start,
            digits: String(start + max(0, items - 1)).count,
            delimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
        )
    }

    private static func alignments(_ node: OpaquePointer, columns: Int) -> [Text.Alignment] {
        guard let raw = cmark_gfm_extensions_get_table_alignments(node) else {
            return Array(repeating: .left, count: columns)
        }
        return (0..<columns).map { i in
            switch raw[i] {
            case UInt8(ascii: "r"): .right
            case UInt8(ascii: "c"): .center
            default: .left
            }
        }
    }

    private static func typeString(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    private static func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)  // repairs any invalid UTF-8 with U+FFFD
    }
}
