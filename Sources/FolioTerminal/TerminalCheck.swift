import CFolioShim
import FolioPOSIX
import FolioSession
#if canImport(Glibc)
import Glibc
#endif

/// Whether a full-screen UI can run here, and if not, why (said once, then plain text).
public struct TerminalCheck: Sendable {
    public var usable: Bool
    public var reason: String?
    /// Width for plain output: the tty's columns, or 80.
    public var width: Int
    /// Whether the locale's character set is UTF-8 (else box drawing falls back to ASCII).
    public var utf8: Bool

    public static func current() -> TerminalCheck {
        let utf8 = localeIsUTF8()
        let width = ttyColumns() ?? 80
        let stdoutTTY = isatty(1) == 1
        let stdinTTY = isatty(0) == 1
        // Piped output is not a failure: print the portfolio quietly.
        if !stdoutTTY { return TerminalCheck(usable: false, reason: nil, width: width, utf8: utf8) }
        if !stdinTTY {
            return TerminalCheck(usable: false, reason: "standard input is not a terminal", width: width, utf8: utf8)
        }
        let term = ProcessEnvironment.value("TERM") ?? ""
        if term.isEmpty {
            return TerminalCheck(usable: false, reason: "TERM is not set", width: width, utf8: utf8)
        }
        if term == "dumb" {
            return TerminalCheck(usable: false, reason: "TERM=dumb cannot show a full-screen view", width: width, utf8: utf8)
        }
        if folio_term_known(term) == 0 {
            return TerminalCheck(usable: false, reason: "unknown terminal type TERM=\(term.unicodeScalars.filter { $0.isASCII && $0.value >= 32 }.map(String.init).joined())", width: width, utf8: utf8)
        }
        return TerminalCheck(usable: true, reason: nil, width: width, utf8: utf8)
    }

    /// Whether the process locale (after `setlocale(LC_ALL, "")`, so LC_ALL, LC_CTYPE, LANG
    /// as glibc resolves them) uses UTF-8. The one UTF-8 check: the browser, `show` and the
    /// plain-text fallback all ask here.
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }

    /// Colours terminfo gives `term` (ncurses' COLORS, as the live UI would have); 0 if none.
    public static func colours(term: String?) -> Int {
        guard let term, !term.isEmpty else { return 0 }
        return Int(folio_term_colors(term))
    }

    /// Columns of the terminal on stdout (or stderr, when stdout is piped).
    public static func ttyColumns() -> Int? { WindowSize.claimed()?.width }
}
