import FolioPOSIX
import Synchronization

/// Counts the connections in progress, in all and per source (an IPv4 address, or the /64 an
/// IPv6 address is in: `IPAddress.rateLimitKey`, the unit the enquiry limit counts in too).
///
/// A connection past `maxSessions` or `perAddress` is still let in, so the visitor reads a
/// one-line refusal instead of a bare reset, but only up to as many again: past twice the
/// limits the connection is closed at once, so refusals cannot become the flood themselves.
public final class ConnectionLimiter: Sendable {
    public enum Admission: Sendable, Equatable {
        case admitted
        /// Let in to be told this line, then closed.
        case refused(String)
        /// Closed without a word.
        case dropped
    }

    public let maxSessions: Int
    public let perAddress: Int
    private let state = Mutex(State())

    private struct State {
        var total = 0
        var bySource: [String: Int] = [:]
    }

    public init(maxSessions: Int, perAddress: Int) {
        self.maxSessions = max(1, maxSessions)
        self.perAddress = max(1, perAddress)
    }

    /// Counts a new connection from `source` (a key from `key(for:)`) and says what to do with
    /// it. Every admission, whatever its outcome, is given back with `release(source)`.
    public func admit(_ source: String) -> Admission {
        state.withLock { state in
            state.total += 1
            state.bySource[source, default: 0] += 1
            let total = state.total, mine = state.bySource[source] ?? 0
            if total > 2 * maxSessions || mine > 2 * perAddress { return .dropped }
            if mine > perAddress {
                return .refused("folio: at most \(perAddress) sessions from one address; close one and try again.")
            }
            if total > maxSessions {
                return .refused("folio: this server is full (\(maxSessions) visitors); please try again later.")
            }
            return .admitted
        }
    }

    public func release(_ source: String) {
        state.withLock { state in
            state.total -= 1
            let left = (state.bySource[source] ?? 1) - 1
            state.bySource[source] = left > 0 ? left : nil
        }
    }

    public var count: Int { state.withLock { $0.total } }

    /// The counting unit of an address as NIO prints it; `unknown` shares one budget.
    public static func key(for address: String?) -> String {
        address.flatMap(IPAddress.init).map(\.rateLimitKey) ?? "unknown"
    }
}
