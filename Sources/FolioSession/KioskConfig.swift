import FolioPOSIX
import FolioText

/// The settings a session runs with, after defaults, config files and flags are merged.
///
/// Defaults depend on the mode: a kiosk (anonymous visitors) gets a 10-minute idle timeout,
/// a 1-hour session cap and 3 enquiries per source address per hour; an ordinary user gets
/// none of these unless a config file or flag sets them.
public struct KioskConfig: Sendable, Hashable {
    public var kiosk: Bool
    /// Seconds without input before the session ends; nil: never.
    public var idleTimeout: Int?
    /// Seconds a session may last; nil: no cap.
    public var sessionLimit: Int?
    /// Enquiries per source address per hour; nil: unlimited, 0: sending is refused.
    public var enquiriesPerHour: Int?
    /// `--outbox` or the config's `outbox`; nil leaves the choice to the outbox's own rules.
    public var outbox: String?
    /// `--content` or the config's `content`; pass it as `ContentLocator.resolve(explicit:)`.
    public var content: String?
    /// The config's `ratelimit_file`; nil means `RateLimiter.defaultStateFile(environment:)`.
    public var rateLimitFile: String?
    /// The config's `theme`; nil leaves it to `--theme`, FOLIO_THEME or auto.
    public var theme: ThemeChoice?

    public enum KioskDefaults {
        public static let idleTimeout = 600
        public static let sessionLimit = 3_600
        public static let enquiriesPerHour = 3
    }

    public init(kiosk: Bool = false, idleTimeout: Int? = nil, sessionLimit: Int? = nil,
                enquiriesPerHour: Int? = nil, outbox: String? = nil, content: String? = nil,
                rateLimitFile: String? = nil, theme: ThemeChoice? = nil) {
        self.kiosk = kiosk; self.idleTimeout = idleTimeout; self.sessionLimit = sessionLimit
        self.enquiriesPerHour = enquiriesPerHour; self.outbox = outbox; self.content = content
        self.rateLimitFile = rateLimitFile; self.theme = theme
    }

    /// Applies the mode's defaults to whatever `settings` leaves unsaid.
    public init(_ settings: SessionSettings) {
        let kiosk = settings.kiosk ?? false
        func pick(_ limit: Limit?, kioskDefault: Int) -> Int? {
            switch limit {
            case .some(.off): nil
            case .some(.value(let n)): n
            case .none: kiosk ? kioskDefault : nil
            }
        }
        self.init(kiosk: kiosk,
                  idleTimeout: pick(settings.idleTimeout, kioskDefault: KioskDefaults.idleTimeout),
                  sessionLimit: pick(settings.sessionLimit, kioskDefault: KioskDefaults.sessionLimit),
                  enquiriesPerHour: pick(settings.enquiriesPerHour,
                                         kioskDefault: KioskDefaults.enquiriesPerHour),
                  outbox: settings.outbox, content: settings.content,
                  rateLimitFile: settings.rateLimitFile, theme: settings.theme)
    }

    /// Config files (see `ConfigLoader`) with `flags` laid on top. Any `.error` diagnostic
    /// means the caller should print them all and exit 78 (EX_CONFIG) rather than run with
    /// settings the admin did not write.
    ///
    /// A kiosk never lets the client's environment choose a file: when the flags, the system
    /// file or the account's own file (found through the passwd entry, `ConfigLoader.accountPath`)
    /// turn kiosk mode on, the user layer is that account file, whatever FOLIO_CONFIG,
    /// XDG_CONFIG_HOME or HOME say. Otherwise the user layer is found as `ConfigLoader.userPath`
    /// says. So a visitor cannot hide a `kiosk = true` in the account's file by moving
    /// XDG_CONFIG_HOME, nor lay a file of their own over the owner's settings.
    public static func resolve(flags: SessionSettings, environment: [String: String],
                               account: Account = .current(),
                               systemPath: String = ConfigLoader.systemPath) -> (KioskConfig, [ConfigDiagnostic]) {
        let system = ConfigLoader.loadFile(systemPath, required: false)
        var own: (SessionSettings, [ConfigDiagnostic]) = (SessionSettings(), [])
        if let path = ConfigLoader.accountPath(account), path != systemPath {
            own = ConfigLoader.loadFile(path, required: false)
        }
        let kiosk = [flags.kiosk, system.0.kiosk, own.0.kiosk].contains(true)
        if !kiosk {
            let (files, diagnostics) = ConfigLoader.load(environment: environment, systemPath: systemPath)
            let merged = files.overlaid(with: flags)
            if merged.kiosk != true { return (KioskConfig(merged), diagnostics) }
            // A file the environment chose turned kiosk mode on: from here on, it is a kiosk.
        }
        let merged = system.0.overlaid(with: own.0).overlaid(with: flags).overlaid(with: SessionSettings(kiosk: true))
        return (KioskConfig(merged), system.1 + own.1)
    }
}

/// Command-line flags turned into a settings layer, parsed exactly like the config file's
/// values so `--idle-timeout 90`, `--idle-timeout 10m` and `--idle-timeout off` all work.
public enum SessionFlags {
    public static func settings(kiosk: Bool, idleTimeout: String? = nil, sessionLimit: String? = nil,
                                outbox: String? = nil, content: String? = nil)
        -> Result<SessionSettings, ConfigValueError> {
        var settings = SessionSettings(kiosk: kiosk ? true : nil, outbox: outbox, content: content)
        for (flag, text, keyPath) in [("--idle-timeout", idleTimeout, \SessionSettings.idleTimeout),
                                      ("--session-limit", sessionLimit, \SessionSettings.sessionLimit)] {
            guard let text else { continue }
            switch ConfigValue.duration(text) {
            case .success(let limit): settings[keyPath: keyPath] = limit
            case .failure(let error): return .failure(ConfigValueError("\(flag): \(error.message)"))
            }
        }
        return .success(settings)
    }
}
