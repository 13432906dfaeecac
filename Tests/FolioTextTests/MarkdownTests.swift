import Testing
@testable import FolioText

@Suite struct MarkdownTests {
    @Test func headingsCarryLevelAndStyle() {
        let blocks = Markdown.parse("## Hello *there*")
        #expect(blocks.count == 1)
        #expect(blocks[0].kind == .heading(level: 2))
        #expect(blocks[0].spans == [Span("Hello ", Style(.heading, .bold)), Span("there", Style(.heading, [.bold, .italic]))])
    }

    @Test func inlineStyles() {
        let spans = Markdown.parse("a *b* **c** `d` ~~e~~")[0].spans
        #expect(spans == [
            Span("a "), Span("b", Style(.emphasis, .italic)), Span(" "), Span("c", Style(.strong, .bold)),
            Span(" "), Span("d", Style(.code)), Span(" "), Span("e", Style(.normal, .strike)),
        ])
    }

    @Test func linksShowTheirURL() {
        let (blocks, links) = Markdown.parseLinked("[site](https://example.com)")
        // The text and the URL shown after it are both link 1; the space between is not.
        #expect(blocks[0].spans == [Span("site", Style(.link, .underline, link: 1)), Span(" ", Style(.url)),
                                    Span("<https://example.com>", Style(.url, link: 1))])
        #expect(links == ["https://example.com"])
    }

    @Test func linksAreNumberedInOrderAndSanitised() {
        let source = "[a](https://a.example) <https://b.example> [c](https://c.example/\u{1B}]8;;x\u{07})"
            + " <img src=\"https://d.example/i.png\" alt=\"d\">"
        let (blocks, links) = Markdown.parseLinked(source)
        #expect(links.count == 4)
        #expect(links[0] == "https://a.example" && links[1] == "https://b.example")
        #expect(!links[2].unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(links[3] == "https://d.example/i.png")
        let numbers = Set(blocks[0].spans.map(\.style.link))
        #expect(numbers == [0, 1, 2, 3, 4])
    }

    @Test func linksPastTheLimitAreTextOnly() {
        let source = (0..<(Markdown.linkLimit + 5)).map { "[x](https://e.example/\($0))" }.joined(separator: " ")
        let (blocks, links) = Markdown.parseLinked(source)
        #expect(links.count == Markdown.linkLimit)
        #expect(blocks[0].spans.allSatisfy { Int($0.style.link) <= Markdown.linkLimit })
    }

    @Test func autolinksDoNotRepeatTheURL() {
        #expect(Text.plain(Markdown.parse("<https://example.com>")[0].spans) == "https://example.com")
        #expect(Text.plain(Markdown.parse("see www.example.com now")[0].spans) == "see www.example.com now")
        #expect(Text.plain(Markdown.parse("mail hello@example.com")[0].spans) == "mail hello@example.com")
        // Two adjacent links keep separate labels.
        let two = Text.plain(Markdown.parse("<https://a.example>[b](https://b.example)")[0].spans)
        #expect(two == "https://a.example" + "b <https://b.example>")
    }

    @Test func imagesShowAltTextAndURL() {
        #expect(Text.plain(Markdown.parse("![logo](l.png)")[0].spans) == "[logo] <l.png>")
        #expect(Text.plain(Markdown.parse("![](l.png)")[0].spans) == "[image] <l.png>")
    }

    @Test func listsNestWithMarkers() {
        let blocks = Markdown.parse("- a\n  - b\n1. c\n2. d\n")
        #expect(blocks.map(\.containers) == [
            [.item(.bullet(depth: 0), showsMarker: true)],
            [.item(.bullet(depth: 0), showsMarker: false), .item(.bullet(depth: 1), showsMarker: true)],
            [.item(.number(1, digits: 1, delimiter: "."), showsMarker: true)],
            [.item(.number(2, digits: 1, delimiter: "."), showsMarker: true)],
        ])
        #expect(blocks.map(\.compact) == [false, true, false, true])
    }

    @Test func numberedListsAlignTheirMarkers() {
        let source = (1...10).map { "\($0). x" }.joined(separator: "\n")
        let lines = Layout.lines(Markdown.parse(source), width: 20).map(Text.plain)
        #expect(lines.first == " 1. x")
        #expect(lines.last == "10. x")
        #expect(Text.plain(Layout.lines(Markdown.parse("7) x"), width: 9)[0]) == "7) x")
    }

    @Test func taskItems() {
        let lines = Layout.lines(Markdown.parse("- [x] done\n- [ ] todo"), width: 20).map(Text.plain)
        #expect(lines == ["[x] done", "[ ] todo"])
    }

    @Test func quotesTakeTheQuoteRole() {
        let block = Markdown.parse("> quoted `code`")[0]
        #expect(block.containers == [.quote])
        #expect(block.spans == [Span("quoted ", Style(.quote)), Span("code", Style(.code))])
    }

    @Test func codeBlocksAreVerbatim() {
        let block = Markdown.parse("```sh\n  echo  hi\n\n```\n")[0]
        #expect(block.kind == .code(language: "sh"))
        #expect(block.spans == [Span("  echo  hi\n", Style(.code))])
    }

    @Test func tables() {
        let block = Markdown.parse("| a | b |\n|---|--:|\n| 1 | 2 |\n")[0]
        guard case .table(let table) = block.kind else {
            Issue.record("not a table: \(block)")
            return
        }
        #expect(table.alignments == [.left, .right])
        #expect(table.header == [[Span("a", Style(.strong, .bold))], [Span("b", Style(.strong, .bold))]])
        #expect(table.rows == [[[Span("1")], [Span("2")]]])
    }

    @Test func thematicBreak() {
        #expect(Markdown.parse("---")[0].kind == .rule)
        #expect(Layout.lines(Markdown.parse("---"), width: 5).map(Text.plain) == ["─────"])
        #expect(Layout.lines(Markdown.parse("---"), width: 5, glyphs: .ascii).map(Text.plain) == ["-----"])
    }

    @Test func rawHTMLDegradesToTextNeverToMarkup() {
        #expect(Markdown.parse("<!-- note -->").isEmpty)
        #expect(Markdown.parse("a <b>bold</b> c")[0].spans == [Span("a "), Span("bold", Style(.strong, .bold)), Span(" c")])
        #expect(Text.plain(Markdown.parse("a<br>b")[0].spans) == "a\nb")
        let block = Markdown.parse("<div>\nhi\n</div>\n")[0]
        #expect(block.kind == .paragraph && block.spans == [Span("hi")])
    }

    @Test func everyTextIsSanitised() {
        let source = "# T\u{1B}[2J\n\nx\u{202E}y [l](http://e\u{1B}x) `\u{7}`\n\n```\n\u{9B}1m\n```\n"
        let text = Markdown.parse(source).flatMap(\.spans).map(\.text).joined()
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x7 || $0.value == 0x9B })
        #expect(text.contains("␛[2J") && text.contains("<U+202E>") && text.contains("␇") && text.contains("<U+009B>"))
    }

    @Test func emptyAndOddInput() {
        #expect(Markdown.parse("").isEmpty)
        #expect(Markdown.parse("\u{0}").flatMap(\.spans).map(\.text).joined() == "\u{FFFD}")
        let empty = Layout.lines(Markdown.parse("-\n- b"), width: 10).map(Text.plain)
        #expect(empty == ["•", "• b"])
    }

    @Test func deepNestingDoesNotCrashOrOverflow() {
        let quotes = String(repeating: ">", count: 5000) + " deep"
        let lists = (0..<300).map { String(repeating: "  ", count: $0) + "- x" }.joined(separator: "\n")
        let emphasis = String(repeating: "*", count: 20000) + "a" + String(repeating: "*", count: 20000)
        for source in [quotes, lists, emphasis] {
            for width in [1, 7, 30] {
                for line in Layout.lines(Markdown.parse(source), width: width) {
                    #expect(Text.width(line) <= width)
                }
            }
        }
    }
}
