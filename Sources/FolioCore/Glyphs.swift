/// The non-ASCII symbols the views draw, with an ASCII set for non-UTF-8 locales.
public struct Glyphs: Sendable, Hashable {
    public var horizontal, vertical, teeDown, teeUp: String
    public var cornerTopLeft, cornerTopRight, cornerBottomLeft, cornerBottomRight: String
    public var pointer, separator, dot, ellipsis, scrollUp, scrollDown, dash, times, caret: String
    public var enterKey, tabKey, backTabKey, backspaceKey, upKey, downKey, leftKey, rightKey: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", teeDown: "┬", teeUp: "┴",
        cornerTopLeft: "┌", cornerTopRight: "┐", cornerBottomLeft: "└", cornerBottomRight: "┘",
        pointer: "▸", separator: "›", dot: "·", ellipsis: "…", scrollUp: "▴", scrollDown: "▾", dash: "–", times: "×", caret: "▏",
        enterKey: "⏎", tabKey: "⇥", backTabKey: "⇧⇥", backspaceKey: "⌫",
        upKey: "↑", downKey: "↓", leftKey: "←", rightKey: "→")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", teeDown: "+", teeUp: "+",
        cornerTopLeft: "+", cornerTopRight: "+", cornerBottomLeft: "+", cornerBottomRight: "+",
        pointer: ">", separator: ">", dot: "-", ellipsis: "...", scrollUp: "^", scrollDown: "v", dash: "-", times: "x", caret: "_",
        enterKey: "Enter", tabKey: "Tab", backTabKey: "S-Tab", backspaceKey: "Bksp",
        upKey: "Up", downKey: "Down", leftKey: "Left", rightKey: "Right")
}
