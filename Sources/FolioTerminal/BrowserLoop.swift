import FolioCore
#if canImport(Glibc)
import Glibc
#endif

/// Why the loop ended. The caller saves what needs saving and restores the terminal.
public enum ExitReason: Equatable, Sendable {
    case quit
    case hangup
    case signal(Int32)
    case idleTimeout
    case sessionLimit
}

/// The event loop: draw, wait for input (or a deadline), update, perform effects.
/// All decisions live in `handle`/`update`; this only moves events and frames.
public struct BrowserLoop {
    /// Seconds without input before the session ends (nil: never).
    public var idleTimeout: Double?
    /// Seconds a session may last at most (nil: no cap).
    public var sessionLimit: Double?
    /// Seconds of quiet after input before `onPause` runs (draft autosave).
    public var pauseDelay: Double = 1.0
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
        let started = Clock.now()
        var lastInput = started
        var pausePending = false
        while true {
            render(state, into: &buffer)
            backend.draw(buffer, cursor: cursorPosition(state))

            let now = Clock.now()
            if let limit = sessionLimit, now - started >= limit { return .sessionLimit }
            if let idle = idleTimeout, now - lastInput >= idle { return .idleTimeout }
            var wait = 60.0
            if let limit = sessionLimit { wait = min(wait, limit - (now - started)) }
            if let idle = idleTimeout { wait = min(wait, idle - (now - lastInput)) }
            if pausePending { wait = min(wait, pauseDelay - (now - lastInput)) }

            switch backend.read(timeoutMs: Int32(max(0, wait) * 1000) + 1) {
            case .timeout:
                if pausePending && Clock.now() - lastInput >= pauseDelay {
                    pausePending = false
                    if apply(update(&state, .typingPaused), to: &state) { return .quit }
                    onPause(state)
                }
            case .hangup:
                return .hangup
            case .signal(let number):
                return .signal(number)
            case .key(let key):
                if case .resize = key {} else { lastInput = Clock.now() }
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

/// Monotonic seconds: immune to wall-clock jumps.
enum Clock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
