import FolioCore
import FolioSession
#if canImport(Glibc)
import Glibc
#endif

/// Why the loop ended. The caller saves what needs saving and restores the terminal.
public enum ExitReason: Equatable, Sendable {
    case quit
    case hangup
    case signal(Int32)
    case expired(SessionExpiry)   // idle timeout or session cap (kiosk)
}

/// The event loop: draw, wait for input (or a deadline), update, perform effects.
/// All decisions live in `handle`/`update`; this only moves events and frames.
public struct BrowserLoop {
    /// The idle timeout and session cap (none by default; kiosk sessions set both).
    public var clock = SessionClock(idleTimeoutSeconds: nil, sessionLimitSeconds: nil, start: MonotonicClock.now())
    /// Milliseconds of quiet after input before the draft autosave runs.
    public var pauseDelay: Int64 = 1_000
    /// Whether Ctrl-Z suspends folio (not in a kiosk, where it is only a key).
    public var allowsSuspend = true
    /// Runs each effect `update` asks for, except `.quit`, which ends the loop. The action it
    /// returns (the outcome: saved, failed…) goes back through `update`.
    public var perform: (Effect) -> Action? = { _ in nil }
    /// Runs once after each pause in typing, after `update` has seen `.typingPaused` (which
    /// asks for the draft to be saved).
    public var onPause: (AppState) -> Void = { _ in }

    public init() {}

    public func run(_ state: inout AppState, on backend: TerminalBackend) -> ExitReason {
        var buffer = Buffer(width: backend.width, height: backend.height)
        if state.width != backend.width || state.height != backend.height {
            _ = handle(&state, .resize(width: backend.width, height: backend.height))
        }
        var lastInput = MonotonicClock.now()
        var pausePending = false
        while true {
            render(state, into: &buffer)
            backend.draw(buffer, cursor: cursorPosition(state))

            let now = MonotonicClock.now()
            if let reason = clock.expired(now: now, lastInput: lastInput) { return .expired(reason) }
            let autosave = pausePending ? Int32(clamping: max(0, pauseDelay - (now - lastInput))) : -1
            let wait = clock.pollTimeout(now: now, lastInput: lastInput, cap: autosave)

            switch backend.read(timeoutMs: wait < 0 ? 60_000 : wait + 1) {
            case .timeout:
                if pausePending && MonotonicClock.now() - lastInput >= pauseDelay {
                    pausePending = false
                    if apply(update(&state, .typingPaused), to: &state) { return .quit }
                    onPause(state)
                }
            case .hangup:
                return .hangup
            case .signal(let number):
                return .signal(number)
            case .key(.ctrl("l")):
                backend.invalidate()   // repaint everything, e.g. after another program wrote to the tty
            case .key(.ctrl("z")) where allowsSuspend:
                backend.suspend()
                _ = handle(&state, .resize(width: backend.width, height: backend.height))
            case .key(let key):
                if case .resize = key {} else { lastInput = MonotonicClock.now() }
                pausePending = true
                if apply(handle(&state, key), to: &state) { return .quit }
            }
        }
    }

    /// Performs effects in order, feeding each outcome back to `update` and performing what
    /// that asks for in turn. Returns true at `.quit`.
    private func apply(_ effects: [Effect], to state: inout AppState) -> Bool {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            if effect == .quit { return true }
            if let outcome = perform(effect) { queue += update(&state, outcome) }
        }
        return false
    }
}
