import FolioText
import Testing
@testable import FolioCore
import FolioTestSupport

/// 100,000 random keys, actions and resizes from a fixed seed; after every step the state
/// must satisfy its invariants, and every rendered frame must be exactly the screen's size.
@Suite struct FuzzTests {
    /// The shared generator (FolioTestSupport) under the name these tests seed it by.
    typealias SeededRNG = SplitMix64

    static let keys: [Key] = [
        .up, .down, .left, .right, .enter, .esc, .tab, .backTab, .backspace, .delete, .home, .end,
        .pageUp, .pageDown, .ctrl("d"), .ctrl("u"), .ctrl("n"), .ctrl("p"), .alt("b"), .paste("漢字 kafka\n\u{1B}[31m"),
    ] + "jkhlgGtTnN/?c12345[] qxakpeym".map { Key.char($0) }

    static let actions: [Action] = [
        .up, .down, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom, .previousTag, .nextTag,
        .nextSection, .previousSection, .focusList, .focusDetail, .focusTags, .activate, .back, .openSearch,
        .openHelp, .openContact, .closeOverlay, .searchNextMatch, .searchPreviousMatch, .deleteBackward,
        .clearInput, .insert("po"), .insert("🦀e\u{301}"), .nextLink, .previousLink, .openLink, .copyLink, .toggleMouse,
    ] + Section.allCases.map { .showSection($0) }

    @Test(arguments: [false, true])
    func randomInputKeepsEveryInvariant(kiosk: Bool) {
        var rng = SeededRNG(state: 0xF0_11_0)
        var portfolio = Fixtures.portfolio
        portfolio.caseStudies[1].title = "銀行 🏦 SeekMake with a very long title that never fits anywhere"
        var state = AppState(portfolio: portfolio, width: 80, height: 24, kiosk: kiosk)
        for step in 0..<100_000 {
            let effects: [Effect]
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<3:
                effects = update(&state, .resize(width: Int.random(in: 1...220, using: &rng),
                                                 height: Int.random(in: 1...70, using: &rng)))
            case 3..<8:
                let x = Int.random(in: -2...state.width + 2, using: &rng), y = Int.random(in: -2...state.height + 2, using: &rng)
                effects = update(&state, Bool.random(using: &rng) ? .click(x: x, y: y)
                                                                  : .wheel(lines: Int.random(in: -9...9, using: &rng), x: x, y: y))
            case 8..<50:
                effects = update(&state, Self.actions.randomElement(using: &rng)!)
            default:
                effects = handle(&state, Self.keys.randomElement(using: &rng)!)
            }
            // No file or process effects without the composer; never a link opened in a kiosk.
            #expect(effects.allSatisfy { effect in
                switch effect {
                case .quit, .terminal: true
                case .openURL: !state.kiosk
                default: false
                }
            })
            if let problem = Self.violation(state) {
                Issue.record("step \(step): \(problem)")
                return
            }
            if step % 20 == 0, let problem = Self.frameProblem(state) {
                Issue.record("step \(step) at \(state.width)x\(state.height): \(problem)")
                return
            }
        }
    }

    /// The first broken invariant, if any.
    static func violation(_ s: AppState) -> String? {
        let count = s.catalog.entryCount(s.section)
        let pane = s.pane
        if !(0..<max(1, count)).contains(pane.selected) { return "selection \(pane.selected) of \(count)" }
        if !s.section.hasList && pane.focus != .detail { return "contact must focus its document" }
        if s.section.hasList && count == 0 && pane.focus != .list { return "focus on an empty section's detail" }
        if pane.focus == .tags && s.currentTags.isEmpty { return "tag focus without tags" }
        if !(0..<max(1, s.currentTags.count)).contains(pane.tagCursor) { return "tag cursor \(pane.tagCursor)" }
        let g = Geometry(s)
        let doc = s.document(width: g.text.width)
        if pane.scroll < 0 || pane.scroll > max(0, doc.lines.count - g.text.height) {
            return "scroll \(pane.scroll) of \(doc.lines.count) lines in \(g.text.height)"
        }
        if !(0..<max(1, doc.links.count)).contains(pane.linkCursor) { return "link cursor \(pane.linkCursor)" }
        if let list = g.list, count > 0 {
            let rows = ListView.rowCount(s), row = ListView.row(ofEntry: pane.selected, s)
            if pane.listTop < 0 || pane.listTop > max(0, rows - list.height) { return "list top \(pane.listTop)" }
            if list.height > 0 && !(pane.listTop..<pane.listTop + list.height).contains(row) { return "selected row hidden" }
        }
        if s.history.count > AppState.historyLimit { return "history \(s.history.count)" }
        if let anchor = pane.anchor, !s.document(width: Geometry(s).text.width).anchors.indices.contains(anchor) {
            return "anchor \(anchor) out of range"
        }
        switch s.overlay {
        case .help(let scroll)?: if scroll < 0 || scroll > HelpView.maxScroll(s) { return "help scroll \(scroll)" }
        case .search(let prompt)?: if prompt.cursor < 0 || prompt.cursor >= max(1, prompt.count) { return "search cursor" }
        case .link(let url)?: if !s.kiosk || url.isEmpty { return "link shown outside a kiosk" }
        case nil: break
        }
        return nil
    }

    static func frameProblem(_ s: AppState) -> String? {
        let lines = render(s).lines()
        if lines.count != s.height { return "\(lines.count) rows" }
        if let bad = lines.first(where: { DisplayWidth.of($0) != s.width }) { return "row width \(DisplayWidth.of(bad)): \(bad)" }
        return nil
    }
}

extension SplitMix64 {
    init(state: UInt64) { self.init(seed: state) }
}
