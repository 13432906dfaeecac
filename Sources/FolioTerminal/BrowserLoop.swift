import FolioCore
import FolioSession

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
    /// Monotonic milliseconds; tests give a fake terminal's clock.
    public var now: () -> Int64 = MonotonicClock.now
    /// Milliseconds of quiet after input before the draft autosave runs.
    public var pauseDelay: Int64 = 1_000
    /// Runs each effect `update` asks for that is not the terminal's (`.quit`, `.repaint`,
    /// `.suspend`). The action it returns (the outcome: saved, failed…) goes back through `update`.
    public var perform: (Effect) -> Action? = { _ in nil }
    /// Runs once after each pause in typing, after `update` has seen `.typingPaused` (which
    /// asks for the draft to be saved).
    public var onPause: (AppState) -> Void = { _ in }
    /// Descriptors the same poll waits on besides the terminal (inotify), and their actions.
    public var watches: [WatchSource] = []

    public init() {}

    public func run(_ state: inout AppState, on terminal: some Terminal) -> ExitReason {
        var buffer = Buffer(width: terminal.width, height: terminal.height)
        fitToTerminal(&state, terminal)
        var lastInput = now()
        var pausePending = false
        var watching = WatchSchedule(watches)
        var changed = true   // a read that brought nothing (a wake-up, part of a paste) draws nothing
        while true {
            if changed {
                render(state, into: &buffer)
                terminal.draw(buffer, cursor: cursorPosition(state))
                changed = false
            }

            let start = now()
            if let reason = clock.expired(now: start, lastInput: lastInput) { return .expired(reason) }
            let autosave = pausePending ? Int32(clamping: max(0, pauseDelay - (start - lastInput))) : -1
            let due = watching.timeout(now: start)
            let wait = clock.pollTimeout(now: start, lastInput: lastInput, cap: autosave < 0 || due < 0 ? max(autosave, due) : min(autosave, due))

            switch terminal.read(timeoutMs: wait < 0 ? 60_000 : wait + 1, watching: watching.descriptors) {
            case .timeout:
                if pausePending && now() - lastInput >= pauseDelay {
                    pausePending = false
                    let effects = update(&state, .typingPaused)   // none: nothing to save, nothing shown
                    changed = !effects.isEmpty
                    if apply(effects, to: &state, on: terminal) { return .quit }
                    onPause(state)
                }
            case .reply:
                break   // a late answer to a query (the theme's, given up on): never a key
            case .hangup:
                return .hangup
            case .signal(let number):
                return .signal(number)
            case .key(let key):
                if case .resize = key {} else { lastInput = now() }
                pausePending = true
                changed = true
                if apply(handle(&state, key), to: &state, on: terminal) { return .quit }
            case .watch(let ready, let failed):
                watching.noteReady(ready, failed: failed, now: now())
            }
            // A watched change is not input: it keeps no session alive.
            for action in watching.takeDue(now: now()) {
                changed = true
                if apply(update(&state, action), to: &state, on: terminal) { return .quit }
            }
        }
    }

    /// Performs effects in order, feeding each outcome back to `update` and performing what
    /// that asks for in turn. The terminal's own effects go to the terminal. Returns true at `.quit`.
    private func apply(_ effects: [Effect], to state: inout AppState, on terminal: some Terminal) -> Bool {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch effect {
            case .quit:
                return true
            case .repaint:
                terminal.invalidate()   // e.g. after another program wrote to the tty
            case .suspend:
                terminal.suspend()
                fitToTerminal(&state, terminal)
            case .terminal(let control):
                terminal.send(control)
            default:
                if let outcome = perform(effect) { queue += update(&state, outcome) }
            }
        }
        return false
    }

    /// Tells the state the terminal's size when it differs.
    private func fitToTerminal(_ state: inout AppState, _ terminal: some Terminal) {
        guard state.width != terminal.width || state.height != terminal.height else { return }
        _ = update(&state, .resize(width: terminal.width, height: terminal.height))
    }
}
