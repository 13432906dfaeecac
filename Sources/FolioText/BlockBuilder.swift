/// Turns cmark's enter/exit events into flat `Block`s. Containers (quotes, lists, items) live on
/// a frame stack; inline nodes append styled spans to the block being collected.
struct BlockBuilder {
    struct ListInfo {
        var ordered: Bool
        var tight: Bool
        var start: Int
        var digits: Int
        var delimiter: Character
    }

    private enum Frame {
        case quote(emitted: Bool)
        case list(ListInfo, next: Int, bulletDepth: Int, emitted: Bool)
        case item(Block.ListMarker, shown: Bool)
    }

    private(set) var blocks: [Block] = []
    private var frames: [Frame] = []
    private var spans: [Span] = []
    private var styles: [Style] = [.plain]
    /// Open links: where their text starts in `spans`, and their URL.
    private var links: [(start: Int, url: String)] = []
    private var table: Block.Table?
    private var row: [[Span]] = []
    private var lastWasHeading = false
    /// Set when a link opens, so its text starts a fresh span even if the style repeats.
    private var splitNext = false

    // MARK: Containers

    mutating func enterQuote() {
        frames.append(.quote(emitted: false))
    }

    mutating func enterList(_ info: ListInfo) {
        let bulletDepth = frames.reduce(0) { depth, frame in
            if case .list(let outer, _, _, _) = frame, !outer.ordered { return depth + 1 }
            return depth
        }
        frames.append(.list(info, next: info.start, bulletDepth: bulletDepth, emitted: false))
    }

    mutating func exitContainer() {
        _ = frames.popLast()
    }

    /// `task` is nil for an ordinary item, else whether the task box is checked.
    mutating func enterItem(task: Bool?) {
        var marker = Block.ListMarker.bullet(depth: 0)
        if let index = frames.lastIndex(where: { if case .list = $0 { true } else { false } }),
           case .list(let info, let next, let depth, let emitted) = frames[index] {
            marker = info.ordered ? .number(next, digits: info.digits, delimiter: info.delimiter) : .bullet(depth: depth)
            frames[index] = .list(info, next: next + 1, bulletDepth: depth, emitted: emitted)
        }
        if let checked = task { marker = .task(checked: checked) }
        frames.append(.item(marker, shown: false))
    }

    /// An item with no content still shows its marker.
    mutating func exitItem() {
        if case .item(_, shown: false) = frames.last { emit(.paragraph, []) }
        _ = frames.popLast()
    }

    // MARK: Leaf blocks

    mutating func beginInlines(heading: Bool) {
        spans = []
        links = []
        styles = [heading ? Style(.heading, .bold) : baseStyle]
    }

    mutating func endParagraph(_ kind: Block.Kind) {
        emit(kind, spans)
        spans = []
    }

    mutating func codeBlock(_ literal: String, info: String) {
        let language = String(info.split(separator: " ", maxSplits: 1).first ?? "")
        emit(.code(language: language), [Span(Sanitiser.clean(dropFinalNewline(literal)), Style(.code))])
    }

    /// Raw HTML is never interpreted: comments vanish, anything else shows verbatim, muted.
    mutating func htmlBlock(_ literal: String) {
        let trimmed = dropFinalNewline(literal)
        if isComment(trimmed) { return }
        emit(.code(language: "html"), [Span(Sanitiser.clean(trimmed), Style(.muted))])
    }

    mutating func emit(_ kind: Block.Kind, _ content: [Span]) {
        var compact = false
        for frame in frames.reversed() {
            if case .quote(let emitted) = frame, emitted { break }
            if case .list(let info, _, _, let emitted) = frame, emitted {
                compact = info.tight
                break
            }
        }
        let isHeading = if case .heading = kind { true } else { false }
        if lastWasHeading && !isHeading { compact = true }
        let containers: [Block.Container] = frames.compactMap { frame in
            switch frame {
            case .quote: .quote
            case .list: nil
            case .item(let marker, let shown): .item(marker, showsMarker: !shown)
            }
        }
        var spans = content
        if containers.contains(.quote) { spans = spans.map(Self.quoted) }
        blocks.append(Block(kind, spans, containers: containers, compact: compact))
        frames = frames.map { frame in
            switch frame {
            case .quote: .quote(emitted: true)
            case .list(let info, let next, let depth, _): .list(info, next: next, bulletDepth: depth, emitted: true)
            case .item(let marker, _): .item(marker, shown: true)
            }
        }
        lastWasHeading = isHeading
    }

