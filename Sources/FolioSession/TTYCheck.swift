import Glibc

/// Whether folio has a terminal to draw on. Over ssh, a command without `-t` gets pipes, and a
/// kiosk then refuses with one line instead of printing the portfolio or waiting for input.
public enum TTYCheck {
    public static let refusal = "folio needs a terminal: connect with ssh -t"

    /// Both standard input and standard output are terminals.
    public static func hasTerminal(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) -> Bool {
        isatty(input) == 1 && isatty(output) == 1
    }
}
