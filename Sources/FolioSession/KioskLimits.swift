import Glibc

/// Resource limits of a kiosk session: a backstop, so that a runaway session (a bug that
/// allocates or spins without end) dies alone instead of taking the box's memory or a core.
/// Values a normal visit never reaches, measured on the debug build at the largest window
/// folio draws (500×300), browsing every section, searching and typing a message: about
/// 25 MB of data (VmData; 47 MB resident with the shared libraries) and about 1.2 s of CPU.
public enum KioskLimits {
    /// RLIMIT_DATA (heap and private anonymous memory), soft and hard: 512 MiB, 20 times a
    /// normal visit. A huge window claim used to cost 1.3 GB; it is clamped now, and anything
    /// like it fails to allocate here.
    public static let dataBytes: UInt = 512 << 20
    /// RLIMIT_CPU soft limit: 10 minutes of CPU time (SIGXCPU ends folio). A visit waits on
    /// the visitor almost all the time; an hour of steady reading and typing stays far below.
    public static let cpuSeconds: UInt = 600
    /// RLIMIT_CPU hard limit: SIGKILL, should SIGXCPU not end it.
    public static let cpuKillSeconds: UInt = 610

    /// Lowers the limits to these values (never raises one an administrator set lower).
    /// Returns false if the kernel refused one.
    @discardableResult
    public static func apply() -> Bool {
        let data = lower(Int32(RLIMIT_DATA.rawValue), soft: dataBytes, hard: dataBytes)
        let cpu = lower(Int32(RLIMIT_CPU.rawValue), soft: cpuSeconds, hard: cpuKillSeconds)
        return data && cpu
    }

    /// The current (soft, hard) limit of `resource`, for tests and diagnostics.
    public static func current(_ resource: Int32) -> (soft: UInt, hard: UInt) {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return (.max, .max) }
        return (UInt(limit.rlim_cur), UInt(limit.rlim_max))
    }

    private static func lower(_ resource: Int32, soft: UInt, hard: UInt) -> Bool {
        let (oldSoft, oldHard) = current(resource)
        var limit = rlimit(rlim_cur: rlim_t(min(soft, oldSoft)), rlim_max: rlim_t(min(hard, oldHard)))
        return setrlimit(resource, &limit) == 0
    }
}
