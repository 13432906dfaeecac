import Testing
@testable import FolioText

@Suite struct HTMLTests {
    private func plain(_ source: String, width: Int = 200) -> [String] {
        Layout.lines(Markdown.parse(source), width: width).map(Text.plain)
    }

    @Test func inlineTagsBecomeStylesOrText() {
        let spans = Markdown.parse("a <em>b</em> <strong>c</strong> <kbd>Ctrl</kbd> <mark>d</mark> <cite>e</cite> <code>f</code>")[0].spans
        #expect(spans == [
            Span("a "), Span("b", Style(.emphasis, .italic)), Span(" "), Span("c", Style(.strong, .bold)), Span(" "),
            Span("Ctrl", Style(.code)), Span(" "), Span("d", Style(.match, .reverse)), Span(" "),
            Span("e", Style(.emphasis, .italic)), Span(" "), Span("f", Style(.code)),
        ])
    }

    @Test func subscriptsSuperscriptsAndAbbreviations() {
        #expect(plain("H<sub>2</sub>O and E = mc<sup>2</sup>") == ["H₂O and E = mc²"])
        #expect(plain("x<sup>th</sup> and a<sub>ij</sub>") == ["x^(th) and a_(ij)"])
        #expect(plain("<abbr title=\"Graphics Interchange Format\">GIF</abbr> is") == ["GIF (Graphics Interchange Format) is"])
        #expect(plain("<abbr>GIF</abbr>") == ["GIF"])
    }

    @Test func linksBreaksImagesAndQuotes() {
        #expect(plain("see <a href=\"https://gohugo.io\">Hugo</a>.") == ["see Hugo <https://gohugo.io>."])
        #expect(plain("a<br>b<br/>c") == ["a", "b", "c"])
        #expect(plain("x <img src=\"/a.png\" alt=\"Logo\"> y") == ["x [Logo] </a.png> y"])
        #expect(plain("<q>hi</q> there") == ["“hi” there"])
    }

    @Test func unknownTagsAreDroppedAndTheirTextKept() {
        #expect(plain("a <span class=\"x\">b</span> <foo-bar>c</foo-bar>") == ["a b c"])
        // A closing tag with no opening one changes nothing; unclosed tags end with the paragraph.
        #expect(plain("a </em> <em>b\n\nc") == ["a  b", "", "c"])
    }

    @Test func commentsAndScriptsNeverShow() {
        #expect(plain("a <!--more--> b") == ["a b"])
        // The space before a comment stays when nothing after it brings one.
        #expect(plain("a <!-- x -->b") == ["a b"])
        #expect(plain("a <!-- x --><em>b</em>") == ["a b"])
        #expect(plain("a <!-- x -->`b`") == ["a b"])
        #expect(plain("a <!-- x -->\nb") == ["a b"])
        #expect(plain("a<!-- x -->b") == ["ab"])
        #expect(plain("a <!-- x -->\n\nb") == ["a", "", "b"])
        #expect(plain("<!--more-->").isEmpty)
        #expect(plain("<script>alert(1)</script>\n\nafter") == ["after"])
        #expect(plain("<style>\np { color: red }\n</style>").isEmpty)
        #expect(plain("x <svg><text>drawn</text></svg> y") == ["x  y"])
    }

    @Test func htmlBlocksKeepTheirTextAsParagraphs() {
        let source = "<div class=\"note\">\n  <h3>Note</h3>\n  <p>Some   <b>bold</b>\n  text &amp; more.</p>\n  <ul><li>one</li><li>two</li></ul>\n</div>\n"
        #expect(plain(source) == ["### Note", "Some bold text & more.", "", "- one", "- two"])
        let heading = Markdown.parse(source)[0]
        #expect(heading.kind == .heading(level: 3))
    }

    @Test func preInHTMLBlockIsCode() {
        let blocks = Markdown.parse("<pre>\nline 1\n  line 2\n</pre>\n")
        #expect(blocks.map(\.kind) == [.code(language: "")])
        #expect(Text.plain(blocks[0].spans) == "line 1\n  line 2")
    }

    @Test func entitiesDecode() {
        #expect(HTMLEntities.decode("a &amp; b &lt;c&gt; &#8212; &#x41; &bogus; &#0; &") == "a & b <c> — A &bogus; \u{FFFD} &")
    }

    @Test func scannerTokens() {
        #expect(HTMLScanner.tokens("a<b x='1' y=2 z>c</B><!-- d -->e<br/>") == [
            .text("a"), .open("b", attributes: ["x": "1", "y": "2", "z": ""], selfClosing: false), .text("c"),
            .close("b"), .hidden, .text("e"), .open("br", attributes: [:], selfClosing: true),
        ])
        #expect(HTMLScanner.tokens("1 < 2 and a<b") == [.text("1 < 2 and a<b")])
    }

    @Test func htmlTextIsSanitised() {
        let text = Markdown.parse("<div>\nx\u{1B}[2J &#x1B; &#x202E;y\n</div>\n").flatMap(\.spans).map(\.text).joined()
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(text.contains("␛[2J") && text.contains("<U+202E>"))
        let title = Markdown.parse("<abbr title=\"a&#x1B;b\">x</abbr>")[0].spans.map(\.text).joined()
        #expect(title == "x (a␛b)")
    }

    @Test func deepOrHostileHTMLIsBoundedAndFlat() {
        let nested = String(repeating: "<b><i>", count: 20000) + "deep" + String(repeating: "</i></b>", count: 20000)
        let unclosed = String(repeating: "<!", count: 50000) + String(repeating: "<a x=\"", count: 20000)
        let block = "<div>\n" + String(repeating: "<div><span>", count: 20000) + "x\n</div>\n"
        for source in [nested, unclosed, block] {
            for width in [1, 30] {
                for line in Layout.lines(Markdown.parse(source), width: width) { #expect(Text.width(line) <= width) }
            }
        }
        #expect(plain(nested).joined().contains("deep"))
    }
}
