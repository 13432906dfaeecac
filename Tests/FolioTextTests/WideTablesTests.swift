import Testing
@testable import FolioText

/// Issue 11.11: a 5,000-column table took seconds inside cmark-gfm. Tables are cut to
/// `TableLayout.maxColumns` columns, the last saying how many more there were, before cmark
/// parses them; the rest of the source is untouched.
@Suite struct WideTablesTests {
    static func table(columns: Int, rows: Int, lead: String = "") -> String {
        var lines = [lead + "|" + (0..<columns).map { " h\($0) |" }.joined(),
                     lead + "|" + String(repeating: "---|", count: columns)]
        for r in 0..<rows { lines.append(lead + "|" + (0..<columns).map { " r\(r)c\($0) |" }.joined()) }
        return lines.joined(separator: "\n")
    }

    @Test func aWideTableKeepsItsFirstColumnsAndOneMarkerColumn() {
        let source = "Intro.\n\n" + Self.table(columns: 100, rows: 2) + "\n\nAfter."
        let lines = WideTables.capped(source, maxColumns: 4).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == ["Intro.", "",
                          "| h0 | h1 | h2 | <+97 columns> |",
                          "|---|---|---| --- |",
                          "| r0c0 | r0c1 | r0c2 | ... |",
                          "| r1c0 | r1c1 | r1c2 | ... |",
                          "", "After."])
    }

    @Test func whatCmarkThenSeesHasAtMostTheLimit() {
        let blocks = Markdown.parse(Self.table(columns: 5_000, rows: 3))
        guard case .table(let table)? = blocks.first?.kind else { Issue.record("no table: \(blocks)"); return }
        #expect(table.header.count == TableLayout.maxColumns)
        #expect(table.alignments.count == TableLayout.maxColumns)
        #expect(table.rows.count == 3 && table.rows.allSatisfy { $0.count == TableLayout.maxColumns })
        #expect(Text.plain(table.header[TableLayout.maxColumns - 1]) == "<+4937 columns>")
        #expect(Text.plain(table.rows[2][0]) == "r2c0" && Text.plain(table.rows[2][62]) == "r2c62")
        #expect(Text.plain(table.rows[2][63]) == "...")
    }

    @Test func rowsWithoutOuterPipesQuotesAndCRLFAreCutAlike() {
        let bare = "a | b | c | d\n--|--|--|--\n1 | 2 | 3 | 4 | 5"
        #expect(WideTables.capped(bare, maxColumns: 3) == "a | b | <+2 columns> |\n--|--| --- |\n1 | 2 | ... |")
        let quoted = "> | a | b | c |\r\n> |---|:-:|---|\r\n> | 1 | 2 | 3 |\r\n"
        #expect(WideTables.capped(quoted, maxColumns: 2) == "> | a | <+2 columns> |\r\n> |---| --- |\r\n> | 1 | ... |\r\n")
    }

    @Test func narrowTablesShortRowsAndEscapedPipesStayAsWritten() {
        let narrow = Self.table(columns: 4, rows: 2)
        #expect(WideTables.capped(narrow, maxColumns: 4) == narrow)
        // Only the table's wide rows are cut; a short row and the text after a blank line are not.
        let mixed = "| a | b | c | d |\n|---|---|---|---|\n| 1 |\n\nx | y | z | w | v"
        #expect(WideTables.capped(mixed, maxColumns: 3) == "| a | b | <+2 columns> |\n|---|---| --- |\n| 1 |\n\nx | y | z | w | v")
        // An escaped pipe is text inside a cell.
        let escaped = "| a \\| b | c |\n|---|---|\n| 1 \\| 2 | 3 |"
        #expect(WideTables.capped(escaped, maxColumns: 2) == escaped)
    }

    @Test func aHeaderOfAnotherWidthIsNoTable() {
        // GFM makes a table only when the header and the delimiter row have as many cells.
        let mismatched = "| a | b |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |"
        #expect(WideTables.capped(mismatched, maxColumns: 3) == mismatched)
    }

    @Test func fencedCodeIsLeftAlone() {
        let code = "```\n" + Self.table(columns: 10, rows: 1) + "\n```\n"
        #expect(WideTables.capped(code, maxColumns: 3) == code)
        let tilde = "~~~~\n```\n" + Self.table(columns: 10, rows: 1) + "\n~~~~\n" + Self.table(columns: 5, rows: 0)
        let cut = WideTables.capped(tilde, maxColumns: 3)
        #expect(cut.hasPrefix("~~~~\n```\n" + Self.table(columns: 10, rows: 1) + "\n~~~~\n"))
        #expect(cut.hasSuffix("\n| h0 | h1 | <+3 columns> |\n|---|---| --- |"))
    }

    @Test func theOutputGrowsLinearlyWithTheRows() {
        // Each row keeps 63 cells and a marker, whatever its width: the text cmark sees is bounded.
        let cut = WideTables.capped(Self.table(columns: 5_000, rows: 40))
        let longest = cut.split(separator: "\n").map(\.utf8.count).max() ?? 0
        #expect(longest < 64 * 12)
        #expect(cut.split(separator: "\n").count == 42)
    }
}
