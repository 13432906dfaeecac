import FolioText

/// A buffer as text with ANSI SGR sequences, for `folio render` on a terminal. Colours and
/// attributes come from the same `Theme` the live UI's palette reads, at the same number of
/// colours, so render prints what the live UI draws; with 0 colours only attributes remain.
public enum AnsiText {
    public static func lines(_ buffer: Buffer, theme: Theme, colours: Int) -> [String] {
        (0..<buffer.height).map { y in
            var line = ""
            var current = Style.plain
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if cell.style != current {
                    line += sgr(theme.look(cell.style, colours: colours))
                    current = cell.style
                }
                line += cell.text
            }
            return current == .plain ? line : line + "\u{1B}[0m"
        }
    }

    /// A full reset followed by the look's attributes and foreground.
    public static func sgr(_ look: Look) -> String {
        var codes = ["0"]
        let a = look.attributes
        if a.contains(.bold) { codes.append("1") }
        if a.contains(.dim) { codes.append("2") }
        if a.contains(.italic) { codes.append("3") }
        if a.contains(.underline) { codes.append("4") }
        if a.contains(.reverse) { codes.append("7") }
        if a.contains(.strike) { codes.append("9") }
        if let fg = look.foreground { codes.append(foreground(fg)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// The SGR for an xterm colour index, as xterm's terminfo `setaf` writes it.
    static func foreground(_ index: Int) -> String {
        switch index {
        case 0..<8: "\(30 + index)"
        case 8..<16: "\(90 + index - 8)"
        default: "38;5;\(index)"
        }
    }
}
