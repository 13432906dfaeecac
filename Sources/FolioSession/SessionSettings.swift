import FolioText

/// A time or count limit that can also be switched off explicitly (`idle_timeout = off`), which
/// is different from not mentioning it (then the default for the mode applies).
public enum Limit: Sendable, Hashable {
    case off
    case value(Int)

    /// The number, or nil when the limit is off.
    public var number: Int? {
        if case .value(let n) = self { return n }
        return nil
    }
}

/// What one source (a config file, the command line) says. Every field is optional: nil means
/// "this source is silent", so layers can be merged in order with the later one winning.
public struct SessionSettings: Sendable, Hashable {
    public var kiosk: Bool?
    /// Seconds without input before the session ends.
    public var idleTimeout: Limit?
    /// Seconds a session may last at most.
    public var sessionLimit: Limit?
    /// Enquiries one source address may send in an hour; 0 refuses every enquiry.
    public var enquiriesPerHour: Limit?
    public var outbox: String?
    public var content: String?
    /// The shared rate-limit state file.
    public var rateLimitFile: String?
    /// What `folio outbox forward` runs instead of `sendmail -oi` (words; "--" and the
    /// recipient are appended).
    public var forwardCommand: String?
    /// `theme =`; `--theme` and FOLIO_THEME take precedence (see `Appearance.requested`).
    public var theme: ThemeChoice?
    /// `serve_*`: folio serve's own settings (its flags of the same names win).
    public var serve = ServeConfig()

    public init(kiosk: Bool? = nil, idleTimeout: Limit? = nil, sessionLimit: Limit? = nil,
                enquiriesPerHour: Limit? = nil, outbox: String? = nil, content: String? = nil,
                rateLimitFile: String? = nil, theme: ThemeChoice? = nil) {
        self.kiosk = kiosk; self.idleTimeout = idleTimeout; self.sessionLimit = sessionLimit
        self.enquiriesPerHour = enquiriesPerHour; self.outbox = outbox; self.content = content
        self.rateLimitFile = rateLimitFile; self.theme = theme
    }

    /// `other` laid over `self`: each field `other` sets wins, except `kiosk`, which any layer
    /// can turn on and none can turn off again (so a user file or a flag cannot leave a kiosk
    /// the system config imposes).
    public func overlaid(with other: SessionSettings) -> SessionSettings {
        var merged = self
        if let k = other.kiosk { merged.kiosk = (kiosk ?? false) || k }
        if let v = other.idleTimeout { merged.idleTimeout = v }
        if let v = other.sessionLimit { merged.sessionLimit = v }
        if let v = other.enquiriesPerHour { merged.enquiriesPerHour = v }
        if let v = other.outbox { merged.outbox = v }
        if let v = other.content { merged.content = v }
        if let v = other.rateLimitFile { merged.rateLimitFile = v }
        if let v = other.forwardCommand { merged.forwardCommand = v }
        if let v = other.theme { merged.theme = v }
        merged.serve = serve.overlaid(with: other.serve)
        return merged
    }
}

/// What the config file says about `folio serve` (`serve_listen`, `serve_host_key`,
/// `serve_authorized_keys`, `serve_max_sessions`, `serve_per_address`); nil is silence.
public struct ServeConfig: Sendable, Hashable {
    public var listen: ListenAddress?
    public var hostKey: String?
    public var authorizedKeys: String?
    public var maxSessions: Int?
    public var perAddress: Int?

    public init() {}

    public func overlaid(with other: ServeConfig) -> ServeConfig {
        var merged = self
        if let v = other.listen { merged.listen = v }
        if let v = other.hostKey { merged.hostKey = v }
        if let v = other.authorizedKeys { merged.authorizedKeys = v }
        if let v = other.maxSessions { merged.maxSessions = v }
        if let v = other.perAddress { merged.perAddress = v }
        return merged
    }
}

/// The bounds every source is checked against, shared by the file parser and the flags.
public enum SettingBounds {
    public static let durationSeconds = 1...604_800   // one second to one week
    public static let enquiriesPerHour = 0...1_000
    public static let maxPathBytes = 4_096
    /// folio serve's --max-sessions and --per-address.
    public static let serveSessions = 1...100_000
}
