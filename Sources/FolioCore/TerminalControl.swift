import FolioText

/// A request for the terminal itself, written by the backend between frames so ncurses stays
/// in step. Pure: this only says what, and encodes the bytes where folio builds them.
public enum TerminalControl: Sendable, Hashable {
    /// Put text on the visitor's clipboard (OSC 52): their terminal does it, over ssh too.
    case copy(String)
    /// Mouse reports on or off.
    case mouse(Bool)

    /// The longest text copied, in bytes: a link or an address, never a document.
    public static let clipboardLimit = 4_096

    /// `ESC ] 52 ; c ; base64 BEL` for `text` after the sanitiser (`cleanLine`); nil when it
    /// is empty or longer than `clipboardLimit`. Base64 holds only `A–Z a–z 0–9 + / =`, so
    /// nothing in the text can end the sequence early.
    public static func osc52(_ text: String) -> String? {
        let bytes = Array(Sanitiser.cleanLine(text).utf8)
        guard !bytes.isEmpty, bytes.count <= clipboardLimit else { return nil }
        return "\u{1B}]52;c;" + Base64.encode(bytes) + "\u{07}"
    }

    /// `ESC ] 8 ; ; URI ESC \` opening a hyperlink to `url` (`Sanitiser.controlText`); nil
    /// for an empty one. `hyperlinkEnd` closes it.
    public static func hyperlink(_ url: String) -> String? {
        let uri = Sanitiser.controlText(url)
        guard !uri.isEmpty else { return nil }
        return "\u{1B}]8;;" + uri + "\u{1B}\\"
    }

    public static let hyperlinkEnd = "\u{1B}]8;;\u{1B}\\"
}
