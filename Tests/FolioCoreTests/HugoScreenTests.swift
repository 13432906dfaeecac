import FolioContent
import FolioText
import Foundation
import Testing
@testable import FolioCore

/// Golden screens of the Hugo fixture (Tests/FolioContentTests/Fixtures/hugo), loaded as
/// `folio --content` would: section introductions, footnotes, inline HTML, shortcodes and a
/// code line too long for the pane.
@Suite struct HugoScreenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("FolioContentTests/Fixtures/hugo").path
    static let portfolio = ContentLoader.load(directory: root)

    private func state(_ width: Int = 80, _ height: Int = 24, glyphs: Glyphs = .unicode) -> AppState {
        AppState(portfolio: Self.portfolio, width: width, height: height, glyphs: glyphs)
    }

    /// The browser opened at an item, as `folio ITEM` does.
    private func opened(_ item: String, glyphs: Glyphs = .unicode, sourceLocation: SourceLocation = #_sourceLocation) -> AppState {
        var state = state(glyphs: glyphs)
        let found = state.open(item)
        #expect(found, "no item \(item)", sourceLocation: sourceLocation)
        return state
    }

    @Test func introductionIsTheFirstEntryOfItsSection() {
        for (w, h) in [(80, 24), (120, 40), (40, 12)] {
            var state = state(w, h)
            state.press("3")
            #expect(state.documentID == .introduction(.caseStudies))
            #expect(state.selectedItem == nil && state.currentTags.isEmpty)
            Golden.check("hugo-introduction-\(w)x\(h)", state)
        }
    }

    @Test func theIntroductionIsNotAnItem() throws {
        var state = state()
        state.press("3 j")
        #expect(state.selectedItem?.slug == "emoji-support")
        state.press("k enter")
        #expect(state.pane.focus == .detail && state.documentID == .introduction(.caseStudies))
        // Opening an item from elsewhere lands on that item, not one row off.
        let found = state.open("rich-content")
        #expect(found)
        #expect(state.selectedItem?.slug == "rich-content")
        // Services has no _index.md: its first entry is its first item.
        state.press("2")
        #expect(state.selectedItem?.slug == "writing")
        #expect(state.catalog.entryCount(.caseStudies) == Self.portfolio.caseStudies.count + 1)
    }

    @Test func anIntroductionWithoutItemsSaysSo() {
        var portfolio = Fixtures.empty
        portfolio.introductions[.service] = SectionIntroduction(title: "", body: "What I *offer*.", path: "services/_index.md")
        var state = Fixtures.state(80, 24, portfolio)
        state.press("2")
        let screen = state.screen
        #expect(screen.contains("▸ Introduction"))           // the list row, named for want of a title
        #expect(screen.contains("│ Services"))               // the document, titled by its section
        #expect(screen.contains("What I offer.") && screen.contains("No services yet."))
    }

    @Test func inlineHTMLAndLongCodeLines() {
        var state = opened("markdown-syntax")
        Golden.check("hugo-inline-html-80x24", state)
        state.press("j j j j j j j j j j j j j j j j")
        Golden.check("hugo-long-code-80x24", state)
        #expect(state.screen.contains("↪"))
    }

    @Test func footnotesAtTheEndOfThePage() {
        var state = opened("markdown-syntax")
        state.press("G")
        Golden.check("hugo-footnotes-80x24", state)
        #expect(state.screen.contains("talk[1] during Gopherfest"))
    }

    @Test func shortcodesAsOneLine() {
        Golden.check("hugo-shortcode-80x24", opened("rich-content"))
        let ascii = opened("rich-content", glyphs: .ascii)
        Golden.check("hugo-shortcode-ascii-80x24", ascii)
        #expect(!ascii.screen.contains("▶") && ascii.screen.contains("> youtube ZJthWmvUzzc"))
    }
}
