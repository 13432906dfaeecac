/// A foreground colour that degrades with what the terminal can show: an xterm colour index
/// for terminals with 256 colours, with 16, and with 8; nil keeps the terminal's own colour.
public struct ThemeColour: Sendable, Hashable {
    public var at256: UInt8?
    public var at16: UInt8?
    public var at8: UInt8?

    public init(at256: UInt8?, at16: UInt8?, at8: UInt8?) {
        self.at256 = at256; self.at16 = at16; self.at8 = at8
    }

    /// The terminal's own foreground at every depth.
    public static let terminal = ThemeColour(at256: nil, at16: nil, at8: nil)

    /// One of the eight basic colours (0–7), the same at every depth.
    public static func basic(_ index: UInt8) -> ThemeColour {
        ThemeColour(at256: index, at16: index, at8: index)
    }

    /// The index to use on a terminal with `colours` colours (0: none); nil for the default.
    public func index(colours: Int) -> Int? {
        let chosen = colours >= 256 ? at256 : colours >= 16 ? at16 : colours >= 8 ? at8 : nil
        return chosen.map(Int.init)
    }

    /// The basic colours by their ANSI numbers.
    public static let black: UInt8 = 0, red: UInt8 = 1, green: UInt8 = 2, yellow: UInt8 = 3,
        blue: UInt8 = 4, magenta: UInt8 = 5, cyan: UInt8 = 6, white: UInt8 = 7
}
