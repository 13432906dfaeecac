import Glibc

/// Reads a whole regular file with a size cap, the one way folio reads the files it is
/// pointed at (content, config, drafts, rate-limit state).
public enum WholeFile {
    /// Opens `path` (relative to `directory`) with O_NONBLOCK, so a FIFO planted at the path
    /// cannot hang the reader, refuses anything but a regular file, checks the size with fstat
    /// before reading, and reads at most `limit` bytes (the file may grow meanwhile).
    /// `followSymlinks: false` refuses a symlink in the last component (ELOOP).
    ///
    /// `listedRegular`: the directory's listing said a regular file (d_type), so the file is
    /// read first and fstat'ed only when it fills the first read (`firstRead`): one syscall
    /// fewer for the usual page. Should another kind of file be swapped in between the
    /// listing and the open, O_NONBLOCK still keeps a FIFO from hanging the reader (with no
    /// writer it reads as empty) and the cap still bounds what is read.
    public static func read(_ path: String, limit: Int, in directory: Int32 = AT_FDCWD,
                            followSymlinks: Bool = true, listedRegular: Bool = false) -> Result<[UInt8], ReadFailure> {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (followSymlinks ? 0 : O_NOFOLLOW)
        // withCString: a native String's own bytes (they end in NUL), not an array made per call.
        let descriptor = path.withCString { path in Descriptor.retrying { openat(directory, path, flags) } }
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .missing : errno == EISDIR ? .directory : .system(.current))
        }
        defer { close(descriptor) }
        return listedRegular ? readListed(descriptor: descriptor, limit: limit) : read(descriptor: descriptor, limit: limit)
    }

    /// Bytes read at once from a file the listing called regular, before any fstat.
    public static let firstRead = 65_536

    /// Each thread's buffer of `firstRead` bytes, made on its first use and freed when the
    /// thread exits (a pthread key's destructor).
    private static var firstReadBuffer: UnsafeMutableRawPointer {
        if let buffer = pthread_getspecific(firstReadKey) { return buffer }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: firstRead, alignment: 16)
        pthread_setspecific(firstReadKey, buffer)
        return buffer
    }

    private static let firstReadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { $0?.deallocate() }
        return key
    }()

    /// A file that fits in one read of `firstRead` bytes is all there (a regular file's read
    /// is short only at its end); one that fills it is read again from the start, with
    /// `read(descriptor:limit:)`'s checks.
    ///
    /// The first read goes into the thread's own buffer (`firstReadBuffer`) and the bytes are
    /// copied into an array of their size: allocating and freeing a 64 KiB array per page cost
    /// ~1,800 instructions, the copy of a few KiB a tenth of that.
    private static func readListed(descriptor: Int32, limit: Int) -> Result<[UInt8], ReadFailure> {
        let wanted = min(limit + 1, firstRead), buffer = firstReadBuffer
        var got = 0
        while true {
            got = Glibc.read(descriptor, buffer, wanted)
            if got >= 0 || errno != EINTR { break }
        }
        if got < 0 { return .failure(errno == EISDIR ? .directory : .system(.current)) }
        if got < wanted { return .success(Array(UnsafeRawBufferPointer(start: buffer, count: got))) }
        // Larger (or not a regular file after all, where lseek fails and fstat refuses it).
        _ = lseek(descriptor, 0, SEEK_SET)
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
