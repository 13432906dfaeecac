extension Theme {
    /// A restrained theme for a dark background, on the terminal's own background colour.
    /// Links are a light blue where there is one (xterm's blue is too dark on black), cyan
    /// with 8 colours.
    public static let dark = Theme(name: "dark") { role in
        let grey = ThemeColour(at256: 244, at16: 8, at8: nil)
        let link = ThemeColour(at256: 75, at16: 12, at8: ThemeColour.cyan)
        switch role {
        case .normal, .emphasis: return ThemeEntry(.terminal)
        case .strong, .title: return ThemeEntry(.terminal, .bold)
        case .selection: return ThemeEntry(.terminal, .reverse)
        case .heading: return ThemeEntry(.basic(ThemeColour.cyan), .bold)
        case .marker, .accent: return ThemeEntry(.basic(ThemeColour.cyan))
        case .code, .warning: return ThemeEntry(.basic(ThemeColour.yellow))
        case .link: return ThemeEntry(link, .underline)
        case .url, .muted, .border, .quote: return ThemeEntry(grey, withoutColour: .dim)
        case .tag: return ThemeEntry(.basic(ThemeColour.magenta))
        case .match: return ThemeEntry(.basic(ThemeColour.yellow), [.bold, .underline])
        case .error: return ThemeEntry(.basic(ThemeColour.red), .bold)
        case .success: return ThemeEntry(.basic(ThemeColour.green))
        }
    }
}
