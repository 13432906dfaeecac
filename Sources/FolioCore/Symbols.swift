import FolioText

/// Symbols the browser draws beyond FolioText's `Glyphs` (boxes, bullets, pointer): scroll
/// arrows, the breadcrumb separator and key names. ASCII whenever the glyph set is.
public struct Symbols: Sendable, Hashable {
    public var separator, scrollUp, scrollDown, times, caret: String
    public var enterKey, tabKey, backTabKey, backspaceKey, upKey, downKey, leftKey, rightKey: String

    public static let unicode = Symbols(
        separator: "›", scrollUp: "▴", scrollDown: "▾", times: "×", caret: "▏",
        enterKey: "⏎", tabKey: "⇥", backTabKey: "⇧⇥", backspaceKey: "⌫",
        upKey: "↑", downKey: "↓", leftKey: "←", rightKey: "→")

    public static let ascii = Symbols(
        separator: ">", scrollUp: "^", scrollDown: "v", times: "x", caret: "_",
        enterKey: "Enter", tabKey: "Tab", backTabKey: "S-Tab", backspaceKey: "Bksp",
        upKey: "Up", downKey: "Down", leftKey: "Left", rightKey: "Right")

    /// The symbols that match a glyph set: a terminal that needs ASCII boxes needs ASCII arrows too.
    public init(matching glyphs: Glyphs) {
        let drawn = glyphs.bullets + [glyphs.horizontal, glyphs.vertical, glyphs.topLeft, glyphs.pointer, glyphs.dot, glyphs.ellipsis]
        self = drawn.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) } ? .ascii : .unicode
    }

    init(separator: String, scrollUp: String, scrollDown: String, times: String, caret: String,
         enterKey: String, tabKey: String, backTabKey: String, backspaceKey: String,
         upKey: String, downKey: String, leftKey: String, rightKey: String) {
        self.separator = separator; self.scrollUp = scrollUp; self.scrollDown = scrollDown
        self.times = times; self.caret = caret; self.enterKey = enterKey; self.tabKey = tabKey
        self.backTabKey = backTabKey; self.backspaceKey = backspaceKey; self.upKey = upKey
        self.downKey = downKey; self.leftKey = leftKey; self.rightKey = rightKey
    }
}
