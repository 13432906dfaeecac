import Glibc

/// Thin POSIX helpers shared by the Maildir writer, its reader and the draft store.
enum FileSystem {
    /// O_PATH is Linux-only and hidden from Swift's Glibc module (it needs _GNU_SOURCE).
    /// A directory opened with it serves as the anchor of *at calls and needs no read permission,
    /// which a non-owner delivering into a shared outbox does not have.
    static let pathOnly: Int32 = 0o10000000

    /// A directory descriptor for *at calls that never follows a symlink in the last component.
    static func openDirectory(at parent: Int32 = AT_FDCWD, _ name: String, readable: Bool = false) -> Int32 {
        let access = readable ? O_RDONLY : pathOnly
        return retrying { openat(parent, name, access | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
    }

    static func status(at parent: Int32 = AT_FDCWD, _ name: String) -> (stat?, Int32) {
        var info = stat()
        if fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 { return (info, 0) }
        return (nil, errno)
    }

    static func status(of descriptor: Int32) -> stat? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? info : nil
    }

    static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    static func isSymlink(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFLNK }
    static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

    /// Writes every byte, resuming after short writes and EINTR; returns errno on failure.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Reads at most `limit` bytes; nil with errno on failure.
    static func readAll(_ descriptor: Int32, limit: Int) -> ([UInt8]?, Int32) {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while result.count < limit {
            let wanted = min(chunk.count, limit - result.count)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return (nil, errno)
            }
            if count == 0 { break }
            result += chunk[..<count]
        }
        return (result, 0)
    }

    /// Creates `path` and its missing parents with mode 0700 (like mkdir -p); returns errno.
    static func makeDirectories(_ path: String) -> Int32 {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return errno }
            prefix += "/"
        }
        return 0
    }

    /// Flushes a directory's entries; falls back to sync(2) when the directory cannot be opened
    /// for reading (a group member delivering into a shared outbox).
    static func syncDirectory(_ directory: Int32) -> Int32 {
        let descriptor = retrying { openat(directory, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if descriptor < 0 {
            if errno == EACCES { sync(); return 0 }
            return errno
        }
        defer { close(descriptor) }
        return fsync(descriptor) == 0 ? 0 : errno
    }

    static func retrying(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
