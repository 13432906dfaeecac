import FolioPOSIX
import Glibc

/// Waits for messages to arrive in an outbox: inotify on new/ and cur/ (`Maildir.watchFolders`),
/// SIGTERM, SIGINT and SIGHUP through a self-pipe, and a timeout for the periodic full rescan.
/// One instance per process.
public final class MaildirWatch {
    public enum Wake: Sendable, Equatable { case changed, timeout, stop }

    private let inotify: Inotify
    private let stopPipe: (read: Int32, write: Int32)

    public init(path: String) throws(OutboxError) {
        inotify = try Maildir(path: path).watchFolders()
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw OutboxError.system(errno, "pipe", path: nil)
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
        close(stopPipe.read); close(stopPipe.write)
    }

    /// Blocks until a change, a stop signal or `timeoutMilliseconds`; a stop wins over a change.
    public func wait(timeoutMilliseconds: Int) -> Wake {
        var descriptors = [pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: inotify.descriptor, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&descriptors, 2, Int32(clamping: max(0, timeoutMilliseconds)))
        if ready < 0 { return errno == EINTR ? .changed : .stop }
        if descriptors[0].revents != 0 { return .stop }
        if descriptors[1].revents != 0 {
            if case .failed = inotify.drain() { return .stop }
            return .changed
        }
        return .timeout
    }

    /// True once a stop signal arrived (without consuming it).
    public var stopRequested: Bool {
        var descriptor = pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }
}

/// The self-pipe's write end, for the signal handler (which may only call async-signal-safe
/// functions: write(2) is one).
nonisolated(unsafe) private var stopSignalDescriptor: Int32 = -1

private let stopSignalHandler: @convention(c) (Int32) -> Void = { _ in
    var byte: UInt8 = 1
    _ = write(stopSignalDescriptor, &byte, 1)
}

extension Maildir {
    /// An inotify instance watching new/ and cur/ (a delivery links into new/; a mail reader
    /// renames within and into cur/; `archive` and `delete` unlink from both). A missing cur/ is
    /// fine: the first move creates it, and new/ changes at the same time.
    public func watchFolders() throws(OutboxError) -> Inotify {
        let inotify: Inotify
        do throws(SystemError) { inotify = try Inotify() } catch {
            throw OutboxError.system(error.code, "inotify_init1", path: path)
        }
        let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)
        for folder in ["new", "cur"] {
            let target = Path.join(path, folder)
            do throws(SystemError) { try inotify.watch(directory: target, mask: mask) } catch {
                if folder == "cur" && error.code == ENOENT { continue }
                throw OutboxError.system(error.code, "watch", path: target)
            }
        }
        return inotify
    }
}
