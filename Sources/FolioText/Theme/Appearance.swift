/// How this run shows styles: the theme, and whether colour is allowed at all. The one place
/// that reads NO_COLOR, for both the live UI and `folio render`, from an environment the
/// caller passes in (this module reads no process state).
public struct Appearance: Sendable {
    public var theme: Theme
    public var colour: Bool

    public init(theme: Theme, colour: Bool) {
        self.theme = theme; self.colour = colour
    }

    /// `--no-color`, or NO_COLOR set to any non-empty value (https://no-color.org), turns
    /// colour off; attributes stay.
    public static func choose(noColorFlag: Bool, environment: [String: String]) -> Appearance {
        let noColor = noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
        return Appearance(theme: .dark, colour: !noColor)
    }

    /// Colours to use on a terminal that has `terminalColours`: none when colour is off.
    public func colours(terminalColours: Int) -> Int { colour ? terminalColours : 0 }
}
