import Testing
@testable import FolioCore

/// Key sequences through the state machine: sections, lists, focus and detail scrolling.
@Suite struct NavigationTests {
    @Test func numberKeysAndCyclingReachEverySection() {
        var state = Fixtures.state()
        #expect(state.sections == [.about, .services, .caseStudies, .stack, .contact])   // no Inbox without an outbox
        for section in state.sections {
            state.press(String(section.rawValue + 1))
            #expect(state.section == section)
        }
        state.press("]")
        #expect(state.section == .about)          // wraps forward
        state.press("[")
        #expect(state.section == .contact)        // and back
        state.press("] ] [")
        #expect(state.section == .about)
        state.press("tab tab backtab")            // Tab moves between links only where there are some
        #expect(state.section == .services)
    }

    @Test func listSelectionStaysInRange() {
        var state = Fixtures.state()
        state.press("2 k")
        #expect(state.pane.selected == 0)
        state.press("j j j j j j")
        #expect(state.pane.selected == Fixtures.services.count - 1)
        state.press("g")
        #expect(state.pane.selected == 0)
        state.press("G")
        #expect(state.pane.selected == Fixtures.services.count - 1)
        state.press("home down up end")
        #expect(state.pane.selected == Fixtures.services.count - 1)
    }

    @Test func enterFocusesDetailAndEscComesBack() {
        var state = Fixtures.state()
        state.press("3")
        for keys in ["enter", "l", "right"] {
            state.press(keys)
            #expect(state.pane.focus == .detail, "\(keys)")
            state.press(["enter": "esc", "l": "h", "right": "left"][keys]!)
            #expect(state.pane.focus == .list)
        }
    }

    @Test func eachSectionRemembersItsPlace() {
        var state = Fixtures.state()
        state.press("3 j enter j j 2 j 3")
        #expect(state.pane.selected == 1 && state.pane.focus == .detail)
        state.press("2")
        #expect(state.pane.selected == 1 && state.pane.focus == .list)
    }

    @Test func detailScrollIsBounded() {
        var state = Fixtures.state(80, 24)
        state.press("3 enter")
        let g = Geometry(state)
        let maxScroll = state.document(width: g.text.width).lines.count - g.text.height
        #expect(maxScroll > 0, "the fixture must need scrolling")
        state.press("k pgup")
        #expect(state.pane.scroll == 0)
        state.press("j j")
        #expect(state.pane.scroll == 2)
        state.press("ctrl-d")
        #expect(state.pane.scroll == 2 + g.text.height / 2)
        state.press("ctrl-u")
        #expect(state.pane.scroll == 2)
        state.press("G")
        #expect(state.pane.scroll == maxScroll)
        state.press("j pgdn space end")
        #expect(state.pane.scroll == maxScroll)
        state.press("g")
        #expect(state.pane.scroll == 0)
        state.press("G home")
        #expect(state.pane.scroll == 0)
    }

    @Test func scrollIndicatorFollowsTheScroll() {
        var state = Fixtures.state(80, 24)
        state.press("3 enter")
        #expect(state.screen.contains("▾") && !state.screen.contains("▴"))
        state.press("G")
        #expect(state.screen.contains("100% ▴"))
    }

    @Test func selectingAnotherEntryStartsItsDetailAtTheTop() {
        var state = Fixtures.state()
        state.press("3 enter j j esc j")
        #expect(state.pane.selected == 1 && state.pane.scroll == 0)
    }

    @Test func resizeKeepsSelectionAndClampsScroll() {
        var state = Fixtures.state(120, 40)
        state.press("3 enter")
        state.press("resize-80x24 G")
        let bottom = state.pane.scroll
        state.press("resize-40x12")
        #expect(state.pane.selected == 0 && state.pane.focus == .detail)
        state.press("resize-200x60")
        let g = Geometry(state)
        #expect(state.pane.scroll <= max(0, state.document(width: g.text.width).lines.count - g.text.height))
        state.press("resize-80x24")
        #expect(state.pane.selected == 0)
        #expect(bottom > 0)
    }

    @Test func resizeKeepsTheReadingPositionRoughly() {
        var state = Fixtures.state(120, 40)
        state.press("3 enter")
        state.press("resize-80x24 G k k")
        let before = state.pane.scroll
        state.press("resize-81x24")
        #expect(abs(state.pane.scroll - before) <= 2)
    }

    @Test func tooSmallThenBackRestoresTheSameScreen() {
        var state = Fixtures.state(80, 24)
        state.press("3 j enter j")
        let screen = state.screen
        state.press("resize-30x8")
        #expect(state.screen.contains("too small"))
        state.press("resize-80x24")
        #expect(state.screen == screen)
    }

    @Test func quitKeys() {
        for key in ["q", "ctrl-c", "hangup"] {
            var state = Fixtures.state()
            guard case .success(let keys) = Key.parseList(key) else { return }
            #expect(handle(&state, keys[0]) == [.quit], "\(key)")
        }
        var state = Fixtures.state()
        state.press("/")
        #expect(handle(&state, .ctrl("c")) == [.quit])       // even inside the prompt
        #expect(handle(&state, .char("q")).isEmpty)          // q is just a letter there
    }

    @Test func contactFromAnywhere() {
        var state = Fixtures.state()
        state.press("3 enter c")
        #expect(state.section == .contact)
        #expect(state.screen.contains("hello@example.org"))
        #expect(state.screen.contains("https://github.com/example"))
    }

    @Test func openingDirectly() {
        var state = Fixtures.state()
        var opened = state.open("case-studies/seekmake")
        #expect(opened && state.section == .caseStudies && state.pane.selected == 1)
        opened = state.open("etl")
        #expect(opened && state.section == .services && state.pane.selected == 2)
        opened = state.open("postgres")
        #expect(opened && state.selectedTag == "PostgreSQL")
        #expect(state.pane.focus == .detail)
        let before = state.location
        opened = state.open("no-such-thing")
        #expect(!opened)
        #expect(state.location == before)
    }

    @Test func mouseClickSelectsFocusesAndOpens() {
        var state = Fixtures.state(80, 24)
        let g = Geometry(state)
        let tab = TabBar(state).tabs[2]
        state.press("click-\(tab.x + 1),\(g.tabRow)")
        #expect(state.section == .caseStudies)
        let list = Geometry(state).list!
        state.press("click-5,\(list.y + 2)")
        #expect(state.pane.selected == 2 && state.pane.focus == .list)
        state.press("click-5,\(list.y + 2)")
        #expect(state.pane.focus == .detail)
        state.press("wheeldown-50,10")
        #expect(state.pane.scroll == 0 || state.pane.scroll == 3)
    }
}

/// Esc then `/` arriving in one read is decoded as Alt-/; where Alt-/ means nothing it must
/// act as the two keys, or a quick Esc-then-search types into the wrong place.
@Test func unboundAltIsEscapeThenTheKey() {
    var viaAlt = Fixtures.state()
    viaAlt.press("3 enter")
    var viaKeys = viaAlt
    _ = handle(&viaAlt, .alt("/"))
    viaKeys.press("esc /")
    #expect(viaAlt.screen == viaKeys.screen)
    #expect(viaAlt.screen.contains("Search"))
}
