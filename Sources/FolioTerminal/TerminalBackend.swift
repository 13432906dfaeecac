// The only Swift file that talks to ncurses. It copies the changed runs of a Buffer to the
// screen; input is read from standard input and decoded by `InputReader`, not by ncurses.
// Everything else is pure and tested without a tty.
@preconcurrency import CNcursesw
import CFolioShim
import FolioCore
import FolioPOSIX
import FolioSession
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
        /// Make link cells OSC 8 hyperlinks (`Hyperlinks.supported`): only for a terminal
        /// known to show them, since another may print the bytes.
        public var hyperlinks: Bool
        public init(colour: Bool, mouse: Bool, theme: Theme = .dark, hyperlinks: Bool = false) {
            self.colour = colour; self.mouse = mouse; self.theme = theme; self.hyperlinks = hyperlinks
        }
    }

    public private(set) var width: Int
    public private(set) var height: Int
    private var shown: Buffer?
    private var palette: Palette
    private var open = true
    private var mouse: Bool
    private let hyperlinks: Bool
    private let input = InputReader(source: TTYReader(fd: 0), now: MonotonicClock.now)

    public init(options: Options) throws(TerminalError) {
        folio_signals_install()   // before ncurses starts: SIGWINCH is ours (see fitToWindow)
        guard folio_screen_start(options.colour ? 1 : 0, options.mouse ? 1 : 0) == 0 else {
            throw .cannotStart("cannot initialise the terminal (TERM=\(ProcessEnvironment.value("TERM") ?? "unset"))")
        }
        mouse = options.mouse
        hyperlinks = options.hyperlinks
        // The overlay rewrites only cells the frame changed: ncurses must not move cells (and
        // the links the terminal keeps with them) sideways with insert/delete character.
        // (It never scrolls lines: idlok stays off.)
        if hyperlinks { folio_shift_cells(0) }
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
    /// the screen and writes every cell. With hyperlinks on, the changed link cells are then
    /// written again inside OSC 8 (`Hyperlinks.overlay`: the same characters in the same
    /// look, cursor and attributes restored), so ncurses' picture of the screen stays true.
    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        let before: Buffer
        if let shown, shown.width == buffer.width, shown.height == buffer.height {
            before = shown
        } else {
            folio_clear_screen()
            before = Buffer(width: 0, height: 0)   // a different size: every row is a run
        }
        let runs = buffer.diff(from: before)
        var first = 0
        while first < runs.count {
            let y = runs[first].y
            var end = first
            while end < runs.count && runs[end].y == y { end += 1 }
            draw(row: y, runs[first..<end], of: buffer, over: before)
            first = end
        }
        if let cursor { folio_cursor(1, Int32(cursor.y), Int32(cursor.x)) } else { folio_cursor(0, 0, 0) }
        folio_refresh()
        if hyperlinks {
            let overlay = Hyperlinks.overlay(runs, before: before, after: buffer) { [palette] in
                palette.theme.look($0, colours: palette.colours)
            }
            if !overlay.isEmpty { folio_write_control(overlay) }
        }
        shown = buffer
    }

    /// One row's changed runs, in the looks `Palette.looks` gives the row, and the unchanged
    /// blanks of the row whose look changed with their neighbours (so no stale colour lingers).
    private func draw(row y: Int, _ runs: ArraySlice<CellRun>, of buffer: Buffer, over before: Buffer) {
        let cells = Array(buffer.cells[(y * buffer.width)..<((y + 1) * buffer.width)])
        let looks = palette.looks(of: cells)
        var written = [Bool](repeating: false, count: cells.count)
        for run in runs {
            // A run starts on a whole character; continuation cells are the right halves of
            // wide characters, which ncurses writes with their left half.
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                put(cell, looks[run.x + offset], x: run.x + offset, y: y)
                written[run.x + offset] = true
            }
        }
        guard before.width == buffer.width, before.height == buffer.height else { return }
        let old = palette.looks(of: Array(before.cells[(y * before.width)..<((y + 1) * before.width)]))
        for x in cells.indices where !written[x] && looks[x] != old[x] && !cells[x].isContinuation {
            put(cells[x], looks[x], x: x, y: y)
        }
    }

    private func put(_ cell: Cell, _ look: Palette.Look, x: Int, y: Int) {
        let (attrs, pair) = (look.attrs, look.pair)
        let text = cell.text.isEmpty ? " " : cell.text
        _ = text.withCString { folio_put_cell(Int32(y), Int32(x), $0, attrs, Int32(pair)) }
    }

    /// Gives the terminal back to the shell until `fg` (Ctrl-Z outside a kiosk).
    public func suspend() {
        folio_suspend(mouse ? 1 : 0)
        fitToWindow()
    }

    /// A clipboard copy (OSC 52) or mouse reports on or off, written between frames.
    public func send(_ control: TerminalControl) {
        switch control {
        case .copy(let text):
            if let sequence = TerminalControl.osc52(text) { folio_write_control(sequence) }
        case .mouse(let on):
            mouse = on
            _ = folio_mouse_enable(on ? 1 : 0)
        }
    }

    /// Draws with `theme` from the next frame on (all of it repainted).
    public func use(_ theme: Theme) {
        palette = Palette(theme: theme, colours: palette.colours)
        palette.install()
        shown = nil
    }

    /// How long `askBackground` waits for the terminal's answer.
    public static let backgroundReplyMs: Int64 = 100

    /// Asks the terminal for its background colour (OSC 11) and waits at most
    /// `backgroundReplyMs` for the answer, which the input decoder takes whole, so it never
    /// reaches the screen or the keys; keys typed meanwhile stay queued. nil when there is no
    /// answer in time (an answer arriving later is dropped by the loop). The Linux console
    /// would print the query's text, so it is not asked.
    public func askBackground() -> Background? {
        guard ProcessEnvironment.value("TERM")?.hasPrefix("linux") != true else { return nil }
        folio_write_control("\u{1B}]11;?\u{1B}\\")
        return input.awaitReply(timeoutMs: Self.backgroundReplyMs) { reply in
            guard case .osc(number: 11, let text) = reply else { return nil }
            return Background(osc11: text)
        }
    }

    /// Forces the next draw to clear and repaint everything (Ctrl-L).
    public func invalidate() { shown = nil }

    // MARK: Input

    /// Waits up to `timeoutMs` (negative: forever) for one input. Signals, window changes
    /// and hang-ups are reported as input so the caller's loop decides what to save before
    /// leaving. Input is decoded by `InputReader` from the bytes on standard input; ncurses
    /// only draws.
    public func read(timeoutMs: Int32, watching: [Int32]) -> TerminalInput {
        if let other = signalOrResize() { return other }
        let result = input.read(timeoutMs: timeoutMs, watching: watching)
        if result == .timeout, let other = signalOrResize() { return other }   // EINTR: which signal?
        return result
    }

    private func signalOrResize() -> TerminalInput? {
        let sig = folio_signal_take()
        if sig != 0 { return .signal(sig) }
        return takeResize()
    }
}
