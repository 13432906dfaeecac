/// What a piece of text means. Themes map roles to colours; views never pick colours.
public enum Role: UInt8, Sendable, Hashable, CaseIterable {
    case normal, heading, emphasis, strong, code, link, url, quote, tag, accent, muted,
         selection, match, error, warning, success, border, title, marker
}

/// Terminal attributes that survive without colour (NO_COLOR keeps these).
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1 << 0)
    public static let italic = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let reverse = Attributes(rawValue: 1 << 3)
    public static let dim = Attributes(rawValue: 1 << 4)
    public static let strike = Attributes(rawValue: 1 << 5)
}

/// A semantic role plus attributes. Small and hashable so cells can be compared cheaply.
/// `link` numbers the link a cell belongs to within its document (1-based; 0: none), so a
/// link keeps its identity through wrapping and into the buffer (focus, OSC 8).
public struct Style: Sendable, Hashable {
    public var role: Role
    public var attributes: Attributes
    public var link: UInt16
    public init(_ role: Role = .normal, _ attributes: Attributes = [], link: UInt16 = 0) {
        self.role = role
        self.attributes = attributes
        self.link = link
    }
    public static let plain = Style()
}

/// A run of text in one style. Text is already sanitised when it reaches a span from content.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One terminal line of spans, already fitted to a width.
public typealias StyledLine = [Span]
