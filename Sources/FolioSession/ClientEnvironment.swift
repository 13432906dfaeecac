import FolioPOSIX
/// What an ssh client may choose for a session (TERM, LANG and LC_*, window size) and where it
/// comes from (SSH_CONNECTION, parsed once by `SSHConnection`), checked before anything else uses it.
///
/// folio never reads `SSH_ORIGINAL_COMMAND` (the command a visitor typed after the host name
/// under a ForceCommand): `sanitisedEnvironment` drops it, so once `ProcessEnvironment.apply`
/// has run nothing later in the process, nor any library, can see it.
public struct ClientEnvironment: Sendable {
    /// TERM if it is a plausible terminfo name; whether terminfo knows it is the backend's check.
    public let term: String?
    /// The locale variables (LANG, LC_ALL, LC_CTYPE, …) whose values are well-formed names of
    /// installed locales. Invalid ones are dropped so `setlocale(LC_ALL, "")` succeeds.
    public let locale: [String: String]
    /// Names of variables dropped because their values were invalid (for a log line).
    public let rejected: [String]
    /// SSH_CONNECTION, parsed (nil when absent or malformed): pass it on as the enquiry's origin.
    public let connection: SSHConnection?
    /// The unit the enquiry rate limit counts per: `connection.rateLimitKey`, `local` without
    /// SSH_CONNECTION, or `unknown` when SSH_CONNECTION is malformed (all such sessions share
    /// one budget, so a broken value cannot escape the limit).
    public let rateLimitKey: String

    private let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
        var rejected: [String] = []
        if let t = environment["TERM"], !Self.isValidTerm(t) { rejected.append("TERM") }
        term = environment["TERM"].flatMap { Self.isValidTerm($0) ? $0 : nil }
        var locale: [String: String] = [:]
        for (name, category) in LocaleName.variables {
            guard let value = environment[name] else { continue }
            // An empty LC_* means "unset" to glibc: keep it, it is harmless.
            if value.isEmpty || LocaleName.isUsable(value, category: category) {
                locale[name] = value
            } else {
                rejected.append(name)
            }
        }
        if let languages = environment["LANGUAGE"], !Self.isValidLanguageList(languages) {
            rejected.append("LANGUAGE")
        }
        self.locale = locale
        self.rejected = rejected
        connection = SSHConnection(environment: environment)
        rateLimitKey = environment["SSH_CONNECTION"] == nil ? "local" : connection?.rateLimitKey ?? "unknown"
    }

    /// Reads the process environment.
    public static func current() -> ClientEnvironment {
        ClientEnvironment(environment: ProcessEnvironment.current())
    }

    /// The environment folio should run with: rejected variables and SSH_ORIGINAL_COMMAND
    /// removed, and in a kiosk also every variable naming a program to launch or a file for
    /// the C library or ncurses to load (`KioskGuard.kioskRemovedVariables`).
    public func sanitisedEnvironment(kiosk: Bool) -> [String: String] {
        var result = environment
        result["SSH_ORIGINAL_COMMAND"] = nil
        for name in rejected { result[name] = nil }
        if kiosk {
            for name in KioskGuard.kioskRemovedVariables { result[name] = nil }
        }
        return result
    }

    /// `^[A-Za-z0-9._+-]{1,64}$`, not starting with `.` or `-`: no `/`, so ncurses cannot be
    /// pointed at a file outside the terminfo directories.
    public static func isValidTerm(_ term: String) -> Bool {
        let bytes = Array(term.utf8)
        guard (1...64).contains(bytes.count), bytes[0] != UInt8(ascii: "."), bytes[0] != UInt8(ascii: "-")
        else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "+")
                || b == UInt8(ascii: "-")
        }
    }

    /// GNU LANGUAGE: locale names separated by colons.
    static func isValidLanguageList(_ value: String) -> Bool {
        value.isEmpty || value.split(separator: ":", omittingEmptySubsequences: false)
            .allSatisfy { LocaleName.isWellFormed(String($0)) }
    }
}
