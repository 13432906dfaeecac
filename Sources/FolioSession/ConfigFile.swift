/// The config file format: one `key = value` per line.
///
///     # visitors on this box
///     kiosk = true
///     idle_timeout = 10m        # seconds, or with s/m/h; `off` disables
///     session_limit = 1h
///     enquiries_per_hour = 3    # 0 refuses all; off = unlimited
///     outbox = /var/mail/folio-outbox
///     content = "/srv/folio/content"
///     ratelimit_file = /var/lib/folio/ratelimit
///     forward_command = "msmtp -a work"   # folio outbox forward: instead of sendmail -oi
///     theme = light              # auto (default), dark or light
///     serve_listen = 0.0.0.0:2222      # folio serve: the flags of the same names win
///     serve_host_key = /var/lib/folio/host_ed25519
///     serve_authorized_keys = /etc/folio/visitors.pub
///     serve_max_sessions = 64
///     serve_per_address = 4
///
/// Blank lines and lines starting with `#` are skipped; in an unquoted value a `#` after
/// white space starts a comment. A value in double quotes is taken as written (no escapes).
/// Keys are case-sensitive. Errors are reported with line and column; an unknown or repeated
/// key is a warning.
public enum ConfigFile {
    public static let keys = [
        "kiosk", "idle_timeout", "session_limit", "enquiries_per_hour",
        "outbox", "content", "ratelimit_file", "forward_command", "theme",
        "serve_listen", "serve_host_key", "serve_authorized_keys", "serve_max_sessions", "serve_per_address",
    ]

