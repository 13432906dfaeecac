import FolioText
import Testing
@testable import FolioCore

/// Every section at the three reference sizes, compared with golden files (our screen docs).
@Suite struct ScreenTests {
    static let sizes = [(80, 24), (120, 40), (40, 12)]

    @Test(arguments: Section.allCases.filter { $0 != .inbox })   // the Inbox: InboxTests
    func sectionAtEverySize(_ section: Section) {
        for (w, h) in Self.sizes {
            var state = Fixtures.state(w, h)
            _ = update(&state, .showSection(section))
            check("\(section.slug)-\(w)x\(h)", state)
        }
    }

    @Test(arguments: [(39, 12), (40, 11), (20, 5), (1, 1)])
    func tooSmall(_ size: (Int, Int)) {
        let state = Fixtures.state(size.0, size.1)
        let text = state.screen
        #expect(text.contains("too small") || size.0 * size.1 < 40, "\(text)")
        if size == (39, 12) { check("too-small-39x12", state) }
    }

    @Test func readingAnItemWithTagsFocused() {
        var state = Fixtures.state()
        state.press("3 enter t l")
        check("case-study-tags-focused-80x24", state)
    }

    @Test func tagViewAfterFollowingATag() {
        var state = Fixtures.state()
        state.press("3 enter t enter")
        check("tag-view-postgresql-80x24", state)
        state.press("j")
        #expect(state.pane.linkCursor == 1)
    }

    @Test func scrolledListsShowWhatIsHidden() {
        var state = Fixtures.state(80, 24)
        state.press("4 G")
        check("stack-scrolled-80x24", state)
        state.press("resize-40x12 enter")
        check("stack-scrolled-detail-40x12", state)
    }

    @Test func tagViewOnANarrowScreen() {
        var state = Fixtures.state(40, 12)
        state.press("2 enter t enter")
        check("tag-view-40x12", state)
    }

    @Test func tagNobodyUses() {
        var state = Fixtures.state()
        let opened = state.open("Python")
        #expect(opened)
        check("tag-view-unused-80x24", state)
        #expect(state.screen.contains("No item uses Python yet."))
    }

    @Test func helpOverlay() {
        var state = Fixtures.state(80, 24)
        state.press("?")
        check("help-80x24", state)
        state.press("G")
        check("help-end-80x24", state)
    }

    @Test func searchOverlay() {
        var state = Fixtures.state(80, 24)
        state.press("/ p o s t")
        check("search-post-80x24", state)
    }

    @Test func asciiGlyphs() {
        var state = AppState(portfolio: Fixtures.portfolio, width: 80, height: 24, glyphs: .ascii)
        state.press("3 enter")
        check("ascii-case-study-80x24", state)
        // Content keeps its own characters; every glyph the views add must be ASCII.
        let drawn = Set(state.screen.unicodeScalars.filter { !$0.isASCII })
        let content = Set((Fixtures.profile.name + Fixtures.profile.headline).unicodeScalars)
        #expect(drawn.isSubset(of: content), "non-ASCII glyphs: \(drawn.subtracting(content))")
    }

    @Test func emptyPortfolio() {
        var state = Fixtures.state(80, 24, Fixtures.empty)
        for section in state.sections {
            _ = update(&state, .showSection(section))
            check("empty-\(section.slug)-80x24", state)
        }
    }

    @Test func wideCharactersKeepEveryRowExactlyAsWide() {
        var portfolio = Fixtures.portfolio
        portfolio.caseStudies[0].title = "銀行ボール 🏦 Bankvole"
        portfolio.caseStudies[0].body = "漢字とかなの混じった文章が折り返されても列はずれない。e\u{301}\u{301} combining."
        for (w, h) in [(80, 24), (41, 12), (57, 17)] {
            var state = Fixtures.state(w, h, portfolio)
            state.press("3 enter")
            for line in render(state).lines() { #expect(DisplayWidth.of(line) == w, "\(line)") }
        }
    }

    private func check(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.check(name, state, sourceLocation: sourceLocation)
    }
}

extension Section {
    var slug: String { ["about", "services", "case-studies", "stack", "contact", "inbox"][rawValue] }
}
