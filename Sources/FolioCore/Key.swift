/// An input event as the backend reports it, independent of ncurses key codes.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right
    case enter, esc, tab, backTab, backspace, delete
    case home, end, pageUp, pageDown
    case ctrl(Character)     // lower-case letter: .ctrl("d")
    case alt(Character)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    case paste(String)       // bracketed paste: text, never commands
    case hangup              // end of input or a read error on the terminal
}

public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}
