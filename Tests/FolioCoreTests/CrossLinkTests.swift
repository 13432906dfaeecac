import Testing
@testable import FolioCore

/// Tags in both directions, history and the breadcrumb.
@Suite struct CrossLinkTests {
    @Test func followATagThenAnItemThenComeBack() {
        var state = Fixtures.state()
        state.press("3 enter")                       // Bankvole
        state.press("t l")                           // second tag: Kafka
        #expect(state.pane.focus == .tags && state.pane.tagCursor == 1)
        state.press("enter")
        #expect(state.section == .stack && state.selectedTag == "Kafka" && state.pane.focus == .detail)
        #expect(HeaderView.breadcrumb(state) == "Bankvole › Kafka")
        state.press("enter")                         // first user of Kafka: a service
        #expect(state.section == .services && state.selectedItem?.title == "Event-driven & serverless")
        #expect(state.currentTags[state.pane.tagCursor] == "Kafka")   // the way back is lit
        #expect(HeaderView.breadcrumb(state) == "Bankvole › Kafka › Event-driven & serverless")
        state.press("backspace")
        #expect(state.section == .stack && state.selectedTag == "Kafka")
        state.press("backspace")
        #expect(state.section == .caseStudies && state.selectedItem?.title == "Bankvole")
        #expect(state.pane.focus == .tags && state.pane.tagCursor == 1)
        state.press("backspace")                     // empty history: nothing happens
        #expect(state.section == .caseStudies && state.history.isEmpty)
        #expect(HeaderView.breadcrumb(state) == "Case studies › Bankvole")
    }

    @Test func everyTagOfEveryItemLeadsBackToIt() {
        var state = Fixtures.state(120, 40)
        for section in [Section.services, .caseStudies] {
            for (index, item) in Fixtures.portfolio.items.filter({ $0.kind == (section == .services ? .service : .caseStudy) }).enumerated() {
                for (t, tag) in item.tags.enumerated() {
                    state.press(String(section.rawValue + 1))
                    _ = update(&state, .focusList)
                    _ = update(&state, .top)
                    for _ in 0..<index { _ = update(&state, .down) }
                    state.press("t")                 // the tag row remembers its cursor…
                    for _ in 0..<item.tags.count { state.press("h") }
                    #expect(state.pane.tagCursor == 0)
                    for _ in 0..<t { state.press("l") }
                    state.press("enter")
                    #expect(state.selectedTag == tag)
                    let doc = state.document(width: Geometry(state).text.width)
                    let titles = doc.links.map { link in
                        if case .item(let ref) = link.target { state.catalog.item(ref).title } else { "About" }
                    }
                    #expect(titles.contains(item.title), "\(tag) should list \(item.title)")
                    // …and opening that entry from the tag view lands on the item again.
                    let i = titles.firstIndex(of: item.title)!
                    for _ in 0..<i { state.press("j") }
                    state.press("enter")
                    #expect(state.selectedItem == item)
                    #expect(state.currentTags[state.pane.tagCursor] == tag)
                }
            }
        }
    }

    @Test func tagViewCountsMatchTheStackList() {
        let state = Fixtures.state()
        for row in state.catalog.stackRows {
            guard case .tag(let name, let count) = row else { continue }
            let users = Fixtures.portfolio.items.filter { $0.tags.contains(name) }
            #expect(count == users.count, "\(name)")
        }
    }

    @Test func itemTaggedWithAnAliasCountsForTheTag() {
        var portfolio = Fixtures.portfolio
        portfolio.caseStudies[2].tags = ["postgres", "k8s"]
        let catalog = Catalog(portfolio)
        #expect(catalog.tags(of: catalog.portfolio.caseStudies[2]) == ["PostgreSQL", "Kubernetes"])
        #expect(catalog.items(using: "Kubernetes").count == 1)
    }

    @Test func tagNotInTheStackFileStillShowsUnderOther() {
        var portfolio = Fixtures.portfolio
        portfolio.services[3].tags = ["Markdown"]
        var state = Fixtures.state(80, 24, portfolio)
        let opened = state.open("Markdown")
        #expect(opened)
        #expect(state.screen.contains("Other tags"))
        #expect(state.screen.contains("APIs & documentation"))
    }

    @Test func historyIsBounded() {
        var state = Fixtures.state()
        state.press("3 enter")
        for _ in 0..<150 { state.press("t enter enter") }
        #expect(state.history.count == AppState.historyLimit)
    }

    @Test func tagWithNoItemsSaysSo() {
        var state = Fixtures.state()
        state.press("4")
        #expect(state.selectedTag == "Python")
        #expect(state.screen.contains("No item uses Python yet."))
        state.press("enter")                         // focus the (empty) tag view
        state.press("enter")                         // nothing to open
        #expect(state.section == .stack && state.history.isEmpty)
    }
}

@Suite struct ProfileTagTests {
    @Test func aboutCarriesTheTagsOfTheWorkOverall() {
        var state = Fixtures.state()
        #expect(state.currentTags == ["TypeScript", "Node.js", "Java", "Rascal MPL"])
        #expect(state.screen.contains("[TypeScript]"))
        state.press("t l l enter")                   // Java: no item uses it, the profile does
        #expect(state.selectedTag == "Java")
        #expect(state.screen.contains("About          Introduction (the work overall)"))
        #expect(state.screen.contains("No item uses Java yet."))
        state.press("enter")                         // follow it back to About
        #expect(state.section == .about && state.pane.focus == .detail && state.currentTags[state.pane.tagCursor] == "Java")
        #expect(HeaderView.breadcrumb(state) == "Introduction › Java › Introduction")
    }

    @Test func otherAboutPagesHaveNoTagRow() {
        var state = Fixtures.state()
        state.press("j")
        #expect(state.currentTags.isEmpty && !state.screen.contains("[TypeScript]"))
    }
}
