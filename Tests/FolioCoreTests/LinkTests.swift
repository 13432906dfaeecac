import FolioContent
import FolioText
import Testing
@testable import FolioCore

/// Links in the detail pane: Tab focus, Enter (an opener outside a kiosk, the link in full
/// inside one), y (OSC 52), and the sequences built from hostile targets.
@Suite struct LinkTests {
    static let hostile = "https://evil.example/\u{1B}]52;c;AAAA\u{07}\u{1B}\\\u{9B}31m\u{9C}x"

    static func portfolio(body: String) -> Portfolio {
        var portfolio = Fixtures.portfolio
        portfolio.services[0].body = body
        return portfolio
    }

    static func keys(_ state: inout AppState, _ names: String) -> [Effect] {
        guard case .success(let keys) = Key.parseList(names) else { fatalError(names) }
        return keys.flatMap { handle(&state, $0) }
    }

    @Test func contactTabsThroughTheEmailAndTheProfileLinks() {
        var state = Fixtures.state()
        state.press("5")
        #expect(state.focusedAnchor == nil)
        state.press("tab")
        #expect(state.focusedAnchor?.target == "mailto:hello@example.org")
        state.press("tab")
        #expect(state.focusedAnchor?.target == "https://github.com/example")
        state.press("tab tab")
        #expect(state.focusedAnchor?.target == "mailto:hello@example.org")   // wraps
        state.press("backtab")
        #expect(state.focusedAnchor?.target == "https://www.linkedin.com/in/example")
        #expect(state.section == .contact)
    }

    @Test func theFocusedLinkIsDrawnReversedWithItsNumber() {
        var state = Fixtures.state()
        state.press("5 tab tab")
        let buffer = render(state)
        let marked = buffer.cells.filter { $0.style.link == 2 && $0.style.role == .selection }
        #expect(marked.map(\.text).joined() == "https://github.com/example")
        #expect(buffer.links.count == 3)
        #expect(buffer.links[1] == "https://github.com/example")
        #expect(!state.screen.contains("mouse off"))
    }

    @Test func enterOpensTheLinkOutsideAKiosk() {
        var state = Fixtures.state()
        #expect(Self.keys(&state, "5 tab tab enter") == [.openURL("https://github.com/example")])
        #expect(state.overlay == nil)
    }

    @Test func enterInAKioskShowsTheLinkAndOpensNothing() {
        var state = AppState(portfolio: Fixtures.portfolio, width: 80, height: 24, kiosk: true)
        #expect(Self.keys(&state, "5 tab tab enter").isEmpty)
        #expect(state.overlay == .link("https://github.com/example"))
        #expect(state.screen.contains("https://github.com/example"))
        #expect(Self.keys(&state, "y") == [.terminal(.copy("https://github.com/example"))])
        #expect(Self.keys(&state, "esc").isEmpty)
        #expect(state.overlay == nil)
    }

    @Test func yCopiesTheEmailWithoutMailtoOrWhenNothingIsFocused() {
        var state = Fixtures.state()
        #expect(Self.keys(&state, "5 y") == [.terminal(.copy("hello@example.org"))])
        #expect(state.screen.contains("copied hello@example.org"))
        #expect(Self.keys(&state, "tab y") == [.terminal(.copy("hello@example.org"))])
    }

    @Test func bodyLinksAreFocusableAndScrolledIntoView() {
        let filler = (1...40).map { "Line \($0)." }.joined(separator: "\n\n")
        var state = Fixtures.state(80, 24, Self.portfolio(body: filler + "\n\nSee [Kafka](https://kafka.apache.org)."))
        state.press("2 enter")
        #expect(state.pane.scroll == 0)
        state.press("tab")
        let anchor = try! #require(state.focusedAnchor)
        #expect(anchor.target == "https://kafka.apache.org")
        #expect(state.pane.scroll > 0 && state.pane.scroll <= anchor.line)
        #expect(state.screen.contains("Kafka"))
        state.press("enter")
        #expect(state.pane.focus == .detail)   // Enter opened the link, not the tag row
    }

    @Test func tabChangesSectionWhereThereAreNoLinks() {
        var state = Fixtures.state()
        state.press("3 enter tab")
        #expect(state.section == .stack)
    }

    @Test func onlyWebAndMailLinksOpen() {
        var state = Fixtures.state(80, 24, Self.portfolio(body: "[x](javascript:alert(1)) [f](file:///etc/passwd)"))
        #expect(Self.keys(&state, "2 enter tab enter").isEmpty)
        #expect(state.screen.contains("only http, https and mailto"))
        #expect(Self.keys(&state, "tab enter").isEmpty)
    }

    @Test func mouseToggleAsksTheTerminalAndSaysSo() {
        var state = Fixtures.state()
        #expect(Self.keys(&state, "m") == [.terminal(.mouse(false))])
        #expect(state.screen.contains("mouse off (m)"))
        #expect(Self.keys(&state, "2 j m") == [.terminal(.mouse(true))])
        #expect(!state.screen.contains("mouse off"))
    }

    @Test func hostileLinkCannotEndTheSequenceEarly() {
        var state = Fixtures.state(80, 24, Self.portfolio(body: "[bad](\(Self.hostile))"))
        state.press("2 enter tab")
        let target = try! #require(state.focusedAnchor?.target)
        #expect(!target.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) })
        let effects = Self.keys(&state, "y")
        guard case .terminal(.copy(let text))? = effects.first, let osc52 = TerminalControl.osc52(text) else {
            Issue.record("no copy: \(effects)"); return
        }
        // ESC ] 52 ; c ; <base64 only> BEL, and nothing else.
        #expect(osc52.hasPrefix("\u{1B}]52;c;") && osc52.hasSuffix("\u{07}"))
        let payload = osc52.dropFirst(7).dropLast()
        #expect(payload.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) })
    }

    @Test(arguments: [hostile, "https://e.example/\u{07}", "https://e.example/\u{9C}x", "https://e.example/ space ünï",
                      "\u{1B}\\", "https://e.example/\u{1B}[2J"])
    func osc8CarriesOnlyPrintableASCII(_ url: String) {
        guard let open = TerminalControl.hyperlink(url) else { Issue.record("nil for \(url)"); return }
        #expect(open.hasPrefix("\u{1B}]8;;") && open.hasSuffix("\u{1B}\\"))
        let uri = open.dropFirst(5).dropLast(2)
        #expect(uri.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }, "\(uri)")
    }

    @Test func osc52RoundTripsAndRefusesTooMuch() {
        #expect(TerminalControl.osc52("hello@example.org") == "\u{1B}]52;c;aGVsbG9AZXhhbXBsZS5vcmc=\u{07}")
        #expect(TerminalControl.osc52("") == nil)
        #expect(TerminalControl.osc52(String(repeating: "a", count: TerminalControl.clipboardLimit + 1)) == nil)
    }
}
