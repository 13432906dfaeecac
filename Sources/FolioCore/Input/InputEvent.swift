/// One thing the terminal sent, decoded: a key (mouse reports and pastes are keys too), or a
/// reply to a query folio made, which is never shown or run as keys.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case reply(TerminalReply)
}

/// A terminal's answer to a query, such as the background colour (OSC 11).
public enum TerminalReply: Sendable, Hashable {
    /// An operating system command: `ESC ] 11 ; rgb:1e1e/1e1e/1e1e BEL` is
    /// `.osc(number: 11, text: "rgb:1e1e/1e1e/1e1e")`. The text is at most
    /// `InputDecoder.maxSequence` bytes and may hold anything the terminal sent.
    case osc(number: Int, text: String)
}
