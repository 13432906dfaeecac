import Glibc

/// Counts enquiries per source address in a sliding window (an hour by default). The count
/// lives in a small text file, one `<unix-seconds> <address>` line per enquiry sent, held
/// under an exclusive `flock` while it is read and rewritten, so concurrent sessions (and
/// different Unix users, if the file is shared through a group) see one count.
///
/// The file is advisory state, not a record: lines that do not parse, stamps outside the
/// window and an oversized file are dropped rather than reported, so a damaged file
/// resets the count instead of stopping every visitor.
public struct RateLimiter: Sendable {
    public let stateFile: String
    /// Enquiries allowed per address per window; 0 allows none.
    public let limit: Int
    /// The window in seconds.
    public let window: Int

    /// Beyond this the file is treated as damaged and started afresh.
    static let maxFileBytes = 4 << 20

    public init(stateFile: String, limit: Int, window: Int = 3_600) {
        self.stateFile = stateFile
        self.limit = max(0, limit)
        self.window = max(1, window)
    }

    /// `$XDG_STATE_HOME/folio/ratelimit`, else `~/.local/state/folio/ratelimit`. Kiosk visitors
    /// all log in as one account, so they share this file. To share it across accounts, set
    /// `ratelimit_file` to a file writable by the senders' group (see docs/DEPLOY.md).
    public static func defaultStateFile(environment: [String: String]) -> String? {
        StateDirectory.folio(environment: environment).map { $0 + "/ratelimit" }
    }

    /// Atomically: if `address` has sent fewer than `limit` enquiries in the window ending at
    /// `now`, records one more and returns `.allowed`; otherwise records nothing.
    public func tryAcquire(address: String, now: Int = RateLimiter.wallClock())
        throws(RateLimitError) -> RateDecision {
        let key = try Self.checkedKey(address)
        return try withLockedEntries(now: now) { entries in
            let mine = entries.filter { $0.key == key }
            guard mine.count < limit else {
                let oldest = mine.map(\.stamp).min() ?? now
                return (.limited(retryAfter: max(1, oldest + window - now)), false)
            }
            entries.append(Entry(stamp: now, key: key))
            return (.allowed(RateTicket(address: key, stamp: now), remaining: limit - mine.count - 1), true)
        }
    }

    /// How many more enquiries `address` may send now (a read-only peek, for the composer).
    public func remaining(address: String, now: Int = RateLimiter.wallClock()) throws(RateLimitError) -> Int {
        let key = try Self.checkedKey(address)
        return try withLockedEntries(now: now) { entries in
            (max(0, limit - entries.filter { $0.key == key }.count), false)
        }
    }

    /// Whether `address` may send one more now (does not record anything).
    public func check(address: String, now: Int = RateLimiter.wallClock()) throws(RateLimitError) -> Bool {
        try remaining(address: address, now: now) > 0
    }

    /// Gives back a slot taken by `tryAcquire` when the enquiry was then not saved (disk
    /// full, permission denied), so a failure does not count against the visitor.
    public func refund(_ ticket: RateTicket, now: Int = RateLimiter.wallClock()) throws(RateLimitError) {
        try withLockedEntries(now: now) { entries in
            guard let i = entries.lastIndex(where: { $0.key == ticket.address && $0.stamp == ticket.stamp })
            else { return ((), false) }
            entries.remove(at: i)
            return ((), true)
        }
    }

    public static func wallClock() -> Int { Int(time(nil)) }

    struct Entry: Equatable {
        var stamp: Int
        var key: String
    }

    /// Keys are written one per line after a space: printable ASCII without spaces.
    static func checkedKey(_ address: String) throws(RateLimitError) -> String {
        let bytes = address.utf8
        guard (1...100).contains(bytes.count), bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw RateLimitError(reason: "invalid address key", path: nil)
        }
        return address
    }
}

/// The outcome of `tryAcquire`.
public enum RateDecision: Sendable, Hashable {
    /// Recorded; keep the ticket to `refund` it if delivery then fails.
    case allowed(RateTicket, remaining: Int)
    /// Over the limit; the oldest enquiry in the window leaves it in `retryAfter` seconds.
    case limited(retryAfter: Int)
}

public struct RateTicket: Sendable, Hashable {
    public let address: String
    public let stamp: Int
}

/// The state file could not be used. A kiosk should refuse to send (fail closed) and show
/// "Not sent: \(reason)".
public struct RateLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    public var path: String?
    public var description: String { path.map { "\(reason) (\($0))" } ?? reason }
}
