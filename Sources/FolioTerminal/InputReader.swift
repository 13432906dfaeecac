import FolioCore

/// Turns a terminal's bytes into one `TerminalInput` at a time, with `InputDecoder`. Each
/// call waits on the source at most once, for no longer than the caller's timeout and the
/// decoder's own deadlines: the escape delay (a lone ESC becomes Esc) and the longest a
/// paste may stay open (then it ends as if closed). Bytes that decode to nothing yet (the
/// middle of a paste) come back as `.timeout`, so the caller's clock is checked between
/// reads: a trickle of bytes cannot hold a session open past its limits.
///
/// After a hang-up it gives what the decoder held (an open paste), then `.hangup` for ever.
public final class InputReader {
    /// How long ESC waits for a following byte before it counts as Esc (as ncurses' ESCDELAY).
    public static let escapeDelayMs: Int64 = 25
    /// How long a bracketed paste may stay open. A real paste arrives in one burst.
    public static let pasteLimitMs: Int64 = 10_000

    private let source: ByteSource
    private let now: () -> Int64
    private let pasteLimitMs: Int64
    private var decoder = InputDecoder()
    private var pending: [TerminalInput] = []
    private var next = 0                      // index of the next pending input
    private var escapeDeadline: Int64?
    private var pasteDeadline: Int64?
    private var hungUp = false

    /// `now` is monotonic milliseconds.
    public init(source: ByteSource, now: @escaping () -> Int64, pasteLimitMs: Int64 = InputReader.pasteLimitMs) {
        self.source = source
        self.now = now
        self.pasteLimitMs = pasteLimitMs
    }

    /// Whether a bracketed paste is open.
    public var isPasting: Bool { decoder.isPasting }

    /// Waits up to `timeoutMs` (negative: forever, or until a deadline of the decoder's), and
    /// for the `watching` descriptors in the same wait. Decoded keys come first.
    /// `.timeout` may come early; the caller looks at its own clock.
    public func read(timeoutMs: Int32, watching: [Int32] = []) -> TerminalInput {
        if let input = takePending() { return input }
        if hungUp { return .hangup }
        if expire(), let input = takePending() { return input }

        switch source.read(timeoutMs: wait(timeoutMs), watching: watching) {
        case .bytes(let bytes):
            let events = decoder.feed(bytes)
            accept(events)
            // A paste that began in these bytes (perhaps right after another ended) starts its clock now.
            if decoder.isPasting && (pasteDeadline == nil || events.contains(where: Self.isPaste)) {
                pasteDeadline = now() + pasteLimitMs
            }
            if !decoder.isPasting { pasteDeadline = nil }
            escapeDeadline = decoder.awaitsEscapeDelay ? now() + Self.escapeDelayMs : nil
        case .hangup:
            hungUp = true
            accept(decoder.hangUp())
            return takePending() ?? .hangup
        case .timeout, .interrupted:
            _ = expire()
        case .watch(let ready, let failed):
            _ = expire()
            return takePending() ?? .watch(ready: ready, failed: failed)
        }
        return takePending() ?? .timeout
    }

    /// Acts on the deadlines that have passed; true when that produced input.
    private func expire() -> Bool {
        let time = now()
        var events: [InputEvent] = []
        if let deadline = escapeDeadline, time >= deadline {
            escapeDeadline = nil
            events += decoder.escapeDelayPassed()
        }
        if let deadline = pasteDeadline, time >= deadline {
            pasteDeadline = nil
            events += decoder.endPaste()
        }
        accept(events)
        return !events.isEmpty
    }

    /// The wait for the source: the caller's timeout, shortened to the nearest deadline.
    private func wait(_ timeoutMs: Int32) -> Int32 {
        let time = now()
        var wait = timeoutMs < 0 ? Int64.max : Int64(timeoutMs)
        for deadline in [escapeDeadline, pasteDeadline].compactMap({ $0 }) { wait = min(wait, max(0, deadline - time)) }
        return wait == Int64.max ? -1 : Int32(clamping: wait)
    }

    private func accept(_ events: [InputEvent]) {
        for event in events {
            switch event {
            case .key(let key): pending.append(.key(key))
            case .reply(let reply): pending.append(.reply(reply))
            }
        }
    }

    /// Puts inputs back in front of whatever is pending, to be read again in order (the
    /// keys typed while folio waited for a reply).
    public func unread(_ inputs: [TerminalInput]) {
        pending = inputs + pending[next...]
        next = 0
    }

    /// Reads until `wanted` picks a reply or `timeoutMs` has passed; every other input
    /// stays pending, in order. Waits at most `timeoutMs` in all, however the bytes trickle.
    public func awaitReply<T>(timeoutMs: Int64, _ wanted: (TerminalReply) -> T?) -> T? {
        let deadline = now() + timeoutMs
        var kept: [TerminalInput] = []
        defer { unread(kept) }
        while case let left = deadline - now(), left > 0 {
            switch read(timeoutMs: Int32(clamping: left)) {
            case .reply(let reply):
                if let value = wanted(reply) { return value }
            case .timeout:
                continue
            case .hangup:
                kept.append(.hangup); return nil
            case let other:
                kept.append(other)
            }
        }
        return nil
    }

    private func takePending() -> TerminalInput? {
        guard next < pending.count else { return nil }
        defer {
            next += 1
            if next == pending.count { pending.removeAll(keepingCapacity: true); next = 0 }
        }
        return pending[next]
    }

    private static func isPaste(_ event: InputEvent) -> Bool {
        if case .key(.paste) = event { true } else { false }
    }
}