    public static func parse(_ text: String, path: String) -> (SessionSettings, [ConfigDiagnostic]) {
        var settings = SessionSettings()
        var diagnostics: [ConfigDiagnostic] = []
        var seen: [String: Int] = [:]
        // "\r\n" is one Character in Swift, so CRLF files split here too.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = Array(rawLine)
            func report(_ column: Int, _ severity: ConfigDiagnostic.Severity, _ message: String) {
                diagnostics.append(ConfigDiagnostic(path: path, line: lineNumber, column: column,
                                                    severity: severity, message: message))
            }
            if let bad = line.firstIndex(where: isControl) {
                report(bad + 1, .error, "control character U+\(hex(line[bad])) in config line")
                continue
            }
            guard let start = line.firstIndex(where: { !isBlank($0) }), line[start] != "#" else { continue }
            guard let equals = line[start...].firstIndex(of: "=") else {
                report(start + 1, .error, "expected `key = value`")
                continue
            }
            let key = String(line[start..<equals]).trimmingBlanks()
            guard !key.isEmpty else {
                report(equals + 1, .error, "missing key before `=`")
                continue
            }
            guard keys.contains(key) else {
                let hint = keys.first { $0 == key.lowercased().replacingDashes() }
                    .map { "; did you mean `\($0)`?" } ?? " (known keys: \(keys.joined(separator: ", ")))"
                report(start + 1, .warning, "unknown key `\(key)` ignored\(hint)")
                continue
            }
            let value: (text: String, column: Int)
            switch extractValue(line, after: equals) {
            case .failure(let failure):
                report(failure.column, .error, "\(key): \(failure.message)")
                continue
            case .success(let found):
                value = found
            }
            if let earlier = seen[key] {
                report(start + 1, .warning, "`\(key)` repeats line \(earlier); this later value wins")
            }
            seen[key] = lineNumber
            if let message = assign(key, value.text, to: &settings) {
                report(value.column, .error, "\(key): \(message)")
            }
        }
        return (settings, diagnostics)
    }

    /// Sets one known key; returns the error message when the value does not parse.
    private static func assign(_ key: String, _ text: String, to settings: inout SessionSettings) -> String? {
        func take<T>(_ result: Result<T, ConfigValueError>, _ set: (T) -> Void) -> String? {
            switch result {
            case .success(let v): set(v); return nil
            case .failure(let e): return e.message
            }
        }
        func sessions(_ set: (Int) -> Void) -> String? {
            let bounds = SettingBounds.serveSessions
            switch ConfigValue.count(text, bounds: bounds) {
            case .success(.value(let n)): set(n); return nil
            case .success(.off): return "expected a whole number \(bounds.lowerBound)…\(bounds.upperBound); off is not allowed"
            case .failure(let e): return e.message
            }
        }
        switch key {
        case "kiosk": return take(ConfigValue.bool(text)) { settings.kiosk = $0 }
        case "idle_timeout": return take(ConfigValue.duration(text)) { settings.idleTimeout = $0 }
        case "session_limit": return take(ConfigValue.duration(text)) { settings.sessionLimit = $0 }
        case "enquiries_per_hour":
            return take(ConfigValue.count(text, bounds: SettingBounds.enquiriesPerHour)) {
                settings.enquiriesPerHour = $0
            }
        case "outbox": return take(ConfigValue.absolutePath(text)) { settings.outbox = $0 }
        case "content": return take(ConfigValue.absolutePath(text)) { settings.content = $0 }
        case "ratelimit_file": return take(ConfigValue.absolutePath(text)) { settings.rateLimitFile = $0 }
        case "forward_command":
            guard text.contains(where: { $0 != " " && $0 != "\t" }) else { return "expected a command, such as msmtp -a work" }
            settings.forwardCommand = text
            return nil
        case "theme": return take(ConfigValue.theme(text)) { settings.theme = $0 }
        case "serve_listen":
            guard let address = ListenAddress(text) else { return ListenAddress.expected }
            settings.serve.listen = address
            return nil
        case "serve_host_key": return take(ConfigValue.absolutePath(text)) { settings.serve.hostKey = $0 }
        case "serve_authorized_keys":
            return take(ConfigValue.absolutePath(text)) { settings.serve.authorizedKeys = $0 }
        case "serve_max_sessions": return sessions { settings.serve.maxSessions = $0 }
        case "serve_per_address": return sessions { settings.serve.perAddress = $0 }
        default: return "unhandled key"   // unreachable: `keys` is checked first
        }
    }

    private struct ValueFailure: Error { var column: Int; var message: String }

    /// The value after `=`: quoted, or unquoted up to a ` #` comment; column is 1-based.
    private static func extractValue(_ line: [Character], after equals: Int)
        -> Result<(text: String, column: Int), ValueFailure> {
        var i = equals + 1
        while i < line.count, isBlank(line[i]) { i += 1 }
        guard i < line.count, line[i] != "#" else {
            return .failure(ValueFailure(column: equals + 1, message: "missing value after `=`"))
        }
        let column = i + 1
        if line[i] == "\"" {
            guard let close = line[(i + 1)...].firstIndex(of: "\"") else {
                return .failure(ValueFailure(column: column, message: "unterminated quoted value"))
            }
            var after = close + 1
            while after < line.count, isBlank(line[after]) { after += 1 }
            if after < line.count, line[after] != "#" {
                return .failure(ValueFailure(column: after + 1,
                                             message: "unexpected `\(line[after])` after the closing quote"))
            }
            return .success((String(line[(i + 1)..<close]), column + 1))
        }
        var end = i
        while end < line.count, !(line[end] == "#" && isBlank(line[end - 1])) { end += 1 }
        return .success((String(line[i..<end]).trimmingBlanks(), column))
    }

    static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }

    static func isControl(_ c: Character) -> Bool {
        c != "\t" && c.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    private static func hex(_ c: Character) -> String {
        let v = c.unicodeScalars.first?.value ?? 0
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension String {
    func trimmingBlanks() -> String {
        let chars = Array(self)
        guard let first = chars.firstIndex(where: { !ConfigFile.isBlank($0) }),
              let last = chars.lastIndex(where: { !ConfigFile.isBlank($0) }) else { return "" }
        return String(chars[first...last])
    }

    func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