    // MARK: Tables

    mutating func enterTable(alignments: [Text.Alignment]) {
        table = Block.Table(alignments: alignments, header: [], rows: [])
    }

    mutating func enterRow() {
        row = []
    }

    mutating func enterCell() {
        spans = []
        links = []
        styles = [baseStyle]
    }

    mutating func exitCell() {
        row.append(spans)
        spans = []
    }

    mutating func exitRow(header: Bool) {
        if header {
            table?.header = row.map { cell in cell.map { Span($0.text, Self.bold($0.style)) } }
        } else {
            table?.rows.append(row)
        }
    }

    mutating func exitTable() {
        if let table { emit(.table(table), []) }
        table = nil
    }

    // MARK: Inlines

    mutating func text(_ literal: String) {
        append(Sanitiser.clean(literal), current)
    }

    mutating func code(_ literal: String) {
        append(Sanitiser.clean(literal), Style(.code, current.attributes))
    }

    mutating func htmlInline(_ literal: String) {
        if isComment(literal) { return }
        let tag = literal.lowercased().filter { $0 != " " }
        append(tag == "<br>" || tag == "<br/>" ? "\n" : Sanitiser.clean(literal), current)
    }

    mutating func push(_ attribute: Attributes, role: Role?) {
        var style = current
        style.attributes.insert(attribute)
        if let role, style.role == .normal || style.role == .quote { style.role = role }
        styles.append(style)
    }

    mutating func pop() {
        if styles.count > 1 { styles.removeLast() }
    }

    mutating func enterLink(_ url: String) {
        links.append((spans.count, url))
        splitNext = true
        var style = current
        style.role = .link
        style.attributes.insert(.underline)
        styles.append(style)
    }

    mutating func enterImage(_ url: String) {
        append("[", current)
        enterLink(url)
    }

    /// Shows the URL after the link text unless the text already says it (autolinks).
    mutating func exitLink(image: Bool) {
        pop()
        guard let link = links.popLast() else { return }
        let label = spans[link.start...].map(\.text).joined()
        if image {
            if label.isEmpty { append("image", current) }
            append("]", current)
        }
        let url = Sanitiser.cleanLine(link.url)
        let redundant = url == label || url == "mailto:" + label || url == "http://" + label
            || url == "https://" + label
        if !url.isEmpty && !redundant {
            append(" <" + url + ">", Style(.url))
        }
    }

    // MARK: Helpers

    private var current: Style { styles.last ?? .plain }

    private var baseStyle: Style {
        frames.contains { if case .quote = $0 { true } else { false } } ? Style(.quote) : .plain
    }

    private mutating func append(_ text: String, _ style: Style) {
        guard !text.isEmpty else { return }
        if !splitNext, let last = spans.indices.last, spans[last].style == style {
            spans[last].text += text
        } else {
            spans.append(Span(text, style))
        }
        splitNext = false
    }

    private func isComment(_ html: String) -> Bool {
        html.hasPrefix("<!--") && html.hasSuffix("-->")
    }

    private func dropFinalNewline(_ s: String) -> String {
        s.hasSuffix("\n") ? String(s.dropLast()) : s
    }

    private static func bold(_ style: Style) -> Style {
        var bolded = style
        bolded.attributes.insert(.bold)
        if bolded.role == .normal { bolded.role = .strong }
        return bolded
    }

    /// Text in a quote takes the quote role unless something more specific (code, link) holds it.
    private static func quoted(_ span: Span) -> Span {
        span.style.role == .normal ? Span(span.text, Style(.quote, span.style.attributes)) : span
    }
}
