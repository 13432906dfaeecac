import CFolioShim
import FolioCore
import FolioText

/// Translates `Theme` entries into ncurses colour pairs and attributes: one pair per foreground
/// the theme uses (-1: the terminal's own), on the terminal's own background. Roles of the
/// same colour share a pair, so ncurses does not send the same colour again when a border
/// meets a muted note. (Pair 0 is not used for the default colours: ncurses leaves a colour
/// for pair 0 with `op` and a reset, longer than the one `39m`.) The colours
/// themselves live in the theme table, which `folio render` reads too.
struct Palette {
    let theme: Theme
    /// Colours the terminal has; 0 when colour is off (NO_COLOR, --no-color, a mono terminal).
    let colours: Int
    /// The pair of each role, by `Role.rawValue`.
    private let pairOf: [Int32]
    /// The pairs `install` asks ncurses for: pair number and foreground.
    private let installed: [(pair: Int32, foreground: Int32)]

    init(theme: Theme, colours: Int) {
        self.theme = theme
        self.colours = colours
        var pairOf = [Int32](repeating: 0, count: Role.allCases.count)
        var installed: [(pair: Int32, foreground: Int32)] = []
        if colours > 0 {
            for role in Role.allCases {
                let foreground = Int32(theme.look(Style(role), colours: colours).foreground ?? -1)
                if let shared = installed.first(where: { $0.foreground == foreground }) {
                    pairOf[Int(role.rawValue)] = shared.pair
                } else {
                    installed.append((Int32(installed.count + 1), foreground))
                    pairOf[Int(role.rawValue)] = Int32(installed.count)
                }
            }
        }
        self.pairOf = pairOf
        self.installed = installed
    }

    /// The pairs `install` asks ncurses for: pair number and foreground.
    func pairs() -> [(pair: Int32, foreground: Int32)] { installed }

    func install() {
        for (pair, foreground) in pairs() { _ = folio_init_pair(pair, foreground, -1) }
    }

    /// ncurses attribute bits and colour pair for a cell's style.
    func attributes(for style: Style) -> (UInt32, Int) {
        let attrs = theme.look(style, colours: colours).attributes
        var bits: UInt32 = 0
        if attrs.contains(.bold) { bits |= folio_a_bold() }
        if attrs.contains(.underline) { bits |= folio_a_underline() }
        if attrs.contains(.reverse) { bits |= folio_a_reverse() }
        if attrs.contains(.dim) { bits |= folio_a_dim() }
        if attrs.contains(.italic) { bits |= folio_a_italic() }
        return (bits, Int(pairOf[Int(style.role.rawValue)]))
    }

    /// Attribute bits and pair for each cell of a row, as `attributes(for:)` gives them, except
    /// that blanks between two characters of the same look take that look when it shows nothing
    /// on a blank (no reverse, no underline; the background is always the terminal's). The
    /// screen is the same, and ncurses does not switch colours off and on again for every gap:
    /// "[Kafka] [Go]" is written in one colour. Blanks at the ends of a row keep their own look,
    /// so ncurses can still erase to the end of the line instead of writing them. A function of
    /// the row alone, so the backend can tell which blanks changed look between two frames.
    func looks(of row: [Cell]) -> [Look] {
        var looks = row.map { Look(attributes(for: $0.style)) }
        let shows = folio_a_reverse() | folio_a_underline()
        var x = 0
        while x < row.count {
            guard row[x].text == " " else { x += 1; continue }
            var end = x
            while end < row.count && row[end].text == " " { end += 1 }
            if x > 0, end < row.count, looks[x - 1] == looks[end], looks[end].attrs & shows == 0 {
                for blank in x..<end where looks[blank].attrs & shows == 0 { looks[blank] = looks[end] }
            }
            x = end
        }
        return looks
    }

    /// What ncurses is given for a cell.
    struct Look: Equatable {
        var attrs: UInt32
        var pair: Int
        init(_ look: (UInt32, Int)) { (attrs, pair) = look }
    }

}
