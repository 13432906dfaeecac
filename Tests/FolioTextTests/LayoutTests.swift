import Testing
@testable import FolioText
import FolioTestSupport

private func render(_ markdown: String, _ width: Int, _ glyphs: Glyphs = .unicode) -> [String] {
    Layout.lines(Markdown.parse(markdown), width: width, glyphs: glyphs).map(Text.plain)
}

@Suite struct LayoutTests {
    @Test func blocksAreSeparatedByOneBlankLine() {
        #expect(render("one\n\ntwo\n\n\n\nthree", 20) == ["one", "", "two", "", "three"])
    }

    @Test func headingHugsWhatFollows() {
        #expect(render("para\n\n## Head\n\nbody", 20) == ["para", "", "## Head", "body"])
    }

    @Test func listItemsHangTheirIndent() {
        #expect(render("- alpha beta gamma", 12) == ["• alpha beta", "  gamma"])
        #expect(render("1. alpha beta gamma", 12) == ["1. alpha", "   beta", "   gamma"])
    }

    @Test func looseListsKeepBlankLinesAndContinuationParagraphsIndent() {
        #expect(render("- a\n\n- b\n\n  more", 20) == ["• a", "", "• b", "", "  more"])
    }

    @Test func quotesPrefixEveryLine() {
        #expect(render("> one two three four", 10) == ["│ one two", "│ three", "│ four"])
        #expect(render("> a\n>\n> b", 10) == ["│ a", "│", "│ b"])
        #expect(render("> a\n> > b", 10) == ["│ a", "│", "│ │ b"])
        #expect(render("> one two", 6, .ascii) == ["| one", "| two"])
    }

    @Test func quotesInsideListItems() {
        #expect(render("- item\n\n  > quoted text", 12) == ["• item", "", "  │ quoted", "  │ text"])
    }

    @Test func codeFoldsWithoutWrapping() {
        #expect(render("```\nabcdefghijkl mn\n```", 10) == ["  abcdefgh", "  ↪ ijkl", "  ↪ mn"])
        #expect(render("```\na\tb\n```", 20) == ["  a   b"])
        #expect(render("```\nx\n\ny\n```", 20) == ["  x", "", "  y"])
    }

    @Test func tablesFitOrFallBackToRecords() {
        let table = "| a | bb |\n|---|---|\n| 1 | 2 |"
        #expect(render(table, 20) == ["a │ bb", "──┼───", "1 │ 2"])
        #expect(render(table, 20, .ascii) == ["a | bb", "--+---", "1 | 2"])
        #expect(render(table, 5) == ["a: 1", "bb: 2"])
        let wide = "| h |\n|---|\n| one two three four |"
        #expect(render(wide, 10) == ["h", "──────────", "one two", "three four"])
    }

    /// A 5,000-column table took 9 s: it reaches cmark already cut to 64 columns (`WideTables`),
    /// the last one saying how many more there were, so the output is bounded by the rows.
    @Test func overWideTablesLayOutTheirFirstColumnsAndSayHowManyMore() {
        let columns = 5_000
        let table = "|" + (0..<columns).map { " h\($0) |" }.joined() + "\n|" + String(repeating: "---|", count: columns)
            + "\n|" + String(repeating: " x |", count: columns)
        let lines = render(table, 80)
        #expect(lines.count == TableLayout.maxColumns)          // "h0: x" … "h62: x", then the marker
        #expect(lines.first == "h0: x")
        #expect(lines[TableLayout.maxColumns - 2] == "h62: x")
        #expect(lines.last == "<+4937 columns>: ...")
    }

    /// Layout's own cap, for a table that reaches it some other way: the first 64 columns,
    /// then a line saying how many more.
    @Test func tableLayoutCapsColumnsItself() {
        let columns = 100
        let table = Block.Table(alignments: Array(repeating: .left, count: columns),
                                header: (0..<columns).map { [Span("h\($0)")] },
                                rows: [(0..<columns).map { _ in [Span("x")] }])
        let lines = TableLayout.lines(table, width: 80, glyphs: .unicode).map(Text.plain)
        #expect(lines.count == TableLayout.maxColumns + 1)
        #expect(lines[TableLayout.maxColumns - 1] == "h63: x")
        #expect(lines.last == "(36 more columns not shown)")
    }

    @Test func tableColumnsShareWidthFairly() {
        #expect(TableLayout.fit([3, 30, 30], into: 33) == [3, 15, 15])
        #expect(TableLayout.fit([3, 4], into: 20) == [3, 4])
        #expect(TableLayout.fit([10, 10, 10], into: 10) == [3, 3, 4])
    }

    @Test func alignedTableCells() {
        let table = "| l | c | r |\n|:--|:-:|--:|\n| x | y | z |\n| long | long | long |"
        #expect(render(table, 40) == ["l    │  c   │    r", "─────┼──────┼─────", "x    │  y   │    z", "long │ long │ long"])
    }

    @Test func widthZeroOrLessIsEmpty() {
        #expect(render("hello", 0).isEmpty)
        #expect(render("hello", -1).isEmpty)
    }

    @Test func deepPrefixesLeaveRoomForText() {
        let lines = render(">>>>>>>>>> text", 10)
        #expect(lines == ["│ │ text"])  // prefixes get at most half the width
    }

    @Test func randomMarkdownNeverOverflows() {
        var rng = SplitMix64(seed: 0x1A4)
        let pieces = ["# ", "## ", "- ", "1. ", "> ", "  ", "\n", "\n\n", "*", "**", "`", "[a](http://x.y/z)",
                      "word ", "longerwordhere ", "日本語 ", "👩‍💻 ", "| a | b |\n|---|---|\n| c | d |\n", "```\ncode\tx\n```\n",
                      "---\n", "- [x] ", "e\u{301} ", "\u{1B}[0m ", "~~s~~ "]
        for _ in 0..<300 {
            var source = ""
            for _ in 0..<Int(rng.next() % 25) { source += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let width = Int(rng.next() % 30) + 1
            for glyphs in [Glyphs.unicode, .ascii] {
                for line in Layout.lines(Markdown.parse(source), width: width, glyphs: glyphs) {
                    #expect(Text.width(line) <= width, "\(source.debugDescription) at \(width)")
                    #expect(!Text.plain(line).unicodeScalars.contains { $0.value == 0x1B })
                }
            }
        }
    }
}
