import CFolioShim
import FolioCore
import FolioText
import Testing
@testable import FolioTerminal

/// The live UI (ncurses pairs and attribute bits from `Palette`) and `folio render` (SGR from
/// `AnsiText`) read one theme table, so for every role, attribute and colour depth the escape
/// render prints is the one a terminal gets when ncurses draws the same cell.
@Suite struct PaletteTests {
    static let depths = [0, 8, 16, 256]
    static let extras: [Attributes] = [[], .bold, .italic, .underline, .reverse, .dim, .strike, [.reverse, .bold]]

    @Test(arguments: Role.allCases)
    func renderEmitsWhatThePaletteAsksNcursesFor(_ role: Role) {
        for theme in [Theme.dark, .light] {
            for depth in Self.depths {
                check(role, theme, depth)
            }
        }
    }

    private func check(_ role: Role, _ theme: Theme, _ depth: Int) {
        let palette = Palette(theme: theme, colours: depth)
        let pairs = Dictionary(uniqueKeysWithValues: palette.pairs().map { ($0.pair, $0.foreground) })
        for extra in Self.extras {
            let style = Style(role, extra)
            let (bits, pair) = palette.attributes(for: style)
            let foreground = pair == 0 ? -1 : pairs[Int32(pair)] ?? -2
            let rendered = AnsiText.lines(Self.cell(style), theme: theme, colours: depth)[0]
            // A plain cell is written without any escape.
            let expected = style == .plain ? "x" : Self.expectedSGR(bits: bits, foreground: foreground) + "x\u{1B}[0m"
            #expect(rendered == expected, "\(theme.name) \(role) \(extra) at \(depth) colours")
        }
    }

    @Test func titleURLAndTagAreTheColoursTheLiveUIDraws() {
        // The three roles render and the live UI used to disagree on (cyan, blue, blue before).
        let palette = Palette(theme: .dark, colours: 256)
        let fg = Dictionary(uniqueKeysWithValues: palette.pairs().map { ($0.pair, $0.foreground) })
        let pair = { (role: Role) in Int32(palette.attributes(for: Style(role)).1) }
        #expect(fg[pair(.title)] == -1)
        #expect(fg[pair(.url)] == 244)
        #expect(fg[pair(.tag)] == 5)
        #expect(AnsiText.lines(Self.cell(Style(.title)), theme: .dark, colours: 256)[0].hasPrefix("\u{1B}[0;1mx"))
        #expect(AnsiText.lines(Self.cell(Style(.url)), theme: .dark, colours: 256)[0].hasPrefix("\u{1B}[0;38;5;244mx"))
        #expect(AnsiText.lines(Self.cell(Style(.tag)), theme: .dark, colours: 256)[0].hasPrefix("\u{1B}[0;35mx"))
    }

    @Test(arguments: [Theme.dark, .light], [8, 16, 256])
    func rolesOfOneColourShareOnePair(_ theme: Theme, _ depth: Int) {
        let palette = Palette(theme: theme, colours: depth)
        let pairs = palette.pairs()
        #expect(Set(pairs.map(\.foreground)).count == pairs.count, "one pair per foreground")
        #expect(pairs.map(\.pair) == Array(1...Int32(pairs.count)))
        for a in Role.allCases {
            for b in Role.allCases {
                let same = theme.look(Style(a), colours: depth).foreground == theme.look(Style(b), colours: depth).foreground
                #expect((palette.attributes(for: Style(a)).1 == palette.attributes(for: Style(b)).1) == same, "\(a) \(b)")
            }
        }
    }

    /// A row of one-column cells, each part in its style.
    static func row(_ parts: [(String, Style)]) -> [Cell] {
        parts.flatMap { text, style in text.map { Cell(text: String($0), width: 1, style: style) } }
    }

    @Test func blanksBetweenCharactersOfOneColourTakeThatColour() {
        let palette = Palette(theme: .dark, colours: 256)
        let tag = Style(.tag), plain = Style.plain
        let row = Self.row([("[Go]", tag), (" ", plain), ("[Kafka]", tag), ("   ", plain)])
        let looks = palette.looks(of: row)
        let tagLook = Palette.Look(palette.attributes(for: tag)), plainLook = Palette.Look(palette.attributes(for: plain))
        #expect(looks[4] == tagLook, "the gap is written in the tags' colour")
        #expect(looks[12...].allSatisfy { $0 == plainLook }, "trailing blanks keep their look: ncurses erases them")
        #expect(looks.count == row.count)
    }

    @Test func blanksNeverTakeALookThatShowsOnABlank() {
        let palette = Palette(theme: .dark, colours: 256)
        let plainLook = Palette.Look(palette.attributes(for: .plain))
        for shows in [Style(.tag, .underline), Style(.selection, .reverse), Style(.selection, [.reverse, .bold])] {
            let row = Self.row([("ab", shows), ("  ", .plain), ("cd", shows)])
            #expect(palette.looks(of: row)[2...3].allSatisfy { $0 == plainLook }, "\(shows)")
        }
        // Different looks on either side: the gap keeps its own.
        let row = Self.row([("ab", Style(.tag)), (" ", .plain), ("cd", Style(.muted))])
        #expect(palette.looks(of: row)[2] == plainLook)
        // Without colour the attributes alone decide.
        let mono = Palette(theme: .dark, colours: 0)
        let bold = Self.row([("ab", Style(.normal, .bold)), (" ", .plain), ("cd", Style(.normal, .bold))])
        #expect(mono.looks(of: bold)[2] == Palette.Look(mono.attributes(for: Style(.normal, .bold))))
    }

    @Test func noColourMeansNoPairs() {
        let palette = Palette(theme: .dark, colours: 0)
        #expect(palette.pairs().isEmpty)
        #expect(palette.attributes(for: Style(.heading)).1 == 0)
        #expect(palette.attributes(for: Style(.heading)).0 == folio_a_bold())
    }

    /// One cell "x" in `style`.
    static func cell(_ style: Style) -> Buffer {
        var buffer = Buffer(width: 1, height: 1)
        buffer.put("x", x: 0, y: 0, style: style)
        return buffer
    }

    /// The SGR a terminal ends up with when ncurses draws with these bits and foreground,
    /// in xterm's order of parameters.
    static func expectedSGR(bits: UInt32, foreground: Int32) -> String {
        var codes = ["0"]
        for (bit, code) in [(folio_a_bold(), "1"), (folio_a_dim(), "2"), (folio_a_italic(), "3"),
                            (folio_a_underline(), "4"), (folio_a_reverse(), "7")] where bits & bit != 0 {
            codes.append(code)
        }
        switch foreground {
        case -1: break
        case 0..<8: codes.append("\(30 + foreground)")
        case 8..<16: codes.append("\(90 + foreground - 8)")
        default: codes.append("38;5;\(foreground)")
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
