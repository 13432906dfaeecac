import Glibc

/// Reads small trusted-format files (the config) with plain POSIX calls: no following into
/// FIFOs or devices, and a size cap so a mistaken path cannot make folio read gigabytes.
enum SmallFile {
    enum Failure: Error, Equatable {
        case missing
        case notRegular
        case tooLarge(limit: Int)
        case system(Int32)

        var message: String {
            switch self {
            case .missing: "no such file"
            case .notRegular: "not a regular file"
            case .tooLarge(let limit): "larger than \(limit) bytes"
            case .system(let code): String(cString: strerror(code))
            }
        }
    }

    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: opening a FIFO planted at the path must not hang start-up.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .missing : .system(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        guard info.st_size <= limit else { return .failure(.tooLarge(limit: limit)) }
        return readAll(fd, limit: limit)
    }

    /// Reads from the current offset to end of file; fails past `limit` bytes.
    static func readAll(_ fd: Int32, limit: Int) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if n == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { return .failure(.tooLarge(limit: limit)) }
        }
    }
}
