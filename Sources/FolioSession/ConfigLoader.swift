import FolioPOSIX
/// Finds and reads the config files, in this order (later wins, except that `kiosk = true`
/// anywhere stays on):
///
/// 1. `/etc/folio/folio.conf` (the system file; optional);
/// 2. `$FOLIO_CONFIG` if set, which must exist; otherwise `$XDG_CONFIG_HOME/folio/config`
///    (or `~/.config/folio/config`), optional. In kiosk mode none of these variables counts:
///    the user layer is `accountPath` (see `KioskConfig.resolve`).
///
/// The command line is laid over the result by `KioskConfig.resolve`.
public enum ConfigLoader {
    public static let systemPath = "/etc/folio/folio.conf"
    /// A config file is a handful of lines; anything bigger is a mistake.
    public static let maxBytes = 65_536

    /// The account's own file, `~/.config/folio/config` with `~` from the passwd entry: the
    /// user layer of a kiosk, which no environment variable can move.
    public static func accountPath(_ account: Account) -> String? {
        account.home.map { Path.join($0, ".config/folio/config") }
    }

    /// The per-user file and whether it must exist (it must when named by FOLIO_CONFIG).
    public static func userPath(environment: [String: String]) -> (path: String, required: Bool)? {
        if let explicit = environment["FOLIO_CONFIG"], !explicit.isEmpty {
            return (explicit, true)
        }
        // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return (xdg + "/folio/config", false)
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return (home + "/.config/folio/config", false)
        }
        return nil
    }

    public static func load(environment: [String: String],
                            systemPath: String = systemPath) -> (SessionSettings, [ConfigDiagnostic]) {
        var sources = [(path: systemPath, required: false)]
        if let user = userPath(environment: environment), user.path != systemPath {
            sources.append(user)
        }
        var settings = SessionSettings()
        var diagnostics: [ConfigDiagnostic] = []
        for source in sources {
            let (layer, found) = loadFile(source.path, required: source.required)
            settings = settings.overlaid(with: layer)
            diagnostics += found
        }
        return (settings, diagnostics)
    }

    /// One file: missing is fine unless required; unreadable, oversized or non-UTF-8 is an error.
    public static func loadFile(_ path: String, required: Bool) -> (SessionSettings, [ConfigDiagnostic]) {
        func fileError(_ message: String) -> (SessionSettings, [ConfigDiagnostic]) {
            (SessionSettings(), [ConfigDiagnostic(path: path, line: 0, column: 0, severity: .error,
                                                  message: message)])
        }
        switch WholeFile.read(path, limit: maxBytes) {
        case .failure(.missing) where !required:
            return (SessionSettings(), [])
        case .failure(.directory):
            return fileError("cannot read config: \(ReadFailure.notRegular)")
        case .failure(let failure):
            return fileError("cannot read config: \(failure)")
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let (line, column) = firstInvalidUTF8(bytes)
                return (SessionSettings(), [ConfigDiagnostic(path: path, line: line, column: column,
                                                             severity: .error, message: "invalid UTF-8")])
            }
            return ConfigFile.parse(text, path: path)
        }
    }

    /// Line and column (in Unicode scalars, 1-based) of the first byte that is not UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
