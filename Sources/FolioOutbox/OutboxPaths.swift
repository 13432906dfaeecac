import FolioPOSIX

/// Where the outbox and the drafts live, following the XDG base directories:
///   outbox: --outbox DIR, else $FOLIO_OUTBOX, else $XDG_DATA_HOME/folio/outbox
///           (default ~/.local/share/folio/outbox);
///   drafts: $XDG_STATE_HOME/folio/drafts (default ~/.local/state/folio/drafts).
/// XDG variables that are empty or relative are ignored, as the specification says.
public enum OutboxPaths {
    public static func outbox(explicit: String? = nil,
                              environment: [String: String] = ProcessEnvironment.current()) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let variable = environment["FOLIO_OUTBOX"], !variable.isEmpty { return variable }
        return base("XDG_DATA_HOME", default: ".local/share", environment: environment) + "/folio/outbox"
    }

    public static func drafts(environment: [String: String] = ProcessEnvironment.current()) -> String {
        base("XDG_STATE_HOME", default: ".local/state", environment: environment) + "/folio/drafts"
    }

    static func base(_ variable: String, default relative: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return trimmedSlash(value) }
        return trimmedSlash(home(environment)) + "/" + relative
    }

    /// $HOME, else the password database, else the root directory.
    static func home(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], home.hasPrefix("/") { return home }
        return Account.current().home ?? "/"
    }

    private static func trimmedSlash(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path == "/" ? "" : path
    }
}
