import FolioContent
import FolioText
import Testing
@testable import FolioCore

/// While the list has focus an item shows as its card (title, kind, summary, pinned tags), so a
/// move along the list rewrites a few lines; Enter opens the whole item under the same lines.
@Suite struct CardTests {
    @Test func theListPreviewsACardAndEnterOpensTheWholeItem() {
        var state = Fixtures.state()
        state.press("2")
        guard let ref = state.selectedRef else { Issue.record("no item selected"); return }
        #expect(state.documentID == .card(ref))
        #expect(state.openDocumentID == .item(ref))
        state.press("enter")
        #expect(state.documentID == .item(ref))
        state.press("esc")
        #expect(state.documentID == .card(ref))
    }

    @Test(arguments: Fixtures.services + Fixtures.caseStudies)
    func aCardIsTheFirstLinesOfItsItem(_ item: Item) {
        let state = Fixtures.state()
        guard let ref = Self.ref(of: item, in: state) else {
            Issue.record("no ref for \(item.slug)"); return
        }
        let width = Geometry(state).text.width
        let card = state.document(.card(ref), width: width).lines
        let whole = state.document(.item(ref), width: width).lines
        #expect(Array(whole.prefix(card.count)) == card)
        #expect(whole.count > card.count, "the body is left for Enter")
        #expect(card.contains { line in line.contains { $0.text.contains(item.summary.prefix(12)) } })
    }

    @Test func aCardWithoutASummaryShowsTheBodysFirstParagraphWithoutLinks() {
        var item = Fixtures.services[0]
        item.summary = ""
        item.body = "A [linked](https://example.org) first paragraph.\n\nA second paragraph."
        let portfolio = Portfolio(profile: Fixtures.profile, services: [item], caseStudies: [], stack: Fixtures.stack)
        var state = Fixtures.state(80, 24, portfolio)
        state.press("2")
        let text = state.screen
        #expect(text.contains("A linked") && text.contains("first paragraph."))
        #expect(!text.contains("A second paragraph."))
        let doc = state.document(width: Geometry(state).text.width)
        #expect(doc.lines.allSatisfy { $0.allSatisfy { $0.style.link == 0 } })
        #expect(doc.anchors.isEmpty)
        state.press("enter")
        #expect(state.screen.contains("A second paragraph."))
    }

    @Test func readMoreSitsUnderACardWhoseItemGoesOn() {
        var state = Fixtures.state()
        state.press("2")
        #expect(state.screen.contains("⏎ read more"))
        state.press("enter")
        #expect(!state.screen.contains("read more"))
        var item = Fixtures.services[0]
        item.body = ""
        let portfolio = Portfolio(profile: Fixtures.profile, services: [item], caseStudies: [], stack: Fixtures.stack)
        var bare = Fixtures.state(80, 24, portfolio)
        bare.press("2")
        #expect(!bare.screen.contains("read more"), "nothing more to read")
    }

    @Test func theItemsLinksAreFocusedOnceItIsOpen() {
        var item = Fixtures.services[0]
        item.body = "See [the docs](https://example.org/docs)."
        let portfolio = Portfolio(profile: Fixtures.profile, services: [item], caseStudies: [], stack: Fixtures.stack)
        var state = Fixtures.state(80, 24, portfolio)
        state.press("2 enter tab")
        #expect(state.pane.focus == .detail)
        #expect(state.focusedAnchor?.target == "https://example.org/docs")
        state.press("esc")
        #expect(state.focusedAnchor == nil, "the card has no links to keep focused")
    }

    @Test func theWheelOverACardOpensTheItem() {
        var state = Fixtures.state()
        state.press("2")
        let g = Geometry(state)
        _ = handle(&state, .mouse(MouseEvent(.wheelDown, x: g.text.x + 2, y: g.text.y + 1)))
        #expect(state.pane.focus == .detail)
        #expect(state.documentID == state.openDocumentID)
    }

    private static func ref(of item: Item, in state: AppState) -> ItemRef? {
        for section in [Section.services, .caseStudies] {
            for entry in 0..<state.entryCount(section) {
                if let ref = state.catalog.ref(section, entry: entry), state.catalog.item(ref).slug == item.slug { return ref }
            }
        }
        return nil
    }
}
