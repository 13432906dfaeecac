import FolioCore
import FolioOutbox
import FolioSession
import FolioTerminal
import Testing

@Suite struct BrowserLoopTests {
    @Test func keysGoInAndFramesComeOut() {
        let f = LoopFixture(script: [.key(.char("2")), .key(.char("j"))])
        #expect(f.run() == .hangup)   // the script ran out
        #expect(f.terminal.frames.count == 3)
        #expect(f.terminal.frames[0] == LoopFixture.expectedFrame(after: []))
        #expect(f.terminal.frames[1] == LoopFixture.expectedFrame(after: [.char("2")]))
        #expect(f.terminal.frames[2] == LoopFixture.expectedFrame(after: [.char("2"), .char("j")]))
        #expect(f.terminal.frames[1].text.contains("Narrow APIs"))
    }

    @Test func aReadThatBringsNothingDrawsNothing() {
        // Wake-ups with no input (the poll's timeout) leave the screen as it is: no frame at
        // all, so not one byte goes to the terminal.
        let f = LoopFixture(script: [.wait, .wait, .key(.char("j")), .wait, .wait])
        _ = f.run()
        #expect(f.terminal.reads.count == 6)
        #expect(f.terminal.frames.count == 2)   // the first frame, and the one after j
        #expect(f.terminal.frames.last == LoopFixture.expectedFrame(after: [.char("j")]))
    }

    @Test func theFirstFrameHasTheTerminalsSize() {
        let wide = LoopFixture(width: 100, height: 30)
        wide.state = AppState(portfolio: LoopFixture.portfolio, width: 80, height: 24)
        _ = wide.run()
        #expect(wide.terminal.frames.first.map { ($0.width, $0.height) } ?? (0, 0) == (100, 30))
        #expect(wide.state.width == 100 && wide.state.height == 30)
    }

    @Test func aResizeRedrawsAtTheNewSize() {
        let f = LoopFixture(script: [.resize(width: 60, height: 20)])
        _ = f.run()
        #expect(f.terminal.frames.last == LoopFixture.expectedFrame(width: 60, height: 20, after: []))
    }

    @Test func quitEndsTheLoopAndNothingMoreIsRead() {
        let f = LoopFixture(script: [.key(.char("q")), .key(.char("2"))])
        #expect(f.run() == .quit)
        #expect(f.terminal.reads.count == 1)
        #expect(f.terminal.frames.count == 1)
    }

    @Test func hangupAndSignalsEndTheLoopWithTheirReason() {
        #expect(LoopFixture(script: [.key(.char("2")), .input(.hangup)]).run() == .hangup)
        #expect(LoopFixture(script: [.input(.signal(15))]).run() == .signal(15))
        #expect(LoopFixture(script: [.key(.char("j")), .input(.signal(1))]).run() == .signal(1))
        // A hang-up the decoder reports as a key quits too.
        #expect(LoopFixture(script: [.key(.hangup)]).run() == .quit)
    }

    // MARK: Repaint and suspend, from the key table

    @Test func ctrlLRepaintsEverywhere() {
        let f = LoopFixture(script: [.key(.ctrl("l")), .key(.char("c")), .key(.ctrl("l")), .key(.char("/")), .key(.ctrl("l"))])
        _ = f.run()
        #expect(f.terminal.repaints == 3)
        #expect(f.performed.isEmpty)   // the terminal's effect never reaches the shell's perform
        #expect(f.terminal.frames[1] == f.terminal.frames[0])   // same frame, drawn again in full
    }

    @Test func ctrlZSuspendsAndRedrawsAtTheSizeOnReturn() {
        let f = LoopFixture(script: [.key(.ctrl("z"))])
        f.terminal.sizeAfterSuspend = (100, 30)
        _ = f.run()
        #expect(f.terminal.suspends == 1)
        #expect(f.terminal.frames.last == LoopFixture.expectedFrame(width: 100, height: 30, after: []))
    }

    @Test func ctrlZIsOnlyAKeyWhereSuspendIsNotAllowed() {
        let f = LoopFixture(script: [.key(.ctrl("z")), .key(.char("c")), .key(.ctrl("z"))])
        f.state.allowsSuspend = false
        f.terminal.sizeAfterSuspend = (100, 30)
        _ = f.run()
        #expect(f.terminal.suspends == 0)
        #expect(f.terminal.frames[1] == f.terminal.frames[0])
    }

