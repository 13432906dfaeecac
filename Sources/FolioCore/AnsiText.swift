import FolioText

/// A buffer as text with ANSI SGR sequences, for `folio render` on a terminal. Attributes
/// always carry over; colour is optional (NO_COLOR, `--no-color`). The live UI does not use
/// this: its backend maps roles to ncurses colour pairs.
public enum AnsiText {
    public static func lines(_ buffer: Buffer, color: Bool) -> [String] {
        (0..<buffer.height).map { y in
            var line = ""
            var current = Style.plain
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if cell.style != current {
                    line += sgr(cell.style, color: color)
                    current = cell.style
                }
                line += cell.text
            }
            return current == .plain ? line : line + "\u{1B}[0m"
        }
    }

    /// A full reset followed by the style's attributes and colour.
    static func sgr(_ style: Style, color: Bool) -> String {
        var codes = ["0"]
        let a = style.attributes
        if a.contains(.bold) { codes.append("1") }
        if a.contains(.dim) { codes.append("2") }
        if a.contains(.italic) { codes.append("3") }
        if a.contains(.underline) { codes.append("4") }
        if a.contains(.reverse) { codes.append("7") }
        if a.contains(.strike) { codes.append("9") }
        if color, let fg = foreground(style.role) { codes.append(fg) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// A restrained palette on the terminal's own background.
    static func foreground(_ role: Role) -> String? {
        switch role {
        case .heading, .title, .accent, .marker: "36"
        case .link, .url, .tag: "34"
        case .code: "33"
        case .match, .warning: "33"
        case .muted, .border, .quote: "90"
        case .error: "31"
        case .success: "32"
        case .normal, .emphasis, .strong, .selection: nil
        }
    }
}
