import FolioText
import Testing
@testable import FolioCore

@Suite struct KeyTableTests {
    let table = KeyTable.standard

    /// A key may appear twice in a context only when the first binding has a condition:
    /// Enter opens a focused link, else goes to the tags.
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = table.bindings.filter { $0.context == context && $0.condition == nil }.flatMap { $0.keys.map(\.key) }
            #expect(Set(keys).count == keys.count, "duplicate key in \(context)")
            let conditional = table.bindings.filter { $0.context == context && $0.condition != nil }
            for binding in conditional {
                let keys = binding.keys.map(\.key)
                #expect(Set(keys).count == keys.count, "duplicate key in \(context)")
            }
        }
    }

    @Test func helpListsEveryBinding() {
        var state = Fixtures.state(120, 40)
        _ = update(&state, .openHelp)
        let help = HelpView.lines(width: HelpView.textWidth(state), symbols: state.symbols).map(Text.plain).joined(separator: "\n")
        for binding in table.bindings {
            #expect(help.contains(binding.keyList(state.symbols)), "help lacks keys of \(binding.help)")
            #expect(help.contains(String(binding.help.prefix(20))), "help lacks \(binding.help)")
        }
    }

    @Test func statusBarShowsOnlyKeysThatApply() {
        var state = Fixtures.state(120, 40)
        state.press("3")
        #expect(state.screen.contains("⏎ open"))
        #expect(!state.screen.contains("⌫ back"))       // no history yet
        #expect(!state.screen.contains("n/N match"))    // no search yet
        state.press("enter t enter")
        let status = render(state).lines().last!
        #expect(status.contains("⌫ back") && status.contains("Esc tags"))
        #expect(!status.contains("scroll"))
    }

    @Test func statusBarAlwaysKeepsHelp() {
        for width in [40, 50, 80] {
            var state = Fixtures.state(width, 12)
            state.press("3 enter")
            #expect(render(state).lines().last!.contains("? help"), "at \(width)")
        }
    }

    @Test func promptTypesLettersThatAreCommandsElsewhere() {
        var state = Fixtures.state()
        state.press("/ q c j ?")
        guard case .search(let prompt)? = state.overlay else { Issue.record("prompt closed"); return }
        #expect(prompt.query == "qcj?")
    }

    @Test func keyNamesParse() {
        #expect(Key(name: "j") == .char("j"))
        #expect(Key(name: "enter") == .enter)
        #expect(Key(name: "ctrl-d") == .ctrl("d"))
        #expect(Key(name: "^u") == .ctrl("u"))
        #expect(Key(name: "alt-b") == .alt("b"))
        #expect(Key(name: "backtab") == .backTab)
        #expect(Key(name: "space") == .char(" "))
        #expect(Key(name: "resize-40x12") == .resize(width: 40, height: 12))
        #expect(Key(name: "click-3,4") == .mouse(MouseEvent(.click, x: 3, y: 4)))
        #expect(Key(name: "bogus") == nil)
        guard case .failure(let error) = Key.parseList("j nope k") else { Issue.record("accepted"); return }
        #expect(error.name == "nope")
    }

    @Test func nonKeyboardEventsMapDirectly() {
        let state = Fixtures.state()
        #expect(table.action(for: .hangup, in: state) == .quit)
        #expect(table.action(for: .resize(width: 50, height: 20), in: state) == .resize(width: 50, height: 20))
        #expect(table.action(for: .mouse(MouseEvent(.wheelDown, x: 1, y: 2)), in: state) == .wheel(lines: 3, x: 1, y: 2))
        #expect(table.action(for: .paste("rm -rf /\n"), in: state) == nil)   // a paste never runs commands
    }
}
