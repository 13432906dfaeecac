import FolioCore
import FolioText
#if canImport(Glibc)
import Glibc
#endif

/// The last screen of a session that timed out: says why, then leaves after a moment.
public enum Goodbye {
    public static func show(_ message: String, on backend: some Terminal, seconds: UInt32 = 2) {
        var buffer = Buffer(width: backend.width, height: backend.height)
        let lines = wrap([Span(message, Style(.accent, .bold))], width: max(1, min(60, backend.width - 4)))
        let top = max(0, (backend.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < backend.height {
            let x = max(0, (backend.width - Text.width(line)) / 2)
            buffer.put(line, x: x, y: top + i)
        }
        backend.draw(buffer)
        sleep(seconds)
    }
}
