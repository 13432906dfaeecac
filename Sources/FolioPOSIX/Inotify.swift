import Glibc

/// The one inotify wrapper: an instance owns a non-blocking, close-on-exec inotify descriptor
/// that callers add to their own `poll` (the outbox forwarder, the browser's loop), add
/// watches to, and drain when it is readable. Events are only counted: every user rescans what
/// it watches rather than trusting names from the queue (which can overflow).
public final class Inotify {
    /// The descriptor to poll for POLLIN.
    public let descriptor: Int32
    /// Watches added so far (the kernel's descriptor per watched path; adding a path again
    /// returns the same one and is not counted twice).
    public private(set) var watches = Set<Int32>()

    /// File created, moved in or out, deleted, written and closed, or changed in place: what
    /// editors and Maildir deliveries do (a rename, a link, a write).
    public static let changes = UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CLOSE_WRITE
                                       | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    public init() throws(SystemError) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw .current }
    }

    deinit { close(descriptor) }

    /// Watches the directory at `path` for `mask` (only directories: IN_ONLYDIR is added; a
    /// symlink is followed only with `followLinks`, for a path the user gave). Returns the
    /// watch descriptor.
    @discardableResult
    public func watch(directory path: String, mask: UInt32, followLinks: Bool = false) throws(SystemError) -> Int32 {
        let flags = mask | UInt32(IN_ONLYDIR) | (followLinks ? 0 : UInt32(IN_DONT_FOLLOW))
        let watch = inotify_add_watch(descriptor, path, flags)
        guard watch >= 0 else { throw .current }
        watches.insert(watch)
        return watch
    }

    /// What one drain found.
    public enum Drain: Sendable, Equatable {
        /// Nothing was queued (the poll's readiness was spurious or already drained).
        case empty
        /// This many events (an overflow counts as one): something changed.
        case changed(events: Int)
        /// The descriptor failed (not EAGAIN or EINTR): stop polling it.
        case failed(SystemError)
    }

    /// Reads and counts every queued event without blocking, forgetting watches the kernel
    /// dropped (IN_IGNORED: the directory went away). Reads are bounded by the queue, which the
    /// kernel caps (fs.inotify.max_queued_events).
    public func drain() -> Drain {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        var events = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { break }
                return .failed(.current)
            }
            if count == 0 { return .failed(SystemError(EIO)) }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                if event.mask & UInt32(IN_IGNORED) != 0 { watches.remove(event.wd) }
                events += 1
                offset += header + Int(event.len)
            }
        }
        return events == 0 ? .empty : .changed(events: events)
    }
}
