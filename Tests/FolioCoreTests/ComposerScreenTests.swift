import FolioOutbox
import FolioText
import Testing
@testable import FolioCore

/// The composer's screens at the three reference sizes, compared with golden files.
@Suite struct ComposerScreenTests {
    static let sizes = [(80, 24), (120, 40), (40, 12)]

    @Test func filledFormAtEverySize() {
        for (w, h) in Self.sizes {
            var state = ComposerTests.filled(w, h)
            _ = update(&state, .draft(.saved(at: "12:04")))
            check("composer-filled-\(w)x\(h)", state)
            // The cursor is where the next character goes: after "help." in the message.
            let at = cursorPosition(state)!
            let layout = ComposerLayout(state)
            #expect(at.y == layout.text.y + 1 && at.x == layout.text.x + DisplayWidth.of("we need help."), "at \(w)x\(h)")
        }
    }

    @Test func errorsAtEverySize() {
        for (w, h) in Self.sizes {
            var state = AppState.composing(w, h)
            state.type("Ada")
            state.key(.tab)
            state.type("ada@")
            _ = state.key(.ctrl("s"))
            check("composer-errors-\(w)x\(h)", state)
        }
    }

    @Test func savedAtEverySize() {
        for (w, h) in Self.sizes {
            var state = ComposerTests.filled(w, h)
            _ = state.key(.ctrl("s"))
            _ = update(&state, .sendFinished(.saved(id: "1739440800.M402193P4242R9f3c2a1b7d0e5f64.folio-host")))
            check("composer-saved-\(w)x\(h)", state)
            // Whole, though folded over two rows on a narrow screen.
            let text = render(state).lines().map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }.joined()
            #expect(text.contains("1739440800.M402193P4242R9f3c2a1b7d0e5f64.folio-host."), "id shown at \(w)x\(h)")
        }
    }

    @Test func failedSaveAt80x24() {
        var state = ComposerTests.filled()
        _ = state.key(.ctrl("s"))
        _ = update(&state, .sendFinished(.failed(reason: "read-only file system (create message)")))
        check("composer-failed-80x24", state)
    }

    @Test func longScrolledMessageAt80x24() {
        var state = ComposerTests.filled()
        state.key(.paste((1...40).map { "Line \($0): 漢字 and emoji 🦀 wrap by display width, " + String(repeating: "x", count: $0) }
            .joined(separator: "\n")))
        for _ in 0..<12 { state.key(.up) }
        check("composer-scrolled-80x24", state)
    }

    @Test func draftOfferAtEverySize() {
        for (w, h) in Self.sizes {
            var state = Fixtures.state(w, h)
            _ = update(&state, .draft(.found(ComposerTests.ada, savedAt: "12:04")))
            state.press("c")
            check("composer-offer-\(w)x\(h)", state)
        }
    }

    @Test func asciiGlyphsOnly() {
        var state = AppState(portfolio: Fixtures.portfolio, width: 80, height: 24, glyphs: .ascii)
        _ = update(&state, .draft(.found(Enquiry(name: "Ada", message: "Hi"), savedAt: "12:04")))
        let content = Set((Fixtures.profile.name + Fixtures.profile.headline).unicodeScalars)
        for keys in ["", "c", "enter", "A d a tab tab tab tab H i"] {
            state.press(keys)
            let drawn = Set(state.screen.unicodeScalars.filter { !$0.isASCII })
            #expect(drawn.isSubset(of: content), "after \(keys): non-ASCII glyphs \(drawn.subtracting(content))")
        }
    }

    @Test func everySizeFromTheMinimumUpKeepsRowsExact() {
        for (w, h) in [(40, 12), (41, 13), (59, 14), (60, 16), (99, 30), (220, 70)] {
            var state = ComposerTests.filled(w, h)
            state.key(.paste(String(repeating: "長い行 long line ", count: 200)))
            _ = state.key(.ctrl("s"))
            for line in render(state).lines() { #expect(DisplayWidth.of(line) == w, "\(w)x\(h): \(line)") }
            #expect(cursorPosition(state) != nil)
        }
    }

    private func check(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.check(name, state, sourceLocation: sourceLocation)
    }
}
