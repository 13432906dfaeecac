#if canImport(Glibc)
import Glibc
#endif

/// A terminal's size in cells, as the tty claims it and as folio lets ncurses see it.
public struct WindowSize: Equatable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) { self.width = width; self.height = height }

    /// A client may claim any size up to 65535×65535 (an ssh window-change message, or
    /// `stty rows … cols …`). ncurses allocates each of its screens for the size it is told
    /// (a 4000×4000 claim cost 1.3 GB; 65535×65535 crashed it), so it is never told more than
    /// this: past these bounds folio draws the top-left part of the window.
    public static let max = WindowSize(width: 500, height: 300)

    /// The size the tty claims (TIOCGWINSZ on stdout, stderr, then stdin); nil when none is a
    /// tty with its columns set. `height` is 0 when only the columns are set.
    public static func claimed() -> WindowSize? {
        var size = winsize()
        for fd: Int32 in [1, 2, 0] where ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
            return WindowSize(width: Int(size.ws_col), height: Int(size.ws_row))
        }
        return nil
    }

    /// Within 1×1 … `max`.
    public var clamped: WindowSize {
        WindowSize(width: Swift.min(Swift.max(width, 1), Self.max.width),
                   height: Swift.min(Swift.max(height, 1), Self.max.height))
    }
}
