import FolioCore

/// A terminal for tests: plays a script of inputs, keeps its own clock, and records every
/// frame and every repaint and suspend asked of it. Time moves only when the script says so:
/// a `.wait` lets the whole requested timeout pass, `.after(ms, …)` lets `ms` pass first.
public final class FakeTerminal: Terminal {
    public enum Step: Equatable, Sendable {
        /// Delivered at once.
        case input(TerminalInput)
        /// Delivered after `ms` milliseconds of the clock, if the reader waits that long;
        /// otherwise the read times out at its deadline and the step waits for the next read.
        case after(Int64, TerminalInput)
        /// Nothing arrives: the read times out after its whole timeout.
        case wait
        /// The window changes to this size: reported as a `.resize` key, as ncurses does.
        case resize(width: Int, height: Int)
        /// A watched descriptor is readable (`.watch(ready:)`) after `ms`, if the reader waits
        /// that long; otherwise the read times out and the step waits. Dropped, as a timeout,
        /// when the read does not watch that descriptor.
        case ready(Int32, after: Int64 = 0)
        /// A watched descriptor hung up or failed without data.
        case failed(Int32)
    }

    public private(set) var width: Int
    public private(set) var height: Int
    /// Milliseconds on the fake monotonic clock; give `{ fake.now }` to `BrowserLoop.now`.
    public private(set) var now: Int64
    /// Every frame drawn, in order.
    public private(set) var frames: [Buffer] = []
    /// The cursor of each frame.
    public private(set) var cursors: [(x: Int, y: Int)?] = []
    /// The timeout of each read, in order.
    public private(set) var reads: [Int32] = []
    /// The descriptors each read watched, in order.
    public private(set) var watched: [[Int32]] = []
    public private(set) var repaints = 0
    public private(set) var suspends = 0
    /// Every control sent, in order.
    public private(set) var controls: [TerminalControl] = []
    /// Size after a suspend (the window may have changed while folio was stopped).
    public var sizeAfterSuspend: (width: Int, height: Int)?
    private var script: [Step]

    /// When the script runs out the terminal hangs up, so a loop under test always ends.
    public init(width: Int = 80, height: Int = 24, now: Int64 = 1_000_000, script: [Step] = []) {
        self.width = width; self.height = height; self.now = now; self.script = script
    }

    public func feed(_ steps: [Step]) { script += steps }

    /// Keys, delivered at once.
    public func type(_ keys: [Key]) { feed(keys.map { .input(.key($0)) }) }

    public var lastFrame: Buffer? { frames.last }

    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        frames.append(buffer)
        cursors.append(cursor)
    }

    public func read(timeoutMs: Int32, watching: [Int32]) -> TerminalInput {
        reads.append(timeoutMs)
        watched.append(watching)
        guard !script.isEmpty else { return .hangup }
        switch script[0] {
        case .input(let input):
            script.removeFirst()
            return input
        case .wait:
            script.removeFirst()
            advance(timeoutMs)
            return .timeout
        case .after(let ms, let input):
            if timeoutMs >= 0 && ms > Int64(timeoutMs) {
                advance(timeoutMs)
                script[0] = .after(ms - Int64(timeoutMs), input)
                return .timeout
            }
            script.removeFirst()
            now += ms
            return input
        case .resize(let w, let h):
            script.removeFirst()
            (width, height) = (w, h)
            return .key(.resize(width: w, height: h))
        case .ready(let fd, let ms):
            if !watching.contains(fd) {   // nobody watches it (any more): it never shows
                script.removeFirst()
                return .timeout
            }
            if timeoutMs >= 0 && ms > Int64(timeoutMs) {
                advance(timeoutMs)
                script[0] = .ready(fd, after: ms - Int64(timeoutMs))
                return .timeout
            }
            script.removeFirst()
            now += ms
            return .watch(ready: [fd], failed: [])
        case .failed(let fd):
            script.removeFirst()
            return .watch(ready: [], failed: [fd])
        }
    }

    public func invalidate() { repaints += 1 }

    public func send(_ control: TerminalControl) { controls.append(control) }

    public func suspend() {
        suspends += 1
        if let size = sizeAfterSuspend { (width, height) = size }
    }

    private func advance(_ timeoutMs: Int32) {
        precondition(timeoutMs >= 0, "a read that waits forever would never return")
        now += Int64(timeoutMs)
    }
}
