#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FolioContent
import FolioCore
import FolioPOSIX
import FolioTerminal
import FolioText

/// Plain-text output: terminal width, locale-appropriate glyphs, and the whole portfolio as
/// wrapped text (for `folio show` and for when there is no usable terminal).
enum PlainOutput {
    /// The width of the terminal on stdout (TIOCGWINSZ), else `$COLUMNS`, else `fallback`.
    static func terminalWidth(fallback: Int = 80) -> Int {
        if let columns = TerminalCheck.ttyColumns() { return columns }
        if let columns = ProcessEnvironment.value("COLUMNS").flatMap({ Int($0) }), columns > 0 { return columns }
        return fallback
    }

    /// Unicode glyphs under a UTF-8 locale, ASCII otherwise.
    static func localeGlyphs() -> Glyphs { TerminalCheck.localeIsUTF8() ? .unicode : .ascii }

    /// Prints the whole portfolio wrapped to `width` (the terminal's when nil).
    static func printPortfolio(_ portfolio: Portfolio, width: Int? = nil) {
        let text = PlainText(portfolio: portfolio, width: width ?? terminalWidth(), glyphs: localeGlyphs())
        write(text.portfolio())
    }

    /// Reports a usage problem on stderr and exits 64 (EX_USAGE), without the usage text.
    static func fail(_ command: String, _ message: String) -> Never { failUsage("folio \(command): \(message)") }

    /// The same for the root command: "folio: message".
    static func fail(_ message: String) -> Never { failUsage("folio: \(message)") }

    private static func failUsage(_ line: String) -> Never {
        printError(line)
        exit(64)
    }

    static func write(_ lines: [String]) {
        for line in lines { print(line) }
    }
}
