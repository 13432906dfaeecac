import FolioPOSIX
import Glibc

/// Opens a directory the outbox or the draft store writes into, refusing what an attacker could
/// plant: a symlink, something that is not a directory, or a directory others may write to
/// (sticky or not: in a sticky directory the other users' own entries are still theirs to
/// delete or swap). Returns an O_PATH descriptor of exactly what was checked.
enum SafeDirectory {
    /// lstat for a clear message, then open without following, then check what was opened.
    static func open(at parent: Int32, _ name: String, display: String, create: Bool,
                     parents: Bool = false) throws(OutboxError) -> Int32 {
        var status = FileStatus.of(name, in: parent)
        if case .failure(let error) = status, error.code == ENOENT, create {
            if parents, let above = Path.parent(name) {
                do throws(SystemError) { try Directory.makeAll(above) } catch {
                    throw OutboxError.system(error.code, "create directory", path: display)
                }
            }
            if mkdirat(parent, name, 0o700) != 0 && errno != EEXIST {
                throw OutboxError.system(errno, "create directory", path: display)
            }
            status = FileStatus.of(name, in: parent)
        }
        let found: stat
        switch status {
        case .success(let info): found = info
        case .failure(let error) where error.code == ENOENT:
            throw OutboxError(kind: .system(ENOENT), reason: "no such directory", path: display)
        case .failure(let error): throw OutboxError.system(error.code, "inspect", path: display)
        }
        if FileStatus.isSymlink(found) {
            throw OutboxError.unsafe("refusing a symlink: folio writes only into real directories",
                                     path: display)
        }
        guard FileStatus.isDirectory(found) else {
            throw OutboxError.unsafe("not a directory", path: display)
        }
        let descriptor = Directory.open(name, in: parent)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP || code == ENOTDIR {
                throw OutboxError.unsafe("changed while being checked (symlink or not a directory)", path: display)
            }
            throw OutboxError.system(code, "open", path: display)
        }
        guard let opened = FileStatus.of(descriptor), FileStatus.isDirectory(opened) else {
            close(descriptor)
            throw OutboxError.unsafe("not a directory", path: display)
        }
        if opened.st_mode & S_IWOTH != 0 {
            close(descriptor)
            throw OutboxError.unsafe("writable by others: anyone could delete or replace messages; "
                                     + "run chmod o-w \(display) (or folio outbox init)", path: display)
        }
        return descriptor
    }

    /// Refuses a directory that `owner` does not own: its owner could delete or replace what
    /// folio writes there, whatever the mode says.
    static func requireOwner(_ info: stat, owner: uid_t, display: String, fix: String) throws(OutboxError) {
        guard info.st_uid != owner else { return }
        throw OutboxError.unsafe("owned by \(userName(info.st_uid)), not by the outbox's owner \(userName(owner)): "
                                 + "that account could delete or replace messages; \(fix)", path: display)
    }

    /// "alice (uid 1001)", or "uid 1001" for an account without a name.
    static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return "\(String(cString: name)) (uid \(uid))"
    }
}
