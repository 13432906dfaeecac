import FolioSession
import NIOSSH

/// What a session channel asked for before its shell: the terminal and the locale variables,
/// each checked as folio's kiosk checks them (`ClientEnvironment`, `LocaleName`).
struct SessionRequests {
    /// pty-req received: TERM (nil when it is no plausible terminfo name) and the clamped size.
    private(set) var hasTerminal = false
    private(set) var term: String?
    var size = TerminalSize(columns: 80, rows: 24)
    private(set) var locale: [String: String] = [:]

    /// Whether to accept it. An invalid TERM still gets the terminal, without TERM (the kiosk
    /// then falls back as it does under sshd).
    mutating func terminal(_ request: SSHChannelRequestEvent.PseudoTerminalRequest) -> Bool {
        guard !hasTerminal else { return false }
        hasTerminal = true
        term = ClientEnvironment.isValidTerm(request.term) ? request.term : nil
        size = TerminalSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
        return true
    }

    /// `env`: only LANG and LC_*, each a well-formed name of an installed locale.
    mutating func environment(name: String, value: String) -> Bool {
        guard let variable = LocaleName.variables.first(where: { $0.name == name }),
              LocaleName.isUsable(value, category: variable.category) else { return false }
        locale[name] = value
        return true
    }

    /// The child's whole environment: TERM, the locale, SSH_CONNECTION. Nothing else.
    func childEnvironment(sshConnection: String) -> [String: String] {
        var environment = locale
        environment["TERM"] = term
        environment["SSH_CONNECTION"] = sshConnection
        return environment
    }
}
