#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import FolioContent
import FolioCore
import FolioPOSIX
import FolioSession
import FolioTerminal
import FolioText

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        _superCommandName: "folio",
        abstract: "Print the screen the browser would show, as text.",
        discussion: """
        Runs the browser's own state machine and views without a terminal: starts at ITEM \
        (or About), presses KEYS in order, and prints the final screen. Use it for docs, bug \
        reports and tests; what it prints is exactly what the live UI draws.

        KEYS is a space-separated list. A single character stands for itself (j, k, 3, /, ?, \
        G); names: enter, esc, tab, backtab, up, down, left, right, pgup, pgdn, home, end, \
        backspace, delete, space; ctrl-X (also ^X) and alt-X; resize-WxH changes the size \
        mid-sequence; click-X,Y, wheelup-X,Y and wheeldown-X,Y are mouse events at a cell \
        (0-based). Inside the tag search prompt and the composer, characters are typed as text.

        Output is plain text unless stdout is a terminal, in which case styles and colours \
        are shown with ANSI escapes: the live UI's theme at the number of colours terminfo \
        gives $TERM. --theme (or FOLIO_THEME) picks the dark or light colours; auto goes by \
        $COLORFGBG, else dark (render asks the terminal nothing). --no-color (or NO_COLOR) \
        keeps bold, underline, dim and reverse but drops colour; --plain drops every escape.

        EXAMPLES
          folio render                               the opening screen at 80x24
          folio render --size 40x12 --keys "3 enter" a case study on a small terminal
          folio render etl-data-movement --keys "t enter"
                                                     follow a service's first tag
          folio render --keys "/ k a f enter"        search for a tag and open it
          folio render --keys "?" --size 120x40      the key help

        EXIT STATUS
          0  printed
          64 bad size, key name or ITEM
        """
    )

    @Argument(help: ArgumentHelp("Open at this item or tag first (bankvole, case-studies/bankvole, kafka).",
                                 valueName: "ITEM"))
    var item: String?

    @Option(name: .long, help: ArgumentHelp("Screen size as COLUMNSxROWS.", valueName: "WxH"))
    var size = "80x24"

    @Option(name: .long, help: ArgumentHelp("Keys to press before printing, e.g. \"j j enter\".", valueName: "KEYS"))
    var keys = ""

    @OptionGroup var look: AppearanceOptions

    @Flag(name: .long, help: "Plain text: no escape sequences at all, trailing spaces trimmed.")
    var plain = false

    @Flag(name: .long, help: "ASCII box drawing and symbols, as under a non-UTF-8 locale.")
    var ascii = false

    @OptionGroup var content: ContentOptions

    func run() throws {
        guard let (width, height) = Self.parseSize(size) else {
            PlainOutput.fail("render", "bad --size '\(plainLine(size))'; expected COLUMNSxROWS such as 80x24")
        }
        let pressed: [Key]
        switch Key.parseList(keys) {
        case .success(let list): pressed = list
        case .failure(let error): PlainOutput.fail("render", "\(error.description) in --keys; see folio render --help")
        }
        let portfolio = content.load()
        var state = AppState(portfolio: portfolio, width: width, height: height, glyphs: ascii ? .ascii : .unicode)
        if let item, !state.open(item) {
            PlainOutput.fail("render", NotFound(reference: item, portfolio: portfolio).description)
        }
        for key in pressed where handle(&state, key).contains(.quit) { break }
        let buffer = render(state)
        if plain || isatty(STDOUT_FILENO) == 0 {
            PlainOutput.write(buffer.lines().map { $0.trimmingTrailingSpaces() })
        } else {
            // The live UI's theme at the live UI's number of colours (terminfo's for $TERM).
            let environment = ProcessEnvironment.current()
            let appearance = look.appearance(config: nil, environment: environment)
            let colours = appearance.colours(terminalColours: TerminalCheck.colours(term: environment["TERM"]))
            PlainOutput.write(AnsiText.lines(buffer, theme: appearance.theme, colours: colours))
        }
    }

    /// "80x24" (or "80×24") to (80, 24), within 1...1000 each way.
    static func parseSize(_ text: String) -> (Int, Int)? {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" }).compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else { return nil }
        return (parts[0], parts[1])
    }
}

extension String {
    /// Without its trailing spaces, found by byte: `last` and `dropLast()` on characters break
    /// graphemes backwards for every space of an 80-column row (7% of a first frame's
    /// instructions, callgrind). A space byte is always a whole scalar, so this cuts on one.
    func trimmingTrailingSpaces() -> String {
        let bytes = utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: " ") {
            end = bytes.index(before: end)
        }
        return String(Substring(bytes[..<end]))
    }
}
