import Testing
@testable import FolioCore

/// The `/` prompt as a state machine (ranking itself is tested with TagIndex).
@Suite struct TagPromptTests {
    @Test func escRestoresExactlyWhereYouWere() {
        var state = Fixtures.state()
        state.press("3 j enter j j")
        let before = (state.location, state.history, state.panes)
        state.press("/ k a f down up esc")
        #expect(state.overlay == nil)
        #expect(state.location == before.0 && state.history == before.1 && state.panes == before.2)
    }

    @Test func enterOpensTheTagAndPushesHistory() {
        var state = Fixtures.state()
        state.press("/ k a f enter")
        #expect(state.section == .stack && state.selectedTag == "Kafka")
        #expect(state.history.count == 1)
        #expect(state.screen.contains("Event-driven & serverless") && state.screen.contains("Bankvole"))
        state.press("backspace")
        #expect(state.section == .about)
    }

    @Test func itemTitlesMatchToo() {
        var state = Fixtures.state()
        state.press("/ b a n k")
        guard case .search(let prompt)? = state.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.results.items.map(\.item.title) == ["Bankvole"])
        state.press("down")
        for _ in 0..<prompt.results.tags.count { state.press("down") }
        state.press("enter")
        #expect(state.selectedItem?.title == "Bankvole")
    }

    @Test func nextAndPreviousMatchWrapAround() {
        var state = Fixtures.state()
        state.press("/ s enter")                     // several tags contain an s
        let found = state.lastSearch
        #expect(found.count >= 3)
        #expect(state.selectedTag == found[0])
        state.press("n")
        #expect(state.selectedTag == found[1])
        state.press("N N")
        #expect(state.selectedTag == found[found.count - 1])
        state.press("n")
        #expect(state.selectedTag == found[0])
    }

    @Test func backspaceCtrlUAndPaste() {
        var state = Fixtures.state()
        state.press("/ x y backspace")
        guard case .search(let a)? = state.overlay else { return }
        #expect(a.query == "x")
        _ = handle(&state, .paste("ka\nfka\u{1B}"))
        guard case .search(let b)? = state.overlay else { return }
        #expect(b.query == "xka fka")
        state.press("ctrl-u")
        guard case .search(let c)? = state.overlay else { return }
        #expect(c.query.isEmpty && c.cursor == 0)
    }

    @Test func noMatchAndNoTagsShowAMessage() {
        var state = Fixtures.state()
        state.press("/ z z z z")
        #expect(state.screen.contains("Nothing matches"))
        state.press("enter")                         // nothing to open; the prompt closes
        #expect(state.overlay == nil && state.history.isEmpty)
        var empty = Fixtures.state(80, 24, Fixtures.empty)
        empty.press("/")
        #expect(empty.screen.contains("no stack tags"))
    }
}

@Suite struct PromptCursorTests {
    @Test func cursorSitsAtTheCaret() throws {
        var state = Fixtures.state()
        #expect(cursorPosition(state) == nil)
        state.press("/ k a")
        let at = try #require(cursorPosition(state))
        #expect(render(state)[at.x, at.y].text == "▏")
        #expect(render(state)[at.x - 1, at.y].text == "a")
    }
}
