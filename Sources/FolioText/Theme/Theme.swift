/// What one role looks like: a foreground colour plus the attributes that carry its meaning
/// without colour. The one table both the live UI (ncurses `Palette`) and `folio render`
/// (`AnsiText`) read, so the two cannot drift apart.
public struct ThemeEntry: Sendable, Hashable {
    public var foreground: ThemeColour
    /// Attributes the role always has, colour or not (NO_COLOR keeps these).
    public var attributes: Attributes
    /// Attributes added when the foreground cannot be shown (no colour, or too few colours).
    public var withoutColour: Attributes

    public init(_ foreground: ThemeColour, _ attributes: Attributes = [], withoutColour: Attributes = []) {
        self.foreground = foreground; self.attributes = attributes; self.withoutColour = withoutColour
    }
}

/// How a styled cell is drawn on a terminal with a given number of colours.
public struct Look: Sendable, Hashable {
    /// xterm colour index; nil is the terminal's default foreground.
    public var foreground: Int?
    public var attributes: Attributes
}

/// Maps every role to a `ThemeEntry`. Views pick roles; only a theme picks colours.
public struct Theme: Sendable {
    public let name: String
    private let entries: [ThemeEntry]

    /// `entry` is asked once for every role, so a new role cannot be left out.
    public init(name: String, entry: (Role) -> ThemeEntry) {
        self.name = name
        entries = Role.allCases.map(entry)
    }

    public subscript(role: Role) -> ThemeEntry { entries[Int(role.rawValue)] }

    /// The colour and attributes for `style` with `colours` colours (0: attributes only).
    /// ncurses has no strike-through, so both outputs draw it dim.
    public func look(_ style: Style, colours: Int) -> Look {
        let entry = self[style.role]
        let foreground = entry.foreground.index(colours: colours)
        var attributes = style.attributes.union(entry.attributes)
        if foreground == nil { attributes.formUnion(entry.withoutColour) }
        if attributes.contains(.strike) { attributes.remove(.strike); attributes.insert(.dim) }
        return Look(foreground: foreground, attributes: attributes)
    }
}
