import Glibc

/// Reads a whole regular file with a size cap, the one way folio reads the files it is
/// pointed at (content, config, drafts, rate-limit state).
public enum WholeFile {
    /// Opens `path` (relative to `directory`) with O_NONBLOCK, so a FIFO planted at the path
    /// cannot hang the reader, refuses anything but a regular file, checks the size with fstat
    /// before reading, and reads at most `limit` bytes (the file may grow meanwhile).
    /// `followSymlinks: false` refuses a symlink in the last component (ELOOP).
    public static func read(_ path: String, limit: Int, in directory: Int32 = AT_FDCWD,
                            followSymlinks: Bool = true) -> Result<[UInt8], ReadFailure> {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (followSymlinks ? 0 : O_NOFOLLOW)
        // withCString: a native String's own bytes (they end in NUL), not an array made per call.
        let descriptor = path.withCString { path in Descriptor.retrying { openat(directory, path, flags) } }
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .missing : errno == EISDIR ? .directory : .system(.current))
        }
        defer { close(descriptor) }
        return read(descriptor: descriptor, limit: limit)
    }

    /// The same checks and read for a descriptor opened by the caller.
    public static func read(descriptor: Int32, limit: Int) -> Result<[UInt8], ReadFailure> {
        guard let info = FileStatus.of(descriptor) else { return .failure(.system(.current)) }
        if FileStatus.isDirectory(info) { return .failure(.directory) }
        guard FileStatus.isRegular(info) else { return .failure(.notRegular) }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(limit: limit, size: Int(info.st_size))) }
        do throws(ReadFailure) {
            return .success(try Descriptor.readAll(descriptor, limit: limit, expected: Int(info.st_size)))
        } catch {
            return .failure(error)
        }
    }
}
