import FolioCore
import FolioSession
import FolioTerminal
import Testing

/// The goodbye after an idle timeout or the session limit says exactly what became of the
/// draft: saved at the autosave, saved just now, or nothing (no draft, or an emptied form).
@Suite struct GoodbyeTests {
    /// Runs the fixture to its end, then does what `folio browse` does on the way out: performs
    /// the draft's last effect (through the fixture's fake store) and shows the goodbye.
    static func goodbye(_ f: LoopFixture) -> (draft: DraftOnExit, screen: String) {
        guard case .expired(let why) = f.run() else { return (.none, "the session did not expire") }
        let draft = f.state.composer.draftOnExit(after: f.state.composer.draftEffect.flatMap(f.outcome))
        Goodbye.show(why.goodbye(draft: draft.sentence), on: f.terminal, seconds: 0)
        let screen = f.terminal.lastFrame?.lines().map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        return (draft, screen?.joined(separator: " ") ?? "")
    }

    /// A fake draft store: saves at "12:00", removes on discard.
    static func fixture(_ script: [FakeTerminal.Step]) -> LoopFixture {
        let f = LoopFixture(script: script)
        f.outcome = { effect in
            switch effect {
            case .saveDraft: .draft(.saved(at: "12:00"))
            case .discardDraft: .draft(.discarded)
            default: nil
            }
        }
        return f
    }

    @Test func autosavedEarlierSaysWhen() {
        // Typing, a pause (the autosave runs), then 10 s without input.
        let f = Self.fixture([.key(.char("c")), .key(.char("A")), .key(.char("n")), .wait, .wait, .wait])
        f.loop.clock = SessionClock(idleTimeoutSeconds: 10, sessionLimitSeconds: nil, start: f.terminal.now)
        let (draft, screen) = Self.goodbye(f)
        #expect(draft == .savedEarlier(at: "12:00"))
        #expect(f.performed.count == 1)   // the autosave; nothing more to do on the way out
        #expect(screen == "Session ended after 10 seconds without input. Your draft was saved at 12:00.")
    }

    @Test func savedAsTheSessionEndsSaysSo() {
        // The limit comes before any pause in typing: the draft is saved on the way out.
        let f = Self.fixture([.key(.char("c")), .key(.char("A")), .key(.char("n")), .wait, .wait])
        f.loop.pauseDelay = 5_000
        f.loop.clock = SessionClock(idleTimeoutSeconds: nil, sessionLimitSeconds: 3, start: f.terminal.now)
        let (draft, screen) = Self.goodbye(f)
        #expect(draft == .savedNow)
        #expect(f.performed.isEmpty)   // the loop saved nothing; the exit does
        #expect(screen == "Session ended: the limit is 3 seconds per visit. Your draft was saved.")
    }

    @Test func anEmptiedFormIsNotCalledSaved() {
        // Typed, then deleted again before any pause: nothing is saved (an old draft is removed).
        let f = Self.fixture([.key(.char("c")), .key(.char("A")), .key(.backspace), .wait, .wait])
        f.loop.pauseDelay = 5_000
        f.loop.clock = SessionClock(idleTimeoutSeconds: nil, sessionLimitSeconds: 3, start: f.terminal.now)
        let (draft, screen) = Self.goodbye(f)
        #expect(draft == .none)
        #expect(screen == "Session ended: the limit is 3 seconds per visit.")
    }

    @Test func noDraftNoSentence() {
        let f = Self.fixture([.key(.char("j")), .wait, .wait])
        f.loop.clock = SessionClock(idleTimeoutSeconds: 2, sessionLimitSeconds: nil, start: f.terminal.now)
        let (draft, screen) = Self.goodbye(f)
        #expect(draft == .none)
        #expect(screen == "Session ended after 2 seconds without input.")
    }

    @Test func aFailedSaveIsNotCalledSaved() {
        let f = Self.fixture([.key(.char("c")), .key(.char("A")), .wait, .wait])
        f.outcome = { _ in .draft(.failed(reason: "disk full")) }
        f.loop.pauseDelay = 5_000
        f.loop.clock = SessionClock(idleTimeoutSeconds: nil, sessionLimitSeconds: 3, start: f.terminal.now)
        let (draft, screen) = Self.goodbye(f)
        #expect(draft == .failed(reason: "disk full"))
        #expect(screen == "Session ended: the limit is 3 seconds per visit. Your draft could not be saved.")
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
