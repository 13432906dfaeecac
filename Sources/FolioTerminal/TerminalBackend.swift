// The only Swift file that talks to ncurses. It copies the changed runs of a Buffer to the
// screen and turns key codes into `Key`s. Everything else is pure and tested without a tty.
@preconcurrency import CNcursesw
import CFolioShim
import FolioCore
import FolioText
#if canImport(Glibc)
import Glibc
#endif

public enum TerminalError: Error, CustomStringConvertible {
    case cannotStart(String)
    public var description: String {
        switch self { case .cannotStart(let why): return why }
    }
}

/// The ncurses `Terminal`.
public final class TerminalBackend: Terminal {
    public struct Options: Sendable {
        public var colour: Bool
        public var mouse: Bool
        public var theme: Theme
        public init(colour: Bool, mouse: Bool, theme: Theme = .dark) {
            self.colour = colour; self.mouse = mouse; self.theme = theme
        }
    }

    public private(set) var width: Int
    public private(set) var height: Int
    private var shown: Buffer?
    private let palette: Palette
    private var open = true
    private var idleReadsWhileReadable = 0
    private let mouse: Bool

    public init(options: Options) throws(TerminalError) {
        folio_signals_install()   // before ncurses starts: SIGWINCH is ours (see fitToWindow)
        guard folio_screen_start(options.colour ? 1 : 0, options.mouse ? 1 : 0) == 0 else {
            throw .cannotStart("cannot initialise the terminal (TERM=\(Environment.term ?? "unset"))")
        }
        mouse = options.mouse
        palette = Palette(theme: options.theme, colours: options.colour ? Int(folio_colors()) : 0)
        palette.install()
        (width, height) = (0, 0)
        fitToWindow()
    }

    deinit { close() }

    /// Sets ncurses' size to the tty's claimed size, clamped to `WindowSize.max`: at start,
    /// on every SIGWINCH and after a suspend. ncurses never reads the size itself (the shim
    /// turns off its LINES/COLUMNS and ioctl lookups and leaves SIGWINCH to folio), because
    /// it allocates its screens for whatever size it sees and a client may claim 65535×65535.
    /// The next frame is drawn in full.
    private func fitToWindow() {
        let current = WindowSize(width: Int(folio_cols()), height: Int(folio_rows()))
        var claimed = WindowSize.claimed() ?? current
        if claimed.height == 0 { claimed.height = current.height }
        let size = claimed.clamped
        if size != current { _ = folio_resize(Int32(size.height), Int32(size.width)) }
        (width, height) = (size.width, size.height)
        shown = nil
    }

    /// A window change since the last read, reported as a `.resize` key at the clamped size.
    private func takeResize() -> TerminalInput? {
        guard folio_winch_take() != 0 else { return nil }
        fitToWindow()
        return .key(.resize(width: width, height: height))
    }

    /// Leaves the terminal as it was: no alternate screen, no mouse tracking, cursor shown.
    public func close() {
        guard open else { return }
        open = false
        folio_screen_end()
    }

    // MARK: Output

