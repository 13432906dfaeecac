import Glibc

/// Files created only where nothing is yet: O_CREAT | O_EXCL, so an existing file, folder or
/// symlink (even a dangling one) is never opened, let alone overwritten.
public enum NewFile {
    /// Whether anything (a file, a folder, a symlink) is at `path`. nil with the errno when
    /// that cannot be told (a parent that is a file, no search permission).
    public static func exists(_ path: String) -> Result<Bool, SystemError> {
        switch FileStatus.of(path) {
        case .success: return .success(true)
        case .failure(let error) where error.code == ENOENT: return .success(false)
        case .failure(let error): return .failure(error)
        }
    }

    /// Creates `path` holding `bytes`, flushed to disk. EEXIST when something is already there.
    /// A failed write removes the half-written file, so a failure leaves nothing behind.
    public static func create(_ path: String, _ bytes: some Collection<UInt8>, mode: mode_t = 0o644) throws(SystemError) {
        let descriptor = Descriptor.retrying { open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode) }
        guard descriptor >= 0 else { throw .current }
        do throws(SystemError) {
            try Descriptor.writeAll(descriptor, bytes)
            if fsync(descriptor) != 0 { throw .current }
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
        close(descriptor)
    }

    /// Removes a file this process created (undoing a write that could not finish).
    public static func remove(_ path: String) { unlink(path) }
}
