extension Theme {
    /// For a light background: dark blues, reds and magentas, which keep a contrast of at
    /// least 3:1 on white at every depth (yellow, cyan and green do not, so none is used).
    public static let light = Theme(name: "light") { role in
        let grey = ThemeColour(at256: 243, at16: 8, at8: nil)
        let blue = ThemeColour(at256: 25, at16: ThemeColour.blue, at8: ThemeColour.blue)
        let red = ThemeColour(at256: 160, at16: ThemeColour.red, at8: ThemeColour.red)
        switch role {
        case .normal, .emphasis: return ThemeEntry(.terminal)
        case .strong, .title: return ThemeEntry(.terminal, .bold)
        case .selection: return ThemeEntry(.terminal, .reverse)
        case .heading: return ThemeEntry(blue, .bold)
        case .marker, .accent: return ThemeEntry(blue)
        case .code: return ThemeEntry(ThemeColour(at256: 130, at16: ThemeColour.red, at8: ThemeColour.red))
        case .warning: return ThemeEntry(ThemeColour(at256: 94, at16: ThemeColour.magenta, at8: ThemeColour.magenta))
        case .link: return ThemeEntry(ThemeColour(at256: 26, at16: ThemeColour.blue, at8: ThemeColour.blue), .underline)
        case .url, .muted, .border, .quote: return ThemeEntry(grey, withoutColour: .dim)
        case .tag: return ThemeEntry(ThemeColour(at256: 90, at16: ThemeColour.magenta, at8: ThemeColour.magenta))
        case .match: return ThemeEntry(red, [.bold, .underline])
        case .error: return ThemeEntry(red, .bold)
        case .success: return ThemeEntry(ThemeColour(at256: 28, at16: nil, at8: nil), withoutColour: .bold)
        }
    }
}
