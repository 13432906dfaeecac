import FolioPOSIX
import Glibc

/// Waits for messages to arrive in an outbox: inotify on new/ and cur/ (a delivery links into
/// new/; a mail reader renames into cur/), SIGTERM, SIGINT and SIGHUP through a self-pipe,
/// and a timeout for the periodic full rescan. One instance per process.
public final class MaildirWatch {
    public enum Wake: Sendable, Equatable { case changed, timeout, stop }

    private let inotify: Int32
    private let stopPipe: (read: Int32, write: Int32)

    public init(path: String) throws(OutboxError) {
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw OutboxError.system(errno, "inotify_init1", path: path) }
        let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR)
        for folder in ["new", "cur"] {
            let target = Path.join(path, folder)
            if inotify_add_watch(inotify, target, mask) < 0 && !(folder == "cur" && errno == ENOENT) {
                let code = errno
                close(inotify)
                throw OutboxError.system(code, "watch", path: target)
            }
        }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            let code = errno
            close(inotify)
            throw OutboxError.system(code, "pipe", path: nil)
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        stopPipe = (ends[0], ends[1])
        stopSignalDescriptor = ends[1]
        for number in [SIGTERM, SIGINT, SIGHUP] { signal(number, stopSignalHandler) }
    }

    deinit {
        for number in [SIGTERM, SIGINT, SIGHUP] { signal(number, SIG_DFL) }
        stopSignalDescriptor = -1
        close(inotify); close(stopPipe.read); close(stopPipe.write)
    }

    /// Blocks until a change, a stop signal or `timeoutMilliseconds`; a stop wins over a change.
    public func wait(timeoutMilliseconds: Int) -> Wake {
        var descriptors = [pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&descriptors, 2, Int32(clamping: max(0, timeoutMilliseconds)))
        if ready < 0 { return errno == EINTR ? .changed : .stop }
        if descriptors[0].revents != 0 { return .stop }
        if descriptors[1].revents != 0 {
            drain()
            return .changed
        }
        return .timeout
    }

    /// True once a stop signal arrived (without consuming it).
    public var stopRequested: Bool {
        var descriptor = pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// Reads and drops every queued event: any change means "scan again".
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while buffer.withUnsafeMutableBytes({ read(inotify, $0.baseAddress, $0.count) }) > 0 {}
    }
}

/// The self-pipe's write end, for the signal handler (which may only call async-signal-safe
/// functions: write(2) is one).
nonisolated(unsafe) private var stopSignalDescriptor: Int32 = -1

private let stopSignalHandler: @convention(c) (Int32) -> Void = { _ in
    var byte: UInt8 = 1
    _ = write(stopSignalDescriptor, &byte, 1)
}
