import Glibc

/// stat(2) answers: what a name is, without following a symlink unless asked.
public enum FileStatus {
    public enum Kind: Sendable, Hashable { case missing, file, directory, other }

    /// lstat (relative to `directory`); the errno when it fails.
    public static func of(_ name: String, in directory: Int32 = AT_FDCWD) -> Result<stat, SystemError> {
        var info = stat()
        if fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 { return .success(info) }
        return .failure(.current)
    }

    public static func of(_ descriptor: Int32) -> stat? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? info : nil
    }

    /// What a path is, following symlinks. A dangling symlink counts as a file, so reading
    /// it reports the real error.
    public static func kind(_ path: String) -> Kind {
        var info = stat()
        if stat(path, &info) == 0 {
            return isDirectory(info) ? .directory : isRegular(info) ? .file : .other
        }
        return lstat(path, &info) == 0 ? .file : .missing
    }

    public static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    public static func isSymlink(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFLNK }
    public static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }
}
