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
                else { write(descriptor, chunk.baseAddress, chunk.count) }
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

    /// Reads from the current offset until end of file or until `maxBytes` have arrived,
    /// whichever is first: a prefix of at most `maxBytes` bytes.
    public static func read(_ descriptor: Int32, upTo maxBytes: Int) throws(SystemError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(65_536, max(maxBytes, 1)))
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
    public static func readAll(_ descriptor: Int32, limit: Int) throws(ReadFailure) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try read(descriptor, upTo: limit + 1) } catch { throw .system(error) }
        guard bytes.count <= limit else { throw .tooLarge(limit: limit, size: nil) }
        return bytes
    }
}
