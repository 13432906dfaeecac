#if canImport(Glibc)
import Glibc
#endif

/// Reads the terminal's bytes from a file descriptor (standard input): one `poll`, then at
/// most one `read`. Every sign that the terminal is gone is a hang-up, so no caller can spin
/// on a dead tty: POLLHUP, POLLERR and POLLNVAL without data, a read of 0 bytes (end of
/// file), and a read error other than EINTR and EAGAIN (EIO after the pty's other side closed).
public final class TTYReader: ByteSource {
    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 4096)

    public init(fd: Int32 = 0) { self.fd = fd }

    public func read(timeoutMs: Int32, watching: [Int32]) -> ByteRead {
        var all = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
            + watching.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&all, nfds_t(all.count), timeoutMs)
        if ready < 0 { return errno == EINTR || errno == EAGAIN ? .interrupted : .hangup }
        if ready == 0 { return .timeout }
        let fds = all[0]
        // The terminal first; watched descriptors stay ready for the next wait.
        if fds.revents == 0 {
            let others = all.dropFirst()
            return .watch(ready: others.filter { $0.revents & Int16(POLLIN) != 0 }.map(\.fd),
                          failed: others.filter { $0.revents != 0 && $0.revents & Int16(POLLIN) == 0 }.map(\.fd))
        }
        // With POLLIN, read what is left even after a hang-up; the next read reports the end.
        guard fds.revents & Int16(POLLIN) != 0 else { return .hangup }
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if count > 0 { return .bytes(Array(buffer[..<count])) }
        if count == 0 { return .hangup }
        switch errno {
        case EINTR: return .interrupted
        case EAGAIN: return .timeout
        default: return .hangup
        }
    }
}
