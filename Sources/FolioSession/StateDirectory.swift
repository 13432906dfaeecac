/// Where folio keeps state that is neither content nor mail: `$XDG_STATE_HOME/folio`, else
/// `~/.local/state/folio` (the enquiry rate limit, the SSH server's host key).
public enum StateDirectory {
    /// nil when neither variable holds an absolute path (a relative XDG_STATE_HOME is ignored).
    public static func folio(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/folio" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/folio" }
        return nil
    }
}
