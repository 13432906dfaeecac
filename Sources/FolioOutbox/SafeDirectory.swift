import Glibc

/// Opens a directory the outbox or the draft store writes into, refusing what an attacker could
/// plant: a symlink, something that is not a directory, or a directory others may write to
/// without the sticky bit. Returns an O_PATH descriptor of exactly what was checked.
enum SafeDirectory {
    /// lstat for a clear message, then open without following, then check what was opened.
    static func open(at parent: Int32, _ name: String, display: String, create: Bool,
                     parents: Bool = false) throws(OutboxError) -> Int32 {
        var (info, code) = FileSystem.status(at: parent, name)
        if info == nil, code == ENOENT, create {
            if parents, let slash = name.lastIndex(of: "/"), slash != name.startIndex {
                let made = FileSystem.makeDirectories(String(name[..<slash]))
                if made != 0 { throw OutboxError.system(made, "create directory", path: display) }
            }
            if mkdirat(parent, name, 0o700) != 0 && errno != EEXIST {
                throw OutboxError.system(errno, "create directory", path: display)
            }
            (info, code) = FileSystem.status(at: parent, name)
        }
        guard let found = info else {
            if code == ENOENT {
                throw OutboxError(kind: .system(code), reason: "no such directory", path: display)
            }
            throw OutboxError.system(code, "inspect", path: display)
        }
        if FileSystem.isSymlink(found) {
            throw OutboxError.unsafe("refusing a symlink: folio writes only into real directories",
                                     path: display)
        }
        guard FileSystem.isDirectory(found) else {
            throw OutboxError.unsafe("not a directory", path: display)
        }
        let descriptor = FileSystem.openDirectory(at: parent, name)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP || code == ENOTDIR {
                throw OutboxError.unsafe("changed while being checked (symlink or not a directory)", path: display)
            }
            throw OutboxError.system(code, "open", path: display)
        }
        guard let opened = FileSystem.status(of: descriptor), FileSystem.isDirectory(opened) else {
            close(descriptor)
            throw OutboxError.unsafe("not a directory", path: display)
        }
        if opened.st_mode & S_IWOTH != 0 && opened.st_mode & S_ISVTX == 0 {
            close(descriptor)
            throw OutboxError.unsafe("writable by others without the sticky bit: anyone could replace messages; "
                                     + "run chmod o-w (or folio outbox init)", path: display)
        }
        return descriptor
    }
}
