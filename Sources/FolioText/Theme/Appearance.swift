/// How this run shows styles: the theme, and whether colour is allowed at all. The one place
/// that reads NO_COLOR, FOLIO_THEME and COLORFGBG, for both the live UI and `folio render`,
/// from an environment the caller passes in (this module reads no process state).
public struct Appearance: Sendable {
    public var theme: Theme
    public var colour: Bool

    public init(theme: Theme, colour: Bool) {
        self.theme = theme; self.colour = colour
    }

    /// The theme asked for: `--theme`, else `FOLIO_THEME` (ignored unless auto, dark or
    /// light), else the config file's `theme`, else auto.
    public static func requested(flag: ThemeChoice?, config: ThemeChoice?,
                                 environment: [String: String]) -> ThemeChoice {
        flag ?? environment["FOLIO_THEME"].flatMap(ThemeChoice.init(rawValue:)) ?? config ?? .auto
    }

    /// `--no-color`, or NO_COLOR set to any non-empty value (https://no-color.org), turns
    /// colour off whatever the theme; attributes stay. `auto` takes the terminal's own answer
    /// (`reply`, from an OSC 11 query), else `COLORFGBG`, else dark.
    public static func choose(noColorFlag: Bool, theme: ThemeChoice, environment: [String: String],
                              reply: Background? = nil) -> Appearance {
        let noColor = noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
        let background: Background
        switch theme {
        case .dark: background = .dark
        case .light: background = .light
        case .auto: background = reply ?? environment["COLORFGBG"].flatMap(Background.init(colorFGBG:)) ?? .dark
        }
        return Appearance(theme: background == .light ? .light : .dark, colour: !noColor)
    }

    /// Colours to use on a terminal that has `terminalColours`: none when colour is off.
    public func colours(terminalColours: Int) -> Int { colour ? terminalColours : 0 }
}
