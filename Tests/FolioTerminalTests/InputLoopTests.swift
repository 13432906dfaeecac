import FolioCore
import FolioSession
import FolioTerminal
import Testing

/// Bytes through the real decoder and the real loop: keys, the escape delay, pastes, and the
/// terminal hanging up at any byte.
@Suite struct InputLoopTests {
    /// The loop wired to a byte terminal, on the byte script's clock.
    struct Run {
        let terminal: ByteTerminal
        var state = AppState(portfolio: LoopFixture.portfolio, width: 80, height: 24)
        var loop = BrowserLoop()
        let start: Int64

        init(_ script: [ScriptedBytes.Step], composing: Bool = false,
             idleTimeout: Int? = nil, sessionLimit: Int? = nil) {
            terminal = ByteTerminal(script)
            let bytes = terminal.bytes
            start = bytes.now
            loop.now = { bytes.now }
            loop.clock = SessionClock(idleTimeoutSeconds: idleTimeout, sessionLimitSeconds: sessionLimit, start: start)
            if composing { _ = update(&state, .openContact) }
        }

        mutating func run() -> ExitReason { loop.run(&state, on: terminal) }
        var elapsed: Int64 { terminal.bytes.now - start }
        var name: String { state.composer.text(.name).text }
    }

    @Test func bytesBecomeKeys() {
        var run = Run([.text("3"), .text("j\u{1B}[B"), .text("\u{1B}OA"), .text("\u{1B}[<65;5;5M")])
        #expect(run.run() == .hangup)
        let keys: [Key] = [.char("3"), .char("j"), .down, .up, .mouse(MouseEvent(.wheelDown, x: 4, y: 4))]
        #expect(run.terminal.screen.lastFrame == LoopFixture.expectedFrame(after: keys))
    }

    @Test func aLoneEscIsEscOnceTheDelayPasses() {
        var run = Run([.text("?"), .text("\u{1B}"), .after(1_000, Array("2".utf8))])
        #expect(run.run() == .hangup)
        #expect(run.terminal.screen.lastFrame == LoopFixture.expectedFrame(after: [.char("?"), .esc, .char("2")]))
        #expect(run.terminal.bytes.waits.contains(Int32(InputReader.escapeDelayMs)))
    }

    @Test func escThenALetterInOneReadIsAlt() {
        var run = Run([.text("\u{1B}b")], composing: true)
        _ = run.run()
        #expect(run.name.isEmpty)   // Alt-b moves a word left; it types nothing
    }

    /// One input of each kind the decoder knows, as a terminal sends it.
    static let inputs: [(name: String, bytes: [UInt8])] = [
        ("UTF-8", Array("漢".utf8)), ("emoji", Array("🦀".utf8)), ("Alt-b", Array("\u{1B}b".utf8)),
        ("CSI arrow", Array("\u{1B}[A".utf8)), ("SS3 arrow", Array("\u{1B}OB".utf8)),
        ("modified arrow", Array("\u{1B}[1;5C".utf8)), ("PgDn", Array("\u{1B}[6~".utf8)),
        ("Home", Array("\u{1B}[1~".utf8)), ("back-tab", Array("\u{1B}[Z".utf8)), ("keypad Enter", Array("\u{1B}OM".utf8)),
        ("SGR click", Array("\u{1B}[<0;3;4M".utf8)), ("X10 wheel", Array("\u{1B}[Ma!!".utf8)),
        ("paste", Array("\u{1B}[200~hi\r\nthere\u{1B}[201~".utf8)),
        ("OSC 11 reply", Array("\u{1B}]11;rgb:1e1e/1e1e/1e1e\u{1B}\\".utf8)),
        ("Linux F1", Array("\u{1B}[[A".utf8)), ("long CSI", Array(("\u{1B}[" + String(repeating: "9", count: 260) + "~").utf8)),
    ]

    /// The terminal hangs up after any byte of any input: the loop ends with `.hangup` at once
    /// (no time passes beyond the escape delay) after at most three waits, never spinning.
    @Test(arguments: inputs, [false, true])
    func hangUpAtEveryByte(of input: (name: String, bytes: [UInt8]), composing: Bool) {
        for cut in 1...input.bytes.count {
            var run = Run([.bytes(Array(input.bytes[..<cut])), .hangup], composing: composing)
            #expect(run.run() == .hangup, "cut at \(cut)")
            #expect(run.terminal.bytes.waits.count <= 3, "cut at \(cut): \(run.terminal.bytes.waits)")
            #expect(run.elapsed <= InputReader.escapeDelayMs, "cut at \(cut)")
        }
    }

    @Test func aPasteInChunksDrawsOnceWhenItEnds() {
        // Chunks that decode to nothing yet draw nothing; the whole paste is one key, one frame.
        var run = Run([.text("\u{1B}[200~Ad"), .text("a "), .text("Love"), .text("lace\u{1B}[201~")], composing: true)
        #expect(run.run() == .hangup)
        #expect(run.name == "Ada Lovelace")
        #expect(run.terminal.screen.frames.count == 2)   // the first frame, and the one after the paste
    }

    @Test func aPasteOpenAtTheHangUpIsKept() {
        var run = Run([.text("\u{1B}[200~hi"), .hangup], composing: true)
        #expect(run.run() == .hangup)
        #expect(run.name == "hi")
    }

    /// A paste still open after `pasteLimitMs` ends as if closed: what came after is typed.
    @Test func aPasteOpenTooLongEndsAsIfClosed() {
        let trickle = (0..<99).map { _ in ScriptedBytes.Step.after(100, Array("x".utf8)) }   // until 9.9 s
        var run = Run([.text("\u{1B}[200~ab")] + trickle + [.after(200, Array("\ty".utf8))], composing: true)
        #expect(run.run() == .hangup)
        #expect(run.name == "ab" + String(repeating: "x", count: 99))   // the paste, ended at 10 s
        #expect(run.state.composer.text(.email).text == "y")               // Tab was a key again
        #expect(run.terminal.bytes.waits.count < 120)
    }

    /// A paste fed one byte every 100 ms: the session limit still ends the session on time.
    @Test func aTrickledPasteCannotOutstayTheSessionLimit() {
        let trickle = (0..<600).map { _ in ScriptedBytes.Step.after(100, Array("x".utf8)) }
        var run = Run([.text("\u{1B}[200~")] + trickle, composing: true, idleTimeout: 60, sessionLimit: 3)
        #expect(run.run() == .expired(.sessionLimit(seconds: 3)))
        #expect(run.elapsed >= 3_000 && run.elapsed <= 3_100)
    }

    /// Bytes inside an open paste are not input for the idle timeout (only a finished paste is).
    @Test func aTrickledPasteDoesNotHoldOffTheIdleTimeout() {
        let trickle = (0..<600).map { _ in ScriptedBytes.Step.after(100, Array("x".utf8)) }
        var run = Run([.text("\u{1B}[200~")] + trickle, composing: true, idleTimeout: 2)
        #expect(run.run() == .expired(.idle(seconds: 2)))
        #expect(run.elapsed >= 2_000 && run.elapsed <= 2_100)
    }
}
