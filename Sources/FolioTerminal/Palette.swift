import CFolioShim
import FolioText

/// Maps semantic roles to colour pairs and attributes. A restrained theme on the terminal's
/// own background; with no colours (NO_COLOR, --no-color, or a mono terminal) meaning is
/// carried by bold, underline, dim and reverse alone.
struct Palette {
    let colours: Int

    // ANSI colour numbers; -1 is the terminal's default.
    private static let black: Int32 = 0, red: Int32 = 1, green: Int32 = 2, yellow: Int32 = 3,
        blue: Int32 = 4, magenta: Int32 = 5, cyan: Int32 = 6, defaultColour: Int32 = -1

    private var grey: Int32 { colours >= 256 ? 244 : (colours >= 16 ? 8 : Palette.defaultColour) }

    /// Foreground per role; nil keeps the terminal's default colour.
    private func foreground(_ role: Role) -> Int32? {
        switch role {
        case .normal, .strong, .emphasis, .title, .selection: return nil
        case .heading, .marker: return Palette.cyan
        case .code: return Palette.yellow
        case .link: return Palette.blue
        case .url, .muted, .border, .quote: return grey == Palette.defaultColour ? nil : grey
        case .tag: return Palette.magenta
        case .accent: return Palette.cyan
        case .match: return Palette.yellow
        case .error: return Palette.red
        case .warning: return Palette.yellow
        case .success: return Palette.green
        }
    }

    func install() {
        guard colours > 0 else { return }
        for role in Role.allCases {
            let fg = foreground(role) ?? Palette.defaultColour
            _ = folio_init_pair(Int32(role.rawValue) + 1, fg, Palette.defaultColour)
        }
    }

    /// Attributes every role keeps even in monochrome, so NO_COLOR stays readable.
    private func monoAttributes(_ role: Role) -> Attributes {
        switch role {
        case .heading, .title, .strong: return .bold
        case .link: return .underline
        case .match: return [.bold, .underline]
        case .selection: return .reverse
        case .muted, .url, .border: return colours > 0 ? [] : .dim
        case .error: return .bold
        default: return []
        }
    }

    func attributes(for style: Style) -> (UInt32, Int) {
        let attrs = style.attributes.union(monoAttributes(style.role))
        var bits: UInt32 = 0
        if attrs.contains(.bold) { bits |= folio_a_bold() }
        if attrs.contains(.underline) { bits |= folio_a_underline() }
        if attrs.contains(.reverse) { bits |= folio_a_reverse() }
        if attrs.contains(.dim) { bits |= folio_a_dim() }
        if attrs.contains(.italic) { bits |= folio_a_italic() }
        if attrs.contains(.strike) { bits |= folio_a_dim() }   // curses has no strike-through
        let pair = colours > 0 ? Int(style.role.rawValue) + 1 : 0
        return (bits, pair)
    }
}
