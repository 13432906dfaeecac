import FolioCore

/// What the browser needs from a terminal: its size, a way to show a frame, one input at a
/// time, and the two things only the terminal can do (repaint, give the tty back).
/// `TerminalBackend` is the ncurses one; `FakeTerminal` plays a script for tests.
public protocol Terminal: AnyObject {
    /// The size frames are drawn at (already clamped to `WindowSize.max`).
    var width: Int { get }
    var height: Int { get }
    /// Shows `buffer`, changing only what differs from the last frame, with the cursor at
    /// `cursor` (nil hides it).
    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?)
    /// Waits up to `timeoutMs` (negative: forever) for one input, or for one of the `watching`
    /// descriptors to be readable (`.watch`), in the same wait. Signals and hang-ups come back
    /// as input, so the caller decides what to save before leaving.
    func read(timeoutMs: Int32, watching: [Int32]) -> TerminalInput
    /// Makes the next `draw` clear the screen and write every cell (Ctrl-L).
    func invalidate()
    /// Gives the terminal back to the shell and stops folio; returns once it is resumed
    /// (`fg`), with the terminal taken back and `width`/`height` current.
    func suspend()
    /// Does what only the terminal can (a clipboard copy, mouse reports on or off), after
    /// the last frame and before the next, so the screen stays in step.
    func send(_ control: TerminalControl)
}

extension Terminal {
    /// Waits for the terminal alone.
    public func read(timeoutMs: Int32) -> TerminalInput { read(timeoutMs: timeoutMs, watching: []) }

    /// A frame with the cursor hidden.
    public func draw(_ buffer: Buffer) { draw(buffer, cursor: nil) }
}
