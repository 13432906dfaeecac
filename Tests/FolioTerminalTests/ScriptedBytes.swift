import FolioCore
import FolioTerminal

/// A `ByteSource` for tests: plays a script of byte chunks on its own clock and counts every
/// wait. Time moves only when a read waits: `.after(ms, …)` lets `ms` pass first (or the
/// whole timeout, if that is shorter; the chunk then waits for the next read).
final class ScriptedBytes: ByteSource {
    enum Step: Equatable {
        case bytes([UInt8])
        case after(Int64, [UInt8])
        /// The terminal goes away; every read from then on reports it, as a dead tty does.
        case hangup
    }

    private(set) var now: Int64 = 1_000_000
    /// Every wait asked of the source, in order.
    private(set) var waits: [Int32] = []
    private var script: [Step]
    private var hungUp = false

    /// When the script runs out the terminal hangs up, so a loop under test always ends.
    init(_ script: [Step]) { self.script = script }

    func read(timeoutMs: Int32, watching: [Int32]) -> ByteRead {
        waits.append(timeoutMs)
        guard !hungUp, let step = script.first else { return .hangup }
        switch step {
        case .bytes(let bytes):
            script.removeFirst()
            return .bytes(bytes)
        case .after(let ms, let bytes):
            if timeoutMs >= 0 && ms > Int64(timeoutMs) {
                now += Int64(timeoutMs)
                script[0] = .after(ms - Int64(timeoutMs), bytes)
                return .timeout
            }
            script.removeFirst()
            now += ms
            return .bytes(bytes)
        case .hangup:
            hungUp = true
            return .hangup
        }
    }
}

/// A `FakeTerminal` for output whose input is real: bytes from a script, decoded by the same
/// `InputReader` the tty uses.
final class ByteTerminal: Terminal {
    let bytes: ScriptedBytes
    let screen: FakeTerminal
    let reader: InputReader

    init(_ script: [ScriptedBytes.Step], width: Int = 80, height: Int = 24) {
        let bytes = ScriptedBytes(script)
        self.bytes = bytes
        screen = FakeTerminal(width: width, height: height)
        reader = InputReader(source: bytes, now: { bytes.now })
    }

    var width: Int { screen.width }
    var height: Int { screen.height }
    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) { screen.draw(buffer, cursor: cursor) }
    func read(timeoutMs: Int32, watching: [Int32]) -> TerminalInput { reader.read(timeoutMs: timeoutMs, watching: watching) }
    func invalidate() { screen.invalidate() }
    func suspend() { screen.suspend() }
    func send(_ control: TerminalControl) { screen.send(control) }
}

extension ScriptedBytes.Step {
    static func text(_ text: String) -> Self { .bytes(Array(text.utf8)) }
}
