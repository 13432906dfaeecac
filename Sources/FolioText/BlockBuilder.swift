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
    var spans: [Span] = []
    var styles: [Style] = [.plain]
    /// Open links: where their text starts in `spans`, and their URL.
    private var links: [(start: Int, url: String)] = []
    /// Every link's target (sanitised) in document order; a link's spans carry its number
    /// here plus one as `Style.link`. At most `Markdown.linkLimit`; later links are text only.
    private(set) var targets: [String] = []
    private var table: Block.Table?
    private var row: [[Span]] = []
    private var lastWasHeading = false
    /// Set when a link opens, so its text starts a fresh span even if the style repeats.
    var splitNext = false
    /// Hugo shortcodes found before parsing (`Shortcodes.extract`); their markers expand here.
    var shortcodes: [Shortcode] = []
    /// What starts a shortcode's line (`Glyphs.shortcode`).
    var shortcodeMarker = Glyphs.unicode.shortcode
    /// Footnote definitions in the document, for "[n]" markers of one width; and how many shown.
    var footnoteCount = 0
    private var footnotesShown = 0
    /// Inline HTML tags open in the current paragraph, innermost last (see BlockBuilder+HTML).
    var openTags: [OpenTag] = []
    /// Inside `<script>`, `<style>` or `<svg>` (and how deep in same-named tags): text is dropped.
    var skipping: (name: String, depth: Int)?
    /// A hidden comment removed the space before it; the next text gets it back if it needs one.
    var commentTookSpace = false

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
        openTags = []
        skipping = nil
        commentTookSpace = false
        styles = [heading ? Style(.heading, .bold) : baseStyle]
    }

    mutating func endParagraph(_ kind: Block.Kind) {
        emit(kind, spans)
        spans = []
    }

    mutating func codeBlock(_ literal: String, info: String) {
        let language = String(info.split(separator: " ", maxSplits: 1).first ?? "")
        let text = plainExpanding(dropFinalNewline(literal))
        emit(.code(language: Sanitiser.cleanLine(language)), [Span(Sanitiser.clean(text), Style(.code))])
    }

    // MARK: Footnotes

    /// The notes follow a rule at the end of the page, each marked "[n]" as its references are.
    mutating func enterFootnote() {
        if footnotesShown == 0 { emit(.rule, []) }
        footnotesShown += 1
        frames.append(.item(.footnote(footnotesShown, digits: String(max(footnoteCount, footnotesShown)).count), shown: false))
    }

    /// cmark numbers references in order of first use, which is the order the notes come in.
    mutating func footnoteReference(_ number: String) {
        append("[" + Sanitiser.cleanLine(number) + "]", Style(.accent, current.attributes))
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
        openTags = []
        commentTookSpace = false
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
        guard skipping == nil else { return }
        appendExpanding(literal, current)
    }

    /// A line end inside a paragraph reads as a space, except right after a hard break or
    /// where a removed comment already left one.
    mutating func softBreak() {
        guard let last = spans.last?.text.last, last != "\n", last != " " else { return }
        text(" ")
    }

    mutating func code(_ literal: String) {
        guard skipping == nil else { return }
        append(Sanitiser.clean(plainExpanding(literal)), Style(.code, current.attributes))
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
        let target = Sanitiser.cleanLine(plainExpanding(url))
        if !target.isEmpty && targets.count < Markdown.linkLimit {
            targets.append(target)
            style.link = UInt16(targets.count)
        }
        styles.append(style)
    }

    mutating func enterImage(_ url: String) {
        append("[", current)
        enterLink(url)
    }

    /// Shows the URL after the link text unless the text already says it (autolinks).
    mutating func exitLink(image: Bool) {
        let number = current.link
        pop()
        guard let link = links.popLast() else { return }
        closeLink(url: link.url, start: link.start, image: image, number: number)
    }

    /// Ends link text that started at `spans[start]`: "[alt]" for images, then the URL.
    mutating func closeLink(url: String, start: Int, image: Bool, number: UInt16 = 0) {
        let label = spans[min(start, spans.count)...].map(\.text).joined()
        if image {
            if label.isEmpty { append("image", current) }
            append("]", current)
        }
        let url = Sanitiser.cleanLine(plainExpanding(url))
        let redundant = url == label || url == "mailto:" + label || url == "http://" + label
            || url == "https://" + label
        if !url.isEmpty && !redundant {
            var number = number
            if number == 0 && targets.count < Markdown.linkLimit {   // an HTML link or image
                targets.append(url)
                number = UInt16(targets.count)
            }
            append(" ", Style(.url))
            append("<" + url + ">", Style(.url, link: number))
        }
    }

    // MARK: Shortcodes

    /// Sanitised text with each shortcode marker expanded to its one-line form.
    mutating func appendExpanding(_ literal: String, _ style: Style) {
        guard !shortcodes.isEmpty else {
            append(Sanitiser.clean(literal), style)
            return
        }
        var run = String.UnicodeScalarView()
        for scalar in literal.unicodeScalars {
            guard let index = Shortcodes.index(of: scalar), index < shortcodes.count else {
                run.append(scalar)
                continue
            }
            append(Sanitiser.clean(String(run)), style)
            run = String.UnicodeScalarView()
            splitNext = true
            for span in Shortcodes.line(for: shortcodes[index], marker: shortcodeMarker).spans {
                append(span.text, span.style == .plain ? style : span.style)
            }
            splitNext = true
        }
        append(Sanitiser.clean(String(run)), style)
    }

    /// `s` with shortcode markers replaced by their plain one-line form (code, URLs).
    func plainExpanding(_ s: String) -> String {
        guard !shortcodes.isEmpty else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if let index = Shortcodes.index(of: scalar), index < shortcodes.count {
                out.append(contentsOf: Shortcodes.line(for: shortcodes[index], marker: shortcodeMarker).plain.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    // MARK: Helpers

    /// The style for new text: the Markdown style stack, then any open inline HTML tags.
    var current: Style {
        var style = styles.last ?? .plain
        for tag in openTags { tag.effect.apply(to: &style) }
        return style
    }

    private var baseStyle: Style {
        frames.contains { if case .quote = $0 { true } else { false } } ? Style(.quote) : .plain
    }

    mutating func append(_ text: String, _ style: Style) {
        guard !text.isEmpty else { return }
        if commentTookSpace {
            commentTookSpace = false
            if let first = text.first, !first.isWhitespace, let last = spans.indices.last {
                spans[last].text += " "
            }
        }
        if !splitNext, let last = spans.indices.last, spans[last].style == style {
            spans[last].text += text
        } else {
            spans.append(Span(text, style))
        }
        splitNext = false
    }

    func dropFinalNewline(_ s: String) -> String {
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
