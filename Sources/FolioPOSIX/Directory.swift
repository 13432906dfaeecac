import Glibc

/// Directories: descriptors that anchor *at calls, listings, mkdir -p and fsync.
public enum Directory {
    /// O_PATH is Linux-only and hidden from Swift's Glibc module (it needs _GNU_SOURCE).
    /// A directory opened with it anchors *at calls and needs no read permission, which a
    /// non-owner delivering into a shared outbox does not have.
    public static let pathOnly: Int32 = 0o10000000

    /// A directory descriptor for *at calls that never follows a symlink in the last component;
    /// -1 with errno on failure.
    public static func open(_ name: String, in parent: Int32 = AT_FDCWD, readable: Bool = false) -> Int32 {
        let access = readable ? O_RDONLY : pathOnly
        return Descriptor.retrying { openat(parent, name, access | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
    }

    /// Names in a directory, without "." and "..", sorted so that what reads them is deterministic.
    public static func list(_ path: String) -> Result<[String], SystemError> {
        guard let handle = opendir(path) else { return .failure(.current) }
        defer { closedir(handle) }
        return .success(names(handle).sorted())
    }

    /// Names in an open directory stream (in directory order), without "." and "..".
    public static func names(_ handle: OpaquePointer) -> [String] {
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates `path` and its missing parents with `mode` (like mkdir -p; private by default).
    public static func makeAll(_ path: String, mode: mode_t = 0o700) throws(SystemError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, mode) != 0 && errno != EEXIST { throw .current }
            prefix += "/"
        }
    }

    /// Flushes a directory's entries; falls back to sync(2) when the directory cannot be opened
    /// for reading (a group member delivering into a shared outbox).
    public static func sync(_ directory: Int32) throws(SystemError) {
        let descriptor = Descriptor.retrying { openat(directory, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if descriptor < 0 {
            if errno == EACCES { Glibc.sync(); return }
            throw .current
        }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw .current }
    }
}
