import FolioCore
import FolioTerminal
import FolioText
import Testing

/// A terminal's answer to folio's background query (OSC 11): taken whole by the decoder,
/// never a key, never waited for past the deadline, and keys typed meanwhile are kept.
@Suite struct ReplyTests {
    static func background(_ reply: TerminalReply) -> Background? {
        guard case .osc(number: 11, let text) = reply else { return nil }
        return Background(osc11: text)
    }

    @Test func replyIsFoundAndKeysAroundItAreKept() {
        let bytes = ScriptedBytes([.text("j"), .after(30, Array("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}k".utf8))])
        let reader = InputReader(source: bytes, now: { bytes.now })
        #expect(reader.awaitReply(timeoutMs: 100, Self.background) == .light)
        #expect(reader.read(timeoutMs: 0) == .key(.char("j")))
        #expect(reader.read(timeoutMs: 0) == .key(.char("k")))
    }

    @Test func noAnswerGivesUpAtTheDeadline() {
        let bytes = ScriptedBytes([.text("x"), .after(500, Array("\u{1B}]11;rgb:0/0/0\u{1B}\\".utf8))])
        let reader = InputReader(source: bytes, now: { bytes.now })
        let start = bytes.now
        #expect(reader.awaitReply(timeoutMs: 100, Self.background) == nil)
        #expect(bytes.now - start == 100)
        #expect(bytes.waits.allSatisfy { $0 <= 100 })
        #expect(reader.read(timeoutMs: 0) == .key(.char("x")))
        // The late answer is a reply, not keys: nothing of it is typed anywhere.
        #expect(reader.read(timeoutMs: 1_000) == .reply(.osc(number: 11, text: "rgb:0/0/0")))
    }

    @Test func aTrickleOfKeysCannotStretchTheWait() {
        let bytes = ScriptedBytes((0..<50).map { _ in .after(10, Array("a".utf8)) })
        let reader = InputReader(source: bytes, now: { bytes.now })
        let start = bytes.now
        #expect(reader.awaitReply(timeoutMs: 100, Self.background) == nil)
        #expect(bytes.now - start <= 100)
        var keys = 0
        while reader.read(timeoutMs: 0) == .key(.char("a")) { keys += 1 }
        #expect(keys >= 9)
    }

    @Test func otherRepliesAndBadColoursAreSkipped() {
        let bytes = ScriptedBytes([.text("\u{1B}]10;rgb:0/0/0\u{07}\u{1B}]11;nonsense\u{07}\u{1B}]11;rgb:0/0/0\u{07}")])
        let reader = InputReader(source: bytes, now: { bytes.now })
        #expect(reader.awaitReply(timeoutMs: 100, Self.background) == .dark)
    }

    @Test func hangUpEndsTheWaitAndIsKept() {
        let bytes = ScriptedBytes([.text("q"), .hangup])
        let reader = InputReader(source: bytes, now: { bytes.now })
        #expect(reader.awaitReply(timeoutMs: 100, Self.background) == nil)
        #expect(reader.read(timeoutMs: 0) == .key(.char("q")))
        #expect(reader.read(timeoutMs: 0) == .hangup)
    }
}
