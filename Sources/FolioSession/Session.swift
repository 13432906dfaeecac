import FolioPOSIX
import Glibc

/// Everything a run of folio needs to know about where it runs and what it may do, worked out
/// once at start-up, before the terminal is touched:
///
///     switch Session.begin(flags: flags) {
///     case .refused(let message, let code): print message to stderr, exit(code)
///     case .ready(let session):
///         print session.warnings to stderr
///         session.applyToProcess()        // environment, core dumps, signals; before initscr
///         run loop: session.clock (poll timeout, expiry),
///                   session.admitEnquiry() / refund(_:) around delivery
///     }
public struct Session: Sendable {
    public let config: KioskConfig
    public let client: ClientEnvironment
    /// Config warnings (unknown or repeated keys): print them to stderr before the UI starts.
    public let warnings: [ConfigDiagnostic]
    public let clock: SessionClock
    /// nil when enquiries are unlimited.
    public let rateLimiter: RateLimiter?
    /// Names this visit: wall-clock start and process id.
    public let visitID: String
    /// The variables that say where files live (HOME, XDG_*_HOME, FOLIO_CONTENT, FOLIO_OUTBOX):
    /// pass them to `OutboxPaths`, `ContentLocator` and the draft directory. Outside a kiosk
    /// they are the process's own; in a kiosk only HOME, taken from the passwd entry, so a
    /// client that may send any variable (sshd `AcceptEnv *`) cannot swap the portfolio, the
    /// outbox, the drafts or the rate-limit state.
    public let pathEnvironment: [String: String]

    /// Reads config files, lays `flags` over them and checks the client's environment. Touches
    /// nothing in the process; `environment`, `account` and `hasTerminal` default to the real ones.
    public static func begin(flags: SessionSettings,
                             environment: [String: String]? = nil,
                             account: Account? = nil,
                             systemConfig: String = ConfigLoader.systemPath,
                             hasTerminal: Bool? = nil,
                             now: Int64 = MonotonicClock.now()) -> SessionStart {
        let env = environment ?? ProcessEnvironment.current()
        let account = account ?? .current()
        let (config, diagnostics) = KioskConfig.resolve(flags: flags, environment: env, account: account,
                                                        systemPath: systemConfig)
        let paths = config.kiosk ? (account.home.map { ["HOME": $0] } ?? [:]) : env
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            return .refused(message: errors.map(\.description).joined(separator: "\n"), exitCode: 78)
        }
        if config.kiosk, !(hasTerminal ?? TTYCheck.hasTerminal()) {
            return .refused(message: TTYCheck.refusal, exitCode: 1)
        }
        let limiter = config.enquiriesPerHour.flatMap { limit in
            (config.rateLimitFile ?? RateLimiter.defaultStateFile(environment: paths))
                .map { RateLimiter(stateFile: $0, limit: limit) }
        }
        return .ready(Session(config: config, client: ClientEnvironment(environment: env),
                              warnings: diagnostics.filter { $0.severity == .warning },
                              clock: SessionClock(config: config, start: now), rateLimiter: limiter,
                              visitID: "\(RateLimiter.wallClock())-\(getpid())", pathEnvironment: paths))
    }

    /// Applies the session to the process, once, while still single-threaded and before the
    /// terminal is set up: the sanitised environment (so ncurses and setlocale only see valid
    /// TERM and LANG; in a kiosk no path variable of the client's, and HOME from passwd), and
    /// in a kiosk RLIMIT_CORE 0, ignored job-control signals and the resource limits (`KioskLimits`).
    public func applyToProcess() {
        var environment = client.sanitisedEnvironment(kiosk: config.kiosk)
        if config.kiosk { environment["HOME"] = pathEnvironment["HOME"] }
        ProcessEnvironment.apply(environment)
        if config.kiosk {
            KioskGuard.disableCoreDumps()
            KioskGuard.ignoreJobControlSignals()
            KioskLimits.apply()
        }
    }

    /// Asks the rate limit for one enquiry from this session's address. Call just before
    /// delivering; if delivery then fails, pass the ticket to `refund`.
    public func admitEnquiry(now: Int = RateLimiter.wallClock()) -> EnquiryAdmission {
        guard let limit = config.enquiriesPerHour else { return .allowed(nil) }
        guard let limiter = rateLimiter else {
            // A limit is set but there is nowhere to count (no HOME, no ratelimit_file).
            return config.kiosk ? .refused("Not sent: the enquiry limit cannot be checked (no state file).")
                                : .allowed(nil)
        }
        do {
            switch try limiter.tryAcquire(address: client.rateLimitKey, now: now) {
            case .allowed(let ticket, _): return .allowed(ticket)
            case .limited(let retryAfter):
                if limit == 0 { return .refused("Not sent: enquiries are turned off here.") }
                let wait = SessionClock.spoken(max(1, (retryAfter + 59) / 60) * 60)
                return .refused("Not sent: at most \(limit) enquir\(limit == 1 ? "y" : "ies") an hour "
                                + "from one address. Try again in \(wait).")
            }
        } catch {
            // Fail closed for anonymous visitors, open for people using their own accounts.
            return config.kiosk ? .refused("Not sent: \(error.reason).") : .allowed(nil)
        }
    }

    /// Gives back the slot of an enquiry that was admitted but not saved.
    public func refund(_ ticket: RateTicket?) {
        guard let ticket, let limiter = rateLimiter else { return }
        try? limiter.refund(ticket)
    }
}

public enum SessionStart: Sendable {
    case ready(Session)
    /// Print `message` to standard error and exit with `exitCode` (78: config error;
    /// 1: kiosk without a terminal).
    case refused(message: String, exitCode: Int32)
}

public enum EnquiryAdmission: Sendable, Hashable {
    /// Deliver; on failure `Session.refund` the ticket (nil when nothing was counted).
    case allowed(RateTicket?)
    /// Do not deliver; show this line in the composer. The draft stays.
    case refused(String)
}
