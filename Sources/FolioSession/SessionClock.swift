import Glibc

/// Why a session is ending on its own.
public enum SessionExpiry: Sendable, Hashable {
    /// No input for the idle timeout.
    case idle(seconds: Int)
    /// The session reached its length cap.
    case sessionLimit(seconds: Int)

    /// One line for the goodbye screen, and for stdout after the terminal is restored: why,
    /// then `draft`, the sentence about the draft when there is one.
    public func goodbye(draft: String?) -> String {
        let why = switch self {
        case .idle(let s): "Session ended after \(SessionClock.spoken(s)) without input."
        case .sessionLimit(let s): "Session ended: the limit is \(SessionClock.spoken(s)) per visit."
        }
        return draft.map { why + " " + $0 } ?? why
    }
}

/// The idle timeout and session cap as pure arithmetic on monotonic milliseconds, so the run
/// loop can turn them into a `poll` timeout and tests need no clock.
public struct SessionClock: Sendable, Hashable {
    /// Milliseconds; nil: no idle timeout.
    public let idleTimeout: Int64?
    /// Milliseconds; nil: no cap.
    public let sessionLimit: Int64?
    /// When the session started (`MonotonicClock.now()` milliseconds).
    public let start: Int64

    public init(idleTimeoutSeconds: Int?, sessionLimitSeconds: Int?, start: Int64) {
        idleTimeout = idleTimeoutSeconds.map { Int64($0) * 1_000 }
        sessionLimit = sessionLimitSeconds.map { Int64($0) * 1_000 }
        self.start = start
    }

    public init(config: KioskConfig, start: Int64 = MonotonicClock.now()) {
        self.init(idleTimeoutSeconds: config.idleTimeout, sessionLimitSeconds: config.sessionLimit,
                  start: start)
    }

    /// The earliest moment the session ends, and why; nil if it never does.
    public func deadline(lastInput: Int64) -> (at: Int64, reason: SessionExpiry)? {
        let idle = idleTimeout.map { (at: lastInput + $0, reason: SessionExpiry.idle(seconds: Int($0 / 1_000))) }
        let cap = sessionLimit.map {
            (at: start + $0, reason: SessionExpiry.sessionLimit(seconds: Int($0 / 1_000)))
        }
        switch (idle, cap) {
        case let (i?, c?): return c.at <= i.at ? c : i
        case let (i?, nil): return i
        case let (nil, c?): return c
        case (nil, nil): return nil
        }
    }

    /// Why the session is over at `now`, or nil if it is not.
    public func expired(now: Int64, lastInput: Int64) -> SessionExpiry? {
        guard let d = deadline(lastInput: lastInput), now >= d.at else { return nil }
        return d.reason
    }

    /// The `poll(2)` timeout in milliseconds until the deadline: -1 (wait for input) if there
    /// is none, 0 if it has passed; never more than `cap` when `cap` is not negative (the run
    /// loop's own timers, such as the draft autosave).
    public func pollTimeout(now: Int64, lastInput: Int64, cap: Int32 = -1) -> Int32 {
        guard let d = deadline(lastInput: lastInput) else { return cap }
        let left = Int32(clamping: max(0, d.at - now))
        return cap < 0 ? left : min(left, cap)
    }

    /// "2 seconds", "10 minutes", "1 hour", "90 seconds".
    static func spoken(_ seconds: Int) -> String {
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if seconds % 3_600 == 0 { return unit(seconds / 3_600, "hour") }
        if seconds % 60 == 0 { return unit(seconds / 60, "minute") }
        return unit(seconds, "second")
    }
}

/// CLOCK_MONOTONIC in milliseconds: unaffected by the wall clock being set.
public enum MonotonicClock {
    public static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000 + Int64(ts.tv_nsec) / 1_000_000
    }
}