    /// Writes only the cells that differ from what is on screen (`Buffer.diff`, the same diff
    /// the tests and benchmarks measure), then refreshes. A new size or `invalidate` clears
    /// the screen and writes every cell.
    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        let before: Buffer
        if let shown, shown.width == buffer.width, shown.height == buffer.height {
            before = shown
        } else {
            folio_clear_screen()
            before = Buffer(width: 0, height: 0)   // a different size: every row is a run
        }
        for run in buffer.diff(from: before) {
            // A run starts on a whole character; continuation cells are the right halves of
            // wide characters, which ncurses writes with their left half.
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                put(cell, x: run.x + offset, y: run.y)
            }
        }
        if let cursor { folio_cursor(1, Int32(cursor.y), Int32(cursor.x)) } else { folio_cursor(0, 0, 0) }
        folio_refresh()
        shown = buffer
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let (attrs, pair) = palette.attributes(for: cell.style)
        let text = cell.text.isEmpty ? " " : cell.text
        _ = text.withCString { folio_put_cell(Int32(y), Int32(x), $0, attrs, Int32(pair)) }
    }

    /// Gives the terminal back to the shell until `fg` (Ctrl-Z outside a kiosk).
    public func suspend() {
        folio_suspend(mouse ? 1 : 0)
        fitToWindow()
    }

    /// Forces the next draw to clear and repaint everything (Ctrl-L).
    public func invalidate() { shown = nil }

    // MARK: Input

    /// Waits up to `timeoutMs` (negative: forever) for one input. Signals and hang-ups are
    /// reported as input so the caller's loop decides what to save before leaving.
    public func read(timeoutMs: Int32) -> TerminalInput {
        let sig = folio_signal_take()
        if sig != 0 { return .signal(sig) }
        if let resized = takeResize() { return resized }
        if let queued = readQueued() { return queued }

        var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, timeoutMs)
        let sig2 = folio_signal_take()
        if sig2 != 0 { return .signal(sig2) }
        if let resized = takeResize() { return resized }
        if ready < 0 { return readQueued() ?? .timeout }   // EINTR
        if ready == 0 { return .timeout }
        if fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds.revents & Int16(POLLIN) == 0 {
            return .hangup
        }
        if let key = readQueued() { return key }
        // Readable but nothing decoded: end of file. A few in a row means the tty is gone.
        idleReadsWhileReadable += 1
        if idleReadsWhileReadable >= 3 || stdinAtEOF() { return .hangup }
        return .timeout
    }

    private func stdinAtEOF() -> Bool {
        var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 0) == 1 else { return false }
        var avail: Int32 = 0
        return ioctl(0, UInt(FIONREAD), &avail) == 0 && avail == 0
    }

    private func readQueued() -> TerminalInput? {
        var code: UInt32 = 0
        let kind = folio_read_key(&code)
        if kind == ERR { return nil }
        idleReadsWhileReadable = 0
        if kind == KEY_CODE_YES {
            return decodeSpecial(Int32(code)).map { .key($0) } ?? .timeout
        }
        return .key(decodeChar(code))
    }

    private func decodeSpecial(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE:   // not queued by ncurses here (folio owns SIGWINCH); kept for safety
            fitToWindow()
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var y: Int32 = 0, x: Int32 = 0, kind: Int32 = 0
            guard folio_mouse_read(&y, &x, &kind) == 0 else { return nil }
            switch Int(kind) {
            case Int(FOLIO_MOUSE_CLICK): return .mouse(MouseEvent(.click, x: Int(x), y: Int(y)))
            case Int(FOLIO_MOUSE_WHEEL_UP): return .mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y)))
            case Int(FOLIO_MOUSE_WHEEL_DOWN): return .mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y)))
            default: return nil
            }
        case Int32(FOLIO_KEY_PASTE_BEGIN): return .paste(readPaste())
        default: return nil
        }
    }

    private func decodeChar(_ code: UInt32) -> Key {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return altOrEscape()
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
        case 28...31: return .ctrl(Character(Unicode.Scalar(code + 64)!))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .char("\u{FFFD}") }
            return .char(Character(scalar))
        }
    }

    /// ESC followed at once by a printable key is Alt+key (as readline sees it).
    private func altOrEscape() -> Key {
        var code: UInt32 = 0
        let kind = folio_read_key(&code)
        if kind == OK, code >= 32, code != 127, let s = Unicode.Scalar(code) {
            return .alt(Character(s))
        }
        return .esc
    }

    /// Collects a bracketed paste up to its end marker. Text never runs as commands.
    private func readPaste() -> String {
        var scalars = String.UnicodeScalarView()
        let cap = 1 << 20   // a paste beyond 1 MiB is cut; the composer caps further
        var lastWasCR = false
        while true {
            var code: UInt32 = 0
            let kind = folio_read_key(&code)
            if kind == ERR {
                var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                if poll(&fds, 1, 200) <= 0 { break }   // sender stopped mid-paste
                continue
            }
            if kind == KEY_CODE_YES {
                if Int32(code) == Int32(FOLIO_KEY_PASTE_END) { break }
                continue
            }
            // CR LF and a lone CR both become one LF, as a pasted line break.
            if code == 10 && lastWasCR { lastWasCR = false; continue }
            lastWasCR = code == 13
            if scalars.count < cap, let s = Unicode.Scalar(code == 13 ? 10 : code) { scalars.append(s) }
        }
        return String(scalars)
    }
}

enum Environment {
    static var term: String? {
        guard let p = getenv("TERM") else { return nil }
        return String(cString: p)
    }
}
