import FolioSearch
import FolioText
import Testing
@testable import FolioCore

/// Full-text search in the browser: text matches in the `/` results, opening one at its line,
/// and n/N through the matches in the page.
@Suite struct BodySearchScreenTests {
    /// Types a query into the `/` prompt, one key per character.
    private func search(_ state: inout AppState, _ query: String) {
        state.press("/")
        for ch in query { _ = handle(&state, .char(ch)) }
    }

    /// Screen row and column where `text` first appears, by display width.
    private func find(_ text: String, in buffer: Buffer) -> (x: Int, y: Int)? {
        for (y, line) in buffer.lines().enumerated() {
            if let range = line.range(of: text) { return (DisplayWidth.of(String(line[..<range.lowerBound])), y) }
        }
        return nil
    }

    /// The detail pane's row showing `text`, as a screen row, and the roles and reverse flags of its cells.
    private func cells(_ text: String, in buffer: Buffer) -> [(role: Role, reversed: Bool)]? {
        guard let at = find(text, in: buffer) else { return nil }
        return (0 ..< DisplayWidth.of(text)).map { k in
            let style = buffer[at.x + k, at.y].style
            return (style.role, style.attributes.contains(.reverse))
        }
    }

    @Test func resultsListTextMatchesAfterTagsAndTitles() throws {
        var state = Fixtures.state(80, 24)
        search(&state, "trade-offs")
        guard case .search(let prompt)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.results.tags.isEmpty && prompt.results.items.isEmpty)
        #expect(prompt.results.bodies.map(\.item.title) == ["Bankvole"])
        Golden.check("search-text-80x24", state)
        // The match is highlighted in the snippet, its neighbours are not.
        let row = try #require(cells("the trade-offs and", in: render(state)))
        #expect(row.map { $0.role == .match } == Array(repeating: false, count: 4) + Array(repeating: true, count: 10)
                    + Array(repeating: false, count: 4))
    }

    @Test func tagsComeBeforeTextInThePrompt() throws {
        var state = Fixtures.state(100, 30)
        search(&state, "gcp")
        guard case .search(let prompt)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.results.tags.map(\.tag.name) == ["GCP"])
        #expect(prompt.results.bodies.map(\.item.title) == ["Event-driven & serverless"])
        let buffer = render(state)
        let tag = try #require(find("GCP ", in: buffer)), heading = try #require(find("in the text", in: buffer))
        let text = try #require(find("serverless on GCP", in: buffer))
        #expect(tag.y < heading.y && heading.y < text.y)
        // Enter on the text row (third display row: tag, then the text match) opens the service.
        state.press("down enter")
        // Its summary says GCP too: the current match is the one in the text, the second.
        #expect(state.selectedItem?.slug == "event-driven" && state.pageFind?.current == 1)
    }

    @Test func openingATextMatchScrollsToItsLineAndHighlightsIt() throws {
        var state = Fixtures.state(80, 24)
        search(&state, "paragraph 5")
        state.press("enter")
        #expect(state.overlay == nil && state.selectedItem?.title == "Bankvole" && state.pane.focus == .detail)
        let find = try #require(state.pageFind)
        #expect(find.query == "paragraph 5" && find.matches.count == 1 && find.current == 0)
        #expect(state.pane.scroll > 0)
        // The matched words are on screen, reversed as the current match.
        let row = try #require(cells("Paragraph 5", in: render(state)))
        #expect(row.allSatisfy { $0.role == .match && $0.reversed })
        #expect(state.screen.contains("\u{201C}paragraph 5\u{201D} 1/1"))
    }

    @Test func nAndNStepThroughThePageAndWrap() throws {
        var state = Fixtures.state(80, 24)
        search(&state, "the people")
        state.press("enter")
        let first = try #require(state.pageFind)
        #expect(first.matches.count == 6 && first.current == 0)
        var lines: [Int] = []
        for _ in 0 ..< 5 {
            state.press("n")
            let find = try #require(state.pageFind)
            let current = try #require(find.current)
            lines.append(find.matches[current].line)
            // The current match is always in view.
            #expect(find.matches[current].line >= state.pane.scroll)
            #expect(find.matches[current].line < state.pane.scroll + Geometry(state).text.height)
        }
        #expect(lines == lines.sorted() && Set(lines).count == 5)
        state.press("n")  // past the last: back to the first
        #expect(state.pageFind?.current == 0)
        state.press("N")  // before the first: the last
        #expect(state.pageFind?.current == 5)
        // n/N are in the status bar while the page has matches (when there is room), with the count.
        #expect(state.screen.contains("\u{201C}the people\u{201D} 6/6"))
        _ = update(&state, .resize(width: 140, height: 30))
        #expect(state.screen.contains("n/N match"))
        #expect(KeyTable.standard.action(for: .char("n"), in: state) == .nextInPage)
    }

    @Test func otherPagesShowNothingAndNFallsBackToTags() {
        var state = Fixtures.state(80, 24)
        search(&state, "the people")
        state.press("enter")
        state.press("esc j")  // the list: the next case study, where the query is not
        #expect(state.pageFind == nil)
        #expect(KeyTable.standard.action(for: .char("n"), in: state) != .nextInPage)
        state.press("k enter")  // back in Bankvole's text: its matches show again
        #expect(state.pageFind != nil)
    }

    @Test func aTitleMatchOpensWithTheQueryFoundButNoScroll() throws {
        var state = Fixtures.state(80, 24)
        search(&state, "bankvole")
        state.press("down enter")  // the tags row is empty: the first result is the title
        #expect(state.selectedItem?.title == "Bankvole")
        let find = try #require(state.pageFind)
        #expect(find.current == nil && find.matches.count >= 1 && state.pane.scroll == 0)
        state.press("n")
        #expect(state.pageFind?.current == 0)
    }

    @Test func resizingKeepsTheCurrentMatch() throws {
        var state = Fixtures.state(80, 24)
        search(&state, "the people")
        state.press("enter n n")
        #expect(state.pageFind?.current == 2)
        _ = update(&state, .resize(width: 120, height: 40))
        let find = try #require(state.pageFind)
        #expect(find.width == Geometry(state).text.width && find.current == 2 && find.matches.count == 6)
    }

    /// The first frame does not wait for the search index (tags, titles, page text): it is
    /// built on the first `/`, kept for the next ones, and ranks as a fresh index does.
    @Test func theIndexIsBuiltOnTheFirstSearch() throws {
        var state = Fixtures.state(80, 24)
        #expect(state.catalog.searchIndex == nil)
        state.press("/")
        let index = try #require(state.catalog.searchIndex)
        #expect(index == TagIndex(portfolio: state.catalog.portfolio))
        state.press("esc")
        search(&state, "the people")
        guard case .search(let prompt)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(!prompt.results.bodies.isEmpty && prompt.results == index.rank("the people"))
        #expect(state.catalog.searchIndex == index)
    }

    @Test func promptQueryIsBounded() {
        var state = Fixtures.state(80, 24)
        state.press("/")
        _ = update(&state, .insert(String(repeating: "a", count: 10_000)))
        guard case .search(let prompt)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.query.count == TagIndex.queryLimit)
    }
}
