import Testing
@testable import FolioText

@Suite struct FootnoteAndCodeTests {
    private func plain(_ source: String, width: Int = 60, glyphs: Glyphs = .unicode) -> [String] {
        Layout.lines(Markdown.parse(source), width: width, glyphs: glyphs).map(Text.plain)
    }

    @Test func footnotesAreNumberedAndListedAtTheEnd() {
        let source = "Claim[^b] and another[^a].\n\n[^a]: First defined.\n[^b]: Second defined, *styled*.\n\nMore text."
        #expect(plain(source, width: 30) == [
            "Claim[1] and another[2].", "", "More text.", "", String(repeating: "─", count: 30), "",
            "[1] Second defined, styled.", "", "[2] First defined.",
        ])
        let reference = Markdown.parse(source)[0].spans[1]
        #expect(reference == Span("[1]", Style(.accent)))
    }

    @Test func unknownFootnoteReferencesStayText() {
        #expect(plain("See [^nope].") == ["See [^nope]."])
    }

    @Test func footnoteMarkersAlign() {
        let source = (1...10).map { "x[^\($0)]" }.joined(separator: " ") + "\n\n"
            + (1...10).map { "[^\($0)]: note \($0)" }.joined(separator: "\n")
        let lines = plain(source, width: 80)
        #expect(lines.contains(" [1] note 1") && lines.contains("[10] note 10"))
    }

    @Test func codeBlocksAreLabelledWithTheirLanguage() {
        #expect(plain("```swift\nlet x = 1\n```", width: 20) == ["  ── swift", "  let x = 1"])
        #expect(plain("```swift\nlet x = 1\n```", width: 20, glyphs: .ascii) == ["  -- swift", "  let x = 1"])
        #expect(plain("```\nplain\n```", width: 20) == ["  plain"])
    }

    @Test func longCodeLinesWrapAtSpacesWithAMarker() {
        let source = "```\nlet total = accounts.map(balance).reduce(0, +) // sum\n```"
        let lines = plain(source, width: 24)
        #expect(lines == ["  let total =", "  ↪ accounts.map(", "  ↪ balance).reduce(0,", "  ↪ +) // sum"])
        // No word is split: every piece ends at a space or after opening punctuation.
        let ascii = plain(source, width: 24, glyphs: .ascii)
        #expect(ascii[1] == "  \\ accounts.map(")
    }

    @Test func onlyATokenWiderThanTheLineIsCut() {
        let token = String(repeating: "a", count: 30)
        #expect(plain("```\nx " + token + "\n```", width: 20) == [
            "  x", "  ↪ aaaaaaaaaaaaaaaa", "  ↪ aaaaaaaaaaaaaa",
        ])
    }

    @Test func codeKeepsIndentationAndBlankLines() {
        #expect(plain("```\n\tif x {\n\n\t\ty()\n```", width: 30) == ["      if x {", "", "          y()"])
    }

    @Test func codeNeverExceedsTheWidth() {
        let source = "```go\n" + (0..<50).map { String(repeating: "w\($0) ", count: $0) + "界\t" + String(repeating: "x", count: $0) }
            .joined(separator: "\n") + "\n```"
        for width in [1, 2, 3, 5, 8, 9, 13, 40] {
            for line in Layout.lines(Markdown.parse(source), width: width) { #expect(Text.width(line) <= width) }
        }
    }
}
