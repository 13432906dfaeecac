import FolioContent
import Testing
@testable import FolioCore

/// Live reload in the state machine: R asks for it, the loaded content replaces the old one
/// keeping each section's place, and new errors keep the last good content.
@Suite struct ContentReloadTests {
    static func edited(_ change: (inout Portfolio) -> Void) -> Portfolio {
        var portfolio = Fixtures.portfolio
        change(&portfolio)
        return portfolio
    }

    static func broken(_ path: String) -> Diagnostic { Diagnostic(path: path, line: 2, message: "could not parse the front matter") }

    @Test func rAsksTheRuntimeToReload() {
        var state = Fixtures.state()
        #expect(handle(&state, .char("R")) == [.reloadContent])
        state.press("c")   // composing: R is a letter of the message
        #expect(handle(&state, .char("R")).isEmpty)
        var kiosk = AppState(portfolio: Fixtures.portfolio, kiosk: true)
        #expect(handle(&kiosk, .char("R")).isEmpty)
        #expect(update(&kiosk, .reload).isEmpty)
        _ = update(&kiosk, .contentLoaded(Self.edited { $0.caseStudies[0].title = "Changed" }))
        #expect(kiosk.catalog.portfolio.caseStudies[0].title == "Bankvole")   // a kiosk never reloads
    }

    @Test func anEditedTitleShowsAndThePlaceIsKept() {
        var state = Fixtures.state()
        state.press("3 enter j j j")
        let before = state.pane
        _ = update(&state, .contentLoaded(Self.edited { $0.caseStudies[0].title = "Bankvole, renamed" }))
        #expect(state.section == .caseStudies)
        #expect(state.pane == before)
        #expect(state.screen.contains("Bankvole, renamed"))
        #expect(state.screen.contains("reloaded"))
        state.press("j")
        #expect(!state.screen.contains("reloaded"))   // seen once a key is pressed
    }

    @Test func theSelectionFollowsItsItemWhenOthersMove() {
        var state = Fixtures.state()
        state.press("3 j j")   // Crop2Cash
        state.press("4 j j j")
        let tag = state.selectedTag
        _ = update(&state, .contentLoaded(Self.edited {
            $0.caseStudies.insert(Item(kind: .caseStudy, slug: "new", title: "Newcomer", summary: "", order: 0), at: 0)
            $0.stack.groups.insert(TagGroup(name: "First", tags: ["Redis"]), at: 0)
        }))
        #expect(state.selectedTag == tag)
        state.press("3")
        #expect(state.selectedItem?.slug == "crop2cash")
        #expect(state.pane.selected == 3)
    }

    @Test func aDeletedSelectedItemLeavesItsNeighbourSelected() {
        var state = Fixtures.state()
        state.press("3 j enter j j")   // SeekMake, scrolled
        state.press("t enter")          // follow a tag: history now holds SeekMake
        #expect(!state.history.isEmpty)
        state.press("3")
        _ = update(&state, .contentLoaded(Self.edited { $0.caseStudies.remove(at: 1) }))
        #expect(state.selectedItem?.slug == "crop2cash")
        #expect(state.pane.scroll == 0)
        #expect(state.history.allSatisfy { $0.section != .caseStudies })   // the way back to SeekMake is gone
        #expect(state.screen.contains("Crop2Cash"))
        #expect(!state.screen.contains("SeekMake"))
    }

    @Test func aReloadWithANewErrorKeepsTheLastGoodContent() {
        var state = Fixtures.state()
        state.press("3")
        let broken = Self.edited {
            $0.caseStudies.remove(at: 0)
            $0.diagnostics = [Self.broken("/site/case-studies/bankvole.md")]
        }
        _ = update(&state, .contentLoaded(broken))
        #expect(state.catalog.portfolio.caseStudies.count == 3)
        #expect(state.selectedItem?.slug == "bankvole")
        let screen = state.screen
        #expect(screen.contains("Bankvole"))
        #expect(screen.contains("not reloaded: bankvole.md:2: could not parse"))
        state.press("j k")
        #expect(state.screen.contains("not reloaded"))   // it stays until fixed
        _ = update(&state, .contentLoaded(Self.edited { $0.caseStudies[0].title = "Bankvole fixed" }))
        #expect(state.screen.contains("Bankvole fixed"))
        #expect(!state.screen.contains("not reloaded"))
    }

    @Test func knownErrorsDoNotBlockAReload() {
        var start = Fixtures.portfolio
        start.diagnostics = [Self.broken("/site/services/old.md")]
        var state = Fixtures.state(80, 24, start)
        var next = Self.edited { $0.services[0].title = "Renamed service" }
        next.diagnostics = [Diagnostic(path: "/site/services/old.md", line: 9, message: "could not parse the front matter"),
                            Diagnostic(path: "/site/stack.yml", severity: .warning, message: "tag 'x' is in no group")]
        _ = update(&state, .contentLoaded(next))
        #expect(state.catalog.portfolio.services[0].title == "Renamed service")
        #expect(state.screen.contains("reloaded · 2 content problems (About)"))
    }

    @Test func anOpenSearchIsRunAgainOnTheNewContent() {
        var state = Fixtures.state()
        state.press("/ r e d")
        _ = update(&state, .contentLoaded(Self.edited { $0.stack.tags.removeAll { $0.name == "Redis" } ; $0.stack.groups[3].tags.removeLast() }))
        guard case .search(let prompt)? = state.overlay else { Issue.record("search closed"); return }
        #expect(prompt.query == "red")
        #expect(!prompt.results.tags.contains { $0.tag.name == "Redis" })
    }

    /// A reload keeps the search index lazy: built again only if a search had built it.
    @Test func aReloadBuildsTheSearchIndexOnlyIfASearchDid() {
        var state = Fixtures.state()
        _ = update(&state, .contentLoaded(Self.edited { $0.caseStudies[0].title = "Renamed" }))
        #expect(state.catalog.searchIndex == nil)
        state.press("/ esc")
        _ = update(&state, .contentLoaded(Self.edited { $0.caseStudies[0].title = "Renamed again" }))
        #expect(state.catalog.searchIndex?.items.contains { $0.title == "Renamed again" } == true)
    }
}

extension ContentReloadTests {
    @Test func aLongErrorIsClippedIntoTheStatusBar() {
        var state = Fixtures.state()
        let long = Diagnostic(path: "/site/case-studies/bankvole.md", line: 3,
                              message: "malformed YAML front matter: did not find expected ',' or ']' while parsing a flow sequence")
        _ = update(&state, .contentLoaded(Self.edited { $0.diagnostics = [long] }))
        let status = render(state).lines().last ?? ""
        #expect(status.contains("not reloaded: bankvole.md:3: malformed YAML"))
        #expect(status.contains("…"))
        #expect(status.contains("q quit"))
    }
}
