import Glibc

/// Whole reads and writes on a file descriptor: EINTR is retried, short writes are resumed,
/// and every read has a limit.
public enum Descriptor {
    /// Runs `call` again while it fails with EINTR (for open, openat, flock and the like).
    public static func retrying<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }

    /// Writes every byte, resuming after short writes and EINTR. With `offset` it writes
    /// there (pwrite) and leaves the file offset alone.
    public static func writeAll(_ descriptor: Int32, _ bytes: some Collection<UInt8>,
                                offset: Int? = nil) throws(SystemError) {
        let bytes = ContiguousArray(bytes)
        var done = 0
        while done < bytes.count {
            let count = bytes[done...].withUnsafeBytes { chunk in
                if let offset { pwrite(descriptor, chunk.baseAddress, chunk.count, off_t(offset + done)) }
                else { Glibc.write(descriptor, chunk.baseAddress, chunk.count) }
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .current
            }
            // write(2) returns 0 only for an empty request; never spin on it.
            if count == 0 { throw SystemError(EIO) }
            done += count
        }
    }

    /// How a write with a deadline ended.
    public enum TimedWrite: Sendable, Equatable {
        case written
        /// The deadline passed with bytes still to write.
        case timedOut(written: Int)
        /// The write failed (EPIPE when the reader has gone, with SIGPIPE ignored).
        case failed(SystemError, written: Int)
    }

    /// Writes every byte to a non-blocking descriptor (a pipe to a child, say) before
    /// `deadline`, waiting in poll(2) for room, at most `chunk` bytes per write. `now` is the
    /// caller's monotonic clock in milliseconds, so a reader that stops reading costs no
    /// more than the deadline.
    public static func write(_ descriptor: Int32, _ bytes: some Collection<UInt8>, deadline: Int64,
                             now: () -> Int64, chunk: Int = 65_536) -> TimedWrite {
        let bytes = ContiguousArray(bytes)
        var done = 0
        while done < bytes.count {
            let left = deadline - now()
            if left <= 0 { return .timedOut(written: done) }
            var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            if poll(&ready, 1, Int32(min(left, 1_000))) <= 0 { continue }   // EINTR, or no room yet
            let count = bytes[done...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, min($0.count, chunk)) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failed(.current, written: done)
            }
            if count == 0 { return .failed(SystemError(EIO), written: done) }
            done += count
        }
        return .written
    }

    /// Reads from the current offset until end of file or until `maxBytes` have arrived,
    /// whichever is first: a prefix of at most `maxBytes` bytes. `expected` is a regular file's
    /// size from fstat: the usual file is then read by one read(2) of one byte more, straight
    /// into the result, and getting exactly that size back is its end (a regular file's read
    /// is short only at the end), so no second read looks for it. A file that grew or shrank
    /// since the fstat is read on to its end.
    public static func read(_ descriptor: Int32, upTo maxBytes: Int, expected: Int? = nil) throws(SystemError) -> [UInt8] {
        guard let expected, expected >= 0, expected < maxBytes else {
            return try read(descriptor, upTo: maxBytes, after: [], chunk: expected.map { $0 + 1 } ?? 65_536)
        }
        var failure: SystemError?
        let bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while true {
                let got = Glibc.read(descriptor, buffer.baseAddress, expected + 1)
                if got >= 0 { count = got; return }
                if errno != EINTR { failure = .current; return }
            }
        }
        if let failure { throw failure }
        if bytes.count == expected { return bytes }
        return try read(descriptor, upTo: maxBytes, after: bytes, chunk: expected + 1)
    }

    /// Reads on after `prefix` until end of file or `maxBytes` in all, `chunk` bytes (at least
    /// 4 KiB, at most 64 KiB) at a time.
    private static func read(_ descriptor: Int32, upTo maxBytes: Int, after prefix: [UInt8],
                             chunk size: Int) throws(SystemError) -> [UInt8] {
        var result = prefix
        var chunk = [UInt8](repeating: 0, count: min(65_536, max(min(maxBytes, max(size, 4_096)), 1)))
        while result.count < maxBytes {
            let wanted = min(chunk.count, maxBytes - result.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .current
            }
            if count == 0 { break }
            result += chunk[..<count]
        }
        return result
    }

    /// Reads to end of file; refuses (reading no further) once more than `limit` bytes arrive.
    public static func readAll(_ descriptor: Int32, limit: Int, expected: Int? = nil) throws(ReadFailure) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try read(descriptor, upTo: limit + 1, expected: expected) } catch { throw .system(error) }
        guard bytes.count <= limit else { throw .tooLarge(limit: limit, size: nil) }
        return bytes
    }
}
