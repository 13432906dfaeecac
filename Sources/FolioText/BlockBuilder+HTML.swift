/// Raw HTML, degraded to readable text (see `InlineHTML` for what each tag does). Tags are
/// events, not a tree: open tags sit on a flat, capped stack, so nesting depth costs nothing.
extension BlockBuilder {
    static let maxOpenTags = 64

    /// An inline tag whose end has not been seen: what it does and where its text starts.
    struct OpenTag {
        var name: String
        var effect: InlineHTML.Effect
        var start: Int
    }

    // MARK: Inline HTML (one tag per cmark node)

    mutating func htmlInline(_ literal: String) {
        let tokens = HTMLScanner.tokens(literal)
        // "a <!--more--> b" reads "a b": a comment after a space takes that space along, and
        // gives it back before the next text unless that text brings its own ("a <!-- x -->b").
        if tokens == [.hidden], spans.last?.text.hasSuffix(" ") == true {
            spans[spans.count - 1].text.removeLast()
            if spans[spans.count - 1].text.isEmpty { spans.removeLast() }
            commentTookSpace = true
        }
        for token in tokens { html(token) }
    }

    /// One token of inline HTML: styles, links, line breaks; unknown tags vanish, text stays.
    mutating func html(_ token: HTMLToken) {
        if let skip = skipping {
            switch token {
            case .open(skip.name, _, false): skipping = (skip.name, skip.depth + 1)
            case .close(skip.name): skipping = skip.depth > 1 ? (skip.name, skip.depth - 1) : nil
            default: break
            }
            return
        }
        switch token {
        case .hidden:
            return
        case .text(let text):
            appendExpanding(text, current)
        case .open(let name, let attributes, let selfClosing):
            if InlineHTML.dropped.contains(name) {
                if !selfClosing { skipping = (name, 1) }
            } else if name == "br" {
                append("\n", current)
            } else if name == "img" {
                append("[", current)
                splitNext = true
                let start = spans.count
                append(Sanitiser.cleanLine(attributes["alt"] ?? ""), current)
                closeLink(url: attributes["src"] ?? "", start: start, image: true)
            } else if !selfClosing, !InlineHTML.void.contains(name), openTags.count < Self.maxOpenTags {
                let effect = InlineHTML.effect(of: name, attributes: attributes)
                if effect == .quote { append("“", current) }
                openTags.append(OpenTag(name: name, effect: effect, start: spans.count))
                splitNext = true
            }
        case .close(let name):
            guard let index = openTags.lastIndex(where: { $0.name == name }) else { return }
            while openTags.count > index { close(openTags.removeLast()) }
            splitNext = true
        }
    }

    private mutating func close(_ tag: OpenTag) {
        let start = min(tag.start, spans.count)
        switch tag.effect {
        case .link(let url):
            closeLink(url: url, start: start, image: false)
        case .script(let superscript):
            let text = spans[start...].map(\.text).joined()
            if let mapped = InlineHTML.scripted(text, superscript: superscript) {
                spans.replaceSubrange(start..., with: [Span(mapped, spans[start...].first?.style ?? current)])
            } else if !text.isEmpty {
                let mark = superscript ? "^" : "_"
                let wide = text.count > 1
                spans.insert(Span(wide ? mark + "(" : mark, current), at: start)
                if wide { append(")", current) }
            }
        case .abbreviation(let title):
            let text = spans[start...].map(\.text).joined()
            let expansion = Sanitiser.cleanLine(title)
            if !expansion.isEmpty, expansion != text { append(" (" + expansion + ")", current) }
        case .quote:
            append("”", current)
        case .style, .code, .none:
            break
        }
    }

    // MARK: HTML blocks

    /// An HTML block's text, as a browser would lay it out in a terminal: block tags break
    /// paragraphs or lines, `<h1>`–`<h6>` become headings, `<pre>` a code block, whitespace
    /// collapses, inline tags act as above, and `<script>`, `<style>` and `<svg>` vanish.
    mutating func htmlBlock(_ literal: String) {
        beginInlines(heading: false)
        var heading: Int?
        var pre: String?
        for token in HTMLScanner.tokens(literal) {
            if skipping != nil {
                html(token)
                continue
            }
            if var text = pre {
                switch token {
                case .text(let t): text += t; pre = text
                case .close("pre"):
                    flushParagraph(heading: nil)
                    emit(.code(language: ""), [Span(Sanitiser.clean(plainExpanding(trimNewlines(text))), Style(.code))])
                    pre = nil
                default: break
                }
                continue
            }
            switch token {
            case .text(let text):
                appendCollapsed(text)
            case .open("pre", _, false):
                flushParagraph(heading: heading)
                heading = nil
                pre = ""
            case .open(let name, _, _) where InlineHTML.headingLevel(name) != nil:
                flushParagraph(heading: heading)
                heading = InlineHTML.headingLevel(name)
                beginInlines(heading: true)
            case .close(let name) where heading != nil && InlineHTML.headingLevel(name) == heading:
                flushParagraph(heading: heading)
                heading = nil
            case .open(let name, _, _) where InlineHTML.paragraphs.contains(name),
                 .close(let name) where InlineHTML.paragraphs.contains(name):
                flushParagraph(heading: heading)
                heading = nil
            case .open(let name, _, _) where InlineHTML.lines.contains(name):
                breakLine()
                if name == "li" { append("- ", current) }
            case .close(let name) where InlineHTML.lines.contains(name):
                breakLine()
            case .open(let name, _, _) where InlineHTML.cells.contains(name):
                if !atLineStart { append(afterSpace ? " " : "  ", current) }
            default:
                html(token)
            }
        }
        if let pre { emit(.code(language: ""), [Span(Sanitiser.clean(plainExpanding(trimNewlines(pre))), Style(.code))]) }
        flushParagraph(heading: heading)
    }

    /// Ends the paragraph (or heading) being collected, if it has any text.
    private mutating func flushParagraph(heading: Int?) {
        while let last = spans.last, last.text.hasSuffix("\n") || last.text.hasSuffix(" ") {
            let trimmed = String(last.text.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
            if trimmed.isEmpty { spans.removeLast() } else { spans[spans.count - 1].text = trimmed }
        }
        if !spans.isEmpty { endParagraph(heading.map { .heading(level: $0) } ?? .paragraph) }
        beginInlines(heading: false)
    }

    /// A line break, without the space that may end the line so far.
    private mutating func breakLine() {
        if let last = spans.indices.last, spans[last].text.hasSuffix(" ") { spans[last].text.removeLast() }
        if !atLineStart { append("\n", current) }
    }

    private var atLineStart: Bool {
        guard let last = spans.last(where: { !$0.text.isEmpty }) else { return true }
        return last.text.hasSuffix("\n")
    }

    private var afterSpace: Bool {
        spans.last(where: { !$0.text.isEmpty })?.text.hasSuffix(" ") ?? false
    }

    /// Text with runs of HTML whitespace collapsed to one space and none at a line's start.
    private mutating func appendCollapsed(_ raw: String) {
        var out = ""
        var space = atLineStart || afterSpace
        for c in raw {
            if c == " " || c == "\n" || c == "\t" || c == "\r\n" || c == "\r" || c == "\u{C}" {
                if !space { out.append(" ") }
                space = true
            } else {
                out.append(c)
                space = false
            }
        }
        if !out.isEmpty { appendExpanding(out, current) }
    }

    private func trimNewlines(_ s: String) -> String {
        var t = Substring(s)
        while t.first == "\n" { t = t.dropFirst() }
        while t.last == "\n" { t = t.dropLast() }
        return String(t)
    }
}
