import FolioOutbox
import FolioText
import Testing
@testable import FolioCore

/// The composer as a state machine: opening and leaving, fields, paste, validation, sending
/// and the draft, all through keys and the outcomes the shell feeds back.
@Suite struct ComposerTests {
    static let ada = Enquiry(name: "山田 太郎", email: "taro@example.jp", company: "ACME",
                             subject: "Payouts 💸", message: "Hello,\nwe need help.")

    /// Fills every field by typing, Tab between them.
    static func filled(_ width: Int = 80, _ height: Int = 24, _ e: Enquiry = ada) -> AppState {
        var state = AppState.composing(width, height)
        for field in EnquiryField.allCases {
            for line in e[field].split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.offset > 0 { state.key(.enter) }
                state.type(String(line.element))
            }
            if field != .message { state.key(.tab) }
        }
        return state
    }

    @Test func cOpensFromAnywhereAndEscGoesBackKeepingTheText() {
        var state = Fixtures.state()
        state.press("3 enter c")
        #expect(state.composer.isOpen && state.section == .contact)
        state.type("q?/cj1")                                     // letters are text, not commands
        #expect(state.field(.name).text == "q?/cj1")
        #expect(state.composer.isOpen)
        state.key(.esc)
        #expect(!state.composer.isOpen && state.section == .caseStudies && state.pane.focus == .detail)
        #expect(render(state).lines().last!.contains("message not sent yet (c)"))
        state.press("c")
        #expect(state.field(.name).text == "q?/cj1")
    }

    @Test func enterInContactOpensItAndEscStaysThere() {
        var state = Fixtures.state()
        state.press("5")
        #expect(!state.composer.isOpen)                          // the section shows its details first
        #expect(render(state).lines().last!.contains("⏎ write"))
        state.press("enter")
        #expect(state.composer.isOpen)
        state.key(.esc)
        #expect(!state.composer.isOpen && state.section == .contact)
    }

    @Test func ctrlCQuitsEvenWhileTyping() {
        var state = AppState.composing()
        state.type("q")
        #expect(state.key(.ctrl("c")) == [.quit])
        #expect(state.key(.hangup) == [.quit])
    }

    @Test func tabShiftTabAndArrowsVisitFieldsAndTheButton() {
        var state = AppState.composing()
        var seen: [ComposerFocus] = [state.composer.focus]
        for _ in 0..<6 { state.key(.tab); seen.append(state.composer.focus) }
        #expect(seen == ComposerFocus.order + [.field(.name)])   // wraps
        state.key(.backTab)
        #expect(state.composer.focus == .send)
        state.key(.up)
        #expect(state.composer.focus == .field(.message))
        state.key(.up)
        #expect(state.composer.focus == .field(.subject))
        state.key(.down)
        state.key(.down)
        #expect(state.composer.focus == .send)
        state.key(.down)                                          // nothing below the button
        #expect(state.composer.focus == .send)
        state.key(.tab)
        state.key(.enter)                                         // Enter in a one-line field moves on
        #expect(state.composer.focus == .field(.email))
    }

    @Test func upAndDownMoveThroughMessageLinesThenLeaveIt() {
        var state = AppState.composing()
        for _ in 0..<4 { state.key(.tab) }
        state.type("one")
        state.key(.enter)
        state.type("two is longer")
        state.key(.enter)
        state.type("3")
        state.key(.up)                                            // column 1 of "two is longer"
        #expect(state.field(.message).cursor == 5)
        state.key(.up)                                            // "one", column 1
        #expect(state.field(.message).cursor == 1)
        state.key(.end)
        state.key(.down)                                          // column 3 of line two
        #expect(state.field(.message).cursor == 7)
        state.key(.up)
        state.key(.up)                                            // past the first row
        #expect(state.composer.focus == .field(.subject))
        state.key(.down)
        #expect(state.composer.focus == .field(.message) && state.field(.message).cursor == 3)
        state.key(.down)
        state.key(.down)
        state.key(.down)                                          // past the last row
        #expect(state.composer.focus == .send)
    }

    @Test func movingTheCursorIsNotAnEdit() {
        var state = AppState.composing()
        state.key(.left)
        state.key(.ctrl("e"))
        state.key(.alt("b"))
        #expect(state.composer.draftEffect == nil)
        state.type("Ada")
        _ = update(&state, .draft(.saved(at: "12:04")))
        state.key(.home)
        state.key(.right)
        state.key(.tab)
        #expect(state.composer.draftEffect == nil)
    }

    @Test func pagingStopsAtTheMessageEnds() {
        var state = AppState.composing()
        for _ in 0..<4 { state.key(.tab) }
        state.key(.paste("a\nb\nc"))
        state.key(.pageUp)
        #expect(state.composer.focus == .field(.message) && state.field(.message).cursor == 1)
        state.key(.pageDown)
        #expect(state.composer.focus == .field(.message) && state.field(.message).cursor == 5)
    }

    @Test func pasteGoesIntoTheFieldAndNeverRunsCommands() {
        var state = AppState.composing()
        state.key(.paste("Ada\r\nLovelace\tq\n"))
        #expect(state.field(.name).text == "Ada Lovelace q ")       // line breaks and tabs: spaces
        #expect(state.composer.isOpen && state.section == .contact)
        for _ in 0..<4 { state.key(.tab) }
        state.key(.paste("line one\r\nline two\rthree\u{1B}[31m red\u{7}\tend"))
        #expect(state.field(.message).text == "line one\nline two\nthree[31m red\tend")
        #expect(state.composer.isOpen)
    }

    @Test func hugePastesAreCappedToTheFieldLimit() {
        var state = AppState.composing()
        let tenMegabytes = String(repeating: "0123456789", count: 1_000_000)
        state.key(.paste(tenMegabytes))
        #expect(state.field(.name).characters.count == FieldLimits.name)
        for _ in 0..<4 { state.key(.tab) }
        state.key(.paste(tenMegabytes))
        #expect(state.field(.message).text.utf8.count == FieldLimits.messageBytes)
        state.type("x")                                          // full: more typing is refused
        #expect(state.field(.message).text.utf8.count == FieldLimits.messageBytes)
        #expect(render(state).lines().joined().contains("65536 / 65536"))
        // Multi-byte text is cut at a character boundary, never mid-character.
        state.key(.ctrl("u"))
        state.key(.paste(String(repeating: "漢", count: 30_000)))
        let bytes = state.field(.message).text.utf8.count
        #expect(bytes <= FieldLimits.messageBytes && bytes > FieldLimits.messageBytes - 3 && bytes % 3 == 0)
    }

    @Test func controlCharactersInOneLineFieldsAreRefusedInline() {
        var state = AppState.composing()
        state.key(.paste("Ada\u{1B}[2J"))
        #expect(state.field(.name).text == "Ada\u{1B}[2J")       // kept, shown as a marker, refused
        #expect(render(state).lines().joined().contains("Ada␛[2J"))
        state.key(.tab)
        let screen = render(state).lines().joined(separator: "\n")
        #expect(screen.contains("! contains a control character (U+001B)"))
    }

    @Test func validationRunsBeforeSendingAndShowsInline() {
        var state = AppState.composing()
        state.type("Ada")
        state.key(.tab)
        state.type("not-an-address")
        state.key(.tab)                                           // leaving the field shows its error
        #expect(render(state).lines().joined().contains("! not a valid e-mail address"))
        #expect(state.key(.ctrl("s")).isEmpty)                    // nothing to deliver
        #expect(state.composer.focus == .field(.email))           // the first problem
        let screen = render(state).lines().joined(separator: "\n")
        #expect(screen.contains("Not saved: 3 fields need attention."))
        #expect(screen.contains("! required"))
        #expect(!screen.lowercased().contains("sent"))
        state.key(.ctrl("u"))
        state.type("ada@example.org")
        #expect(!render(state).lines().joined().contains("not a valid e-mail"))   // errors follow typing
    }

    @Test func ctrlSAndTheButtonAskTheShellToDeliver() {
        var state = Self.filled()
        let effects = state.key(.ctrl("s"))
        #expect(effects == [.send(Self.ada)])
        #expect(!render(state).lines().joined().lowercased().contains("sent"))   // not yet delivered
        state.key(.tab)
        #expect(state.composer.focus == .send)
        #expect(state.key(.enter) == [.send(Self.ada)])
    }

    @Test func savedConfirmationClearsTheFormAndDiscardsTheDraft() {
        var state = Self.filled()
        _ = state.key(.ctrl("s"))
        let effects = update(&state, .sendFinished(.saved(id: "1739440800.M1P2R3.host")))
        #expect(effects == [.discardDraft])
        #expect(state.composer.isBlank && state.composer.focus == .field(.name))
        #expect(state.composer.draftEffect == nil)
        let screen = render(state).lines().joined(separator: "\n")
        #expect(screen.contains("Saved to the outbox as 1739440800.M1P2R3.host."))
        #expect(screen.contains("Thank you, 山田 太郎."))
        state.type("x")                                            // a new message starts afresh
        #expect(!render(state).lines().joined().contains("Saved to the outbox"))
    }

    @Test func failureKeepsTheTextAndTheDraftAndRetryWorks() {
        var state = Self.filled()
        _ = state.key(.ctrl("s"))
        let effects = update(&state, .sendFinished(.failed(reason: "read-only file system (create message)")))
        #expect(effects == [.saveDraft(Self.ada)])                   // the text goes to the draft too
        #expect(state.composer.enquiry == Self.ada)
        let screen = render(state).lines().joined(separator: "\n")
        #expect(screen.contains("Not saved: read-only file system (create message)."))
        #expect(!screen.contains("Saved to the outbox"))
        #expect(state.key(.ctrl("s")) == [.send(Self.ada)])          // retry
        _ = update(&state, .sendFinished(.saved(id: "42.M1.host")))
        #expect(render(state).lines().joined().contains("Saved to the outbox as 42.M1.host"))
    }

    @Test func kioskRefusalIsShownAsPhrased() {
        var state = Self.filled()
        _ = state.key(.ctrl("s"))
        _ = update(&state, .sendFinished(.refused("Not sent: at most 3 enquiries an hour from one address.")))
        #expect(render(state).lines().joined().contains("Not sent: at most 3 enquiries an hour"))
        #expect(state.composer.enquiry == Self.ada)
    }

    @Test func draftIsSavedAfterPausesOnlyWhenItChanged() {
        var state = AppState.composing()
        #expect(update(&state, .typingPaused).isEmpty)             // nothing typed
        state.type("Ada")
        #expect(update(&state, .typingPaused) == [.saveDraft(Enquiry(name: "Ada"))])
        _ = update(&state, .draft(.saved(at: "12:04")))
        #expect(update(&state, .typingPaused).isEmpty)
        #expect(render(state).lines()[3].hasSuffix("draft saved 12:04  "))
        state.key(.backspace)
        #expect(update(&state, .typingPaused) == [.saveDraft(Enquiry(name: "Ad"))])
        _ = update(&state, .draft(.failed(reason: "disk full (write draft)")))
        #expect(render(state).lines().joined().contains("draft not saved: disk full"))
        #expect(update(&state, .typingPaused) == [.saveDraft(Enquiry(name: "Ad"))])   // tried again
        state.key(.ctrl("u"))
        #expect(update(&state, .typingPaused) == [.discardDraft])  // emptied: no draft to keep
    }

    @Test func escKeepsTheDraft() {
        var state = AppState.composing()
        state.type("Ada")
        state.key(.esc)
        #expect(!state.composer.isOpen)
        #expect(update(&state, .typingPaused) == [.saveDraft(Enquiry(name: "Ada"))])
        #expect(state.composer.draftEffect == .saveDraft(Enquiry(name: "Ada")))
    }

    @Test func aWaitingDraftIsOfferedBeforeAnythingIsTyped() {
        var state = Fixtures.state()
        _ = update(&state, .draft(.found(Self.ada, savedAt: "12:04")))
        #expect(!state.composer.isOpen)                            // the browser opens as usual
        #expect(render(state).lines().last!.contains("draft from 12:04 waiting (c)"))
        state.press("c")
        let screen = render(state).lines().joined(separator: "\n")
        #expect(screen.contains("A draft from 12:04 is waiting."))
        #expect(screen.contains("Payouts 💸") && screen.contains("⏎ resume · d discard · Esc later"))
        #expect(cursorPosition(state) == nil)
        state.type("xyz")                                          // not typed anywhere
        #expect(state.composer.isBlank && state.composer.isOffering)
        state.key(.enter)
        #expect(state.composer.enquiry == Self.ada && !state.composer.isOffering)
        #expect(state.composer.draftEffect == nil)                 // it is what is on disk
        #expect(state.composer.focus == .field(.message))
    }

    @Test func aDraftCanBeDiscardedOrPutOff() {
        var state = Fixtures.state()
        _ = update(&state, .draft(.found(Self.ada, savedAt: "2025-02-13 09:30")))
        state.press("c")
        state.key(.esc)
        #expect(!state.composer.isOpen && state.composer.pendingDraft != nil)
        state.press("c")
        #expect(state.key(.char("d")) == [.discardDraft])
        #expect(state.composer.isOpen && !state.composer.isOffering && state.composer.isBlank)
        _ = update(&state, .draft(.discarded))
        #expect(update(&state, .typingPaused).isEmpty)
    }

    @Test func aDraftFoundAfterTypingStartedIsNotOffered() {
        var state = AppState.composing()
        state.type("A")
        _ = update(&state, .draft(.found(Self.ada, savedAt: "12:04")))
        #expect(state.composer.pendingDraft == nil)
    }

    @Test func cursorStaysVisibleInALongMessage() {
        var state = AppState.composing(80, 24)
        for _ in 0..<4 { state.key(.tab) }
        let lines = (1...200).map { "line \($0) " + String(repeating: "word ", count: $0 % 23) }
        state.key(.paste(lines.joined(separator: "\n")))
        func visible() -> Bool {
            let layout = ComposerLayout(state)
            guard let at = cursorPosition(state) else { return false }
            return layout.text.contains(x: at.x, y: at.y) || at.x == layout.text.maxX && at.y >= layout.text.y && at.y < layout.text.maxY
        }
        #expect(visible())
        #expect(render(state).lines().contains { $0.contains("line 200") })
        for _ in 0..<150 { state.key(.up) }
        #expect(visible())
        state.key(.pageUp)
        state.key(.pageUp)
        #expect(visible())
        state.key(.pageDown)
        #expect(visible())
        _ = update(&state, .resize(width: 40, height: 12))
        #expect(visible())
        _ = update(&state, .resize(width: 120, height: 40))
        #expect(visible())
        let screen = render(state).lines().joined(separator: "\n")
        #expect(screen.contains("more"))                          // hidden lines are announced
    }

    @Test func messageWrapsByDisplayWidthKeepingEveryCharacter() {
        let text = Array("漢字かな交じり文 and some English words 👩‍💻 end")
        let layout = MessageLayout(text, width: 10)
        var rebuilt: [Character] = []
        for row in layout.rows {
            #expect(EditorGlyph.width(text[row.start..<row.end]) <= 10)
            rebuilt += text[row.start..<row.end]
        }
        #expect(rebuilt == text)
        for index in 0...text.count {
            let (row, column) = layout.position(of: index, in: text)
            #expect(column <= 10)
            #expect(layout.index(row: row, column: column, in: text) == index || !layout.rows[row].endsLine)
        }
    }

    @Test func clicksFocusFieldsAndPlaceTheCursor() {
        var state = Self.filled()
        let layout = ComposerLayout(state)
        _ = update(&state, .click(x: layout.valueX + 2, y: layout.rows[.email]!))
        #expect(state.composer.focus == .field(.email) && state.field(.email).cursor == 2)
        _ = update(&state, .click(x: layout.text.x + 3, y: layout.text.y))
        #expect(state.composer.focus == .field(.message) && state.field(.message).cursor == 3)
        _ = update(&state, .click(x: layout.valueX + 1, y: layout.button))
        #expect(state.composer.focus == .send)
        _ = update(&state, .click(x: 2, y: Geometry(state).tabRow))   // the About tab
        #expect(!state.composer.isOpen && state.section == .about)
    }

    @Test func helpListsTheComposerKeys() {
        let help = HelpView.lines(width: 76, symbols: .unicode).map(Text.plain).joined(separator: "\n")
        for needle in ["Writing a message (c)", "Ctrl-S", "Alt-b Alt-f", "Ctrl-W Alt-d", "Ctrl-U Ctrl-K", "Resume the draft"] {
            #expect(help.contains(needle), "\(needle)")
        }
    }
}
