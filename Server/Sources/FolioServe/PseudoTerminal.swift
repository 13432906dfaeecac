import CFolioPTY
import FolioPOSIX
import FolioSession
import Glibc

/// A pty pair for one visitor: the server keeps the master (relayed to the SSH channel), the
/// child gets the slave as its controlling terminal.
struct PseudoTerminal {
    let master: Int32
    let slavePath: String

    /// posix_openpt, grantpt, unlockpt, ptsname_r (folio_open_pty); the master is close-on-exec.
    static func open() throws(SystemError) -> PseudoTerminal {
        var buffer = [CChar](repeating: 0, count: 128)
        let master = folio_open_pty(&buffer, buffer.count)
        guard master >= 0 else { throw .current }
        return PseudoTerminal(master: master, slavePath: String(cString: buffer))
    }

    /// TIOCSWINSZ on the master: the kernel sends SIGWINCH to the child's foreground group.
    static func setSize(_ size: TerminalSize, master: Int32) {
        var window = winsize(ws_row: UInt16(size.rows), ws_col: UInt16(size.columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &window)
    }
}

/// A window size a client claimed, clamped to folio's own bound (`WindowSize.max` in
/// FolioSession, the one limit on what a client can make ncurses allocate); a zero (a client
/// that does not say) becomes 80×24.
public struct TerminalSize: Sendable, Equatable {
    public let columns: Int
    public let rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns <= 0 ? 80 : min(columns, WindowSize.max.width)
        self.rows = rows <= 0 ? 24 : min(rows, WindowSize.max.height)
    }
}
