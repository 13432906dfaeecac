import CFolioShim
import FolioCore
import FolioText

/// Translates `Theme` entries into ncurses colour pairs and attributes: one pair per role,
/// foreground from the theme, on the terminal's own background. The colours themselves live
/// in the theme table, which `folio render` reads too.
struct Palette {
    let theme: Theme
    /// Colours the terminal has; 0 when colour is off (NO_COLOR, --no-color, a mono terminal).
    let colours: Int

    /// The pairs `install` asks ncurses for: pair number and foreground (-1: the default).
    func pairs() -> [(pair: Int32, foreground: Int32)] {
        guard colours > 0 else { return [] }
        return Role.allCases.map { role in
            (Self.pair(role), Int32(theme.look(Style(role), colours: colours).foreground ?? -1))
        }
    }

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
        return (bits, colours > 0 ? Int(Self.pair(style.role)) : 0)
    }

    private static func pair(_ role: Role) -> Int32 { Int32(role.rawValue) + 1 }
}
