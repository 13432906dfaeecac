import Glibc

/// The process-wide measures a kiosk session takes before it draws anything: no core files,
/// no variables that name programs or files to load, and no job-control stops. Each is a
/// plain POSIX call, so the run loop can apply them before ncurses starts.
public enum KioskGuard {
    /// Variables that name a program some code path might launch.
    public static let launcherVariables = [
        "EDITOR", "VISUAL", "PAGER", "MANPAGER", "BROWSER", "SHELL", "LESSOPEN", "LESSCLOSE",
    ]
    /// Variables that make glibc or ncurses load files from a client-chosen place.
    public static let loaderVariables = ["LOCPATH", "NLSPATH", "TERMINFO", "TERMINFO_DIRS", "TERMCAP"]
    /// Variables that choose where folio's own files live; a kiosk takes its paths from the
    /// passwd entry and the config files instead (`Session.pathEnvironment`).
    public static let pathVariables = [
        "FOLIO_CONFIG", "FOLIO_CONTENT", "FOLIO_OUTBOX", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
    ]
    /// Everything a kiosk removes (`ClientEnvironment.sanitisedEnvironment`, applied by
    /// `Session.applyToProcess`), plus SSH_ORIGINAL_COMMAND, which folio drops in every mode.
    public static var kioskRemovedVariables: [String] {
        launcherVariables + loaderVariables + pathVariables + ["SSH_ORIGINAL_COMMAND"]
    }

    /// Sets RLIMIT_CORE to 0 (soft and hard), so a crash leaves no core file holding a
    /// visitor's draft. Returns false if the kernel refused.
    @discardableResult
    public static func disableCoreDumps() -> Bool {
        var limit = rlimit(rlim_cur: 0, rlim_max: 0)
        return setrlimit(Int32(RLIMIT_CORE.rawValue), &limit) == 0
    }

    /// The current RLIMIT_CORE soft limit (for tests and diagnostics).
    public static func coreDumpLimit() -> UInt {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_CORE.rawValue), &limit) == 0 else { return .max }
        return UInt(limit.rlim_cur)
    }

    /// Ignores SIGTSTP, SIGTTIN, SIGTTOU and SIGQUIT. Raw mode already delivers ^Z and ^\ as
    /// keys; this covers the moments before raw mode is on and after it is off. ncurses
    /// leaves an ignored SIGTSTP alone. SIGINT is not touched: the run loop handles it.
    public static func ignoreJobControlSignals() {
        for signal in [SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT] {
            Glibc.signal(signal, SIG_IGN)
        }
    }

    /// Whether the command line asks for a kiosk (`--kiosk` before any `--`), or the system
    /// config file sets `kiosk = true`.
    public static func requested(arguments: [String], systemConfig: String = ConfigLoader.systemPath) -> Bool {
        if arguments.dropFirst().prefix(while: { $0 != "--" }).contains("--kiosk") { return true }
        return ConfigLoader.loadFile(systemConfig, required: false).0.kiosk == true
    }

    /// The first thing folio does, before parsing its arguments: in a kiosk, a visitor's ^\
    /// or ^Z while the session starts must not kill or stop it (SIGQUIT's default ends it with
    /// 131), no core may be written, and the resource limits hold from the start.
    /// `Session.applyToProcess` repeats this once the whole configuration is known.
    public static func engageEarly(arguments: [String]) {
        guard requested(arguments: arguments) else { return }
        ignoreJobControlSignals()
        disableCoreDumps()
        KioskLimits.apply()
    }
}