    // MARK: The autosave timer

    @Test func aPauseInTypingSavesTheDraftOnce() {
        let f = LoopFixture(script: [.key(.char("c")), .key(.char("A")),
                                     .after(500, .key(.char("n"))), .after(900, .key(.char("n"))),
                                     .wait, .wait])
        f.outcome = { effect in
            if case .saveDraft = effect { return .draft(.saved(at: "12:00")) }
            return nil
        }
        let start = f.terminal.now
        _ = f.run()
        // Keys 500 and 900 ms apart never leave a 1 s pause; the first wait does, the second is idle.
        #expect(f.performed.count == 1)
        guard case .saveDraft(let enquiry)? = f.performed.first else {
            Issue.record("no draft saved: \(f.performed)"); return
        }
        #expect(enquiry.name == "Ann")
        #expect(f.pauses.count == 1)
        #expect(f.pauses.first?.composer.draftStatus == .saved(at: "12:00"))
        // The autosave ran a pause after the last key (start + 1400), not before.
        #expect(f.terminal.now >= start + 1_400 + 1_000)
        #expect(f.terminal.reads.prefix(4) == [60_000, 1_001, 1_001, 1_001])   // waits for the pause once typing began
    }

    @Test func noPauseWithoutInput() {
        let f = LoopFixture(script: [.wait, .wait])
        _ = f.run()
        #expect(f.pauses.isEmpty && f.performed.isEmpty)
        #expect(f.terminal.reads.prefix(2) == [60_000, 60_000])
    }

    // MARK: The effect queue

    @Test func outcomesGoBackThroughUpdateAndTheirEffectsRunInTurn() {
        // Name, email, (no company), subject, message; then Ctrl-S.
        let keys: [Key] = [.char("c"), .paste("Ann"), .tab, .paste("ann@example.org"), .tab, .tab,
                           .paste("Hello"), .tab, .paste("A message long enough to send."), .ctrl("s")]
        let f = LoopFixture(script: keys.map { .key($0) })
        f.outcome = { effect in
            switch effect {
            case .send: return .sendFinished(.saved(id: "1.M1.box"))
            case .discardDraft: return .draft(.discarded)
            default: return nil
            }
        }
        _ = f.run()
        #expect(f.performed.count == 2)
        if case .send(let enquiry)? = f.performed.first {
            #expect(enquiry.email == "ann@example.org")
        } else {
            Issue.record("first effect was not a send: \(f.performed)")
        }
        #expect(f.performed.last == .discardDraft)
        #expect(f.state.composer.isBlank)   // the sent form was cleared
        #expect(f.state.composer.draftStatus == .none)
    }

    // MARK: Idle and session limits, on the fake clock

    @Test func idleTimeoutCountsFromTheLastKey() {
        let f = LoopFixture(script: [.after(9_000, .key(.char("j"))), .wait, .wait, .wait])
        let start = f.terminal.now
        f.loop.clock = SessionClock(idleTimeoutSeconds: 10, sessionLimitSeconds: nil, start: start)
        #expect(f.run() == .expired(.idle(seconds: 10)))
        #expect(f.terminal.now >= start + 19_000)
        #expect(f.terminal.now <= start + 19_000 + 2)
    }

    @Test func aResizeIsNotInput() {
        let f = LoopFixture(script: [.after(6_000, .key(.resize(width: 70, height: 20))), .wait, .wait])
        let start = f.terminal.now
        f.loop.clock = SessionClock(idleTimeoutSeconds: 10, sessionLimitSeconds: nil, start: start)
        #expect(f.run() == .expired(.idle(seconds: 10)))
        #expect(f.terminal.now <= start + 10_002)
    }

    @Test func sessionLimitEndsEvenABusySession() {
        let f = LoopFixture(script: Array(repeating: .after(4_000, .key(.char("j"))), count: 20))
        let start = f.terminal.now
        f.loop.clock = SessionClock(idleTimeoutSeconds: 10, sessionLimitSeconds: 30, start: start)
        #expect(f.run() == .expired(.sessionLimit(seconds: 30)))
        #expect(f.terminal.now >= start + 30_000 && f.terminal.now <= start + 30_002)
    }
}
