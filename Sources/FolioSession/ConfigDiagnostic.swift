/// One problem found in a config file, located to the character so an admin can fix it
/// without guessing: `/etc/folio/folio.conf:3:16: error: idle_timeout must be …`.
public struct ConfigDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The file is not used as written; folio refuses to start (exit 78, EX_CONFIG).
        case error
        /// Something was ignored (an unknown key, a repeated key); folio starts.
        case warning
    }

    public var path: String
    /// 1-based; 0 when the problem concerns the whole file (unreadable, too large).
    public var line: Int
    /// 1-based, counted in characters (grapheme clusters); 0 with `line == 0`.
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int, column: Int, severity: Severity, message: String) {
        self.path = path; self.line = line; self.column = column
        self.severity = severity; self.message = message
    }

    public var description: String {
        let place = line > 0 ? "\(path):\(line):\(column)" : path
        return "\(place): \(severity.rawValue): \(message)"
    }
}
