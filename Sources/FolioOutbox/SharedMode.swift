import FolioPOSIX
import Glibc

/// The multi-user outbox: other accounts deliver into the owner's Maildir but cannot list or
/// read it. tmp/ and new/ are 3730 (owner rwx; group wx, setgid, sticky; others nothing), the
/// root is 0710 and cur/ 0700, all in the group. Delivery needs only write and search on tmp/
/// and new/ (create, link, unlink one's own file); without read nobody lists names, and names
/// carry 128 random bits, so nobody guesses one. Messages are 0640: the setgid bit gives them
/// the group, so the owner (a member) reads them.
enum SharedMode {
    static let queueMode: mode_t = 0o3730
    static let rootMode: mode_t = 0o710

    /// True when tmp/ and new/ are set up for sharing; throws when they are shared but unsafe.
    static func check(tmp: Int32, new: Int32, path: String) throws(OutboxError) -> Bool {
        guard let tmpInfo = FileStatus.of(tmp), let newInfo = FileStatus.of(new) else {
            throw OutboxError.system(errno, "inspect", path: path)
        }
        let tmpShared = tmpInfo.st_mode & S_ISGID != 0
        let newShared = newInfo.st_mode & S_ISGID != 0
        if !tmpShared && !newShared { return false }
        let repair = "; run folio outbox init --shared --group GROUP \(path)"
        if tmpShared != newShared || tmpInfo.st_gid != newInfo.st_gid {
            throw OutboxError.unsafe("tmp/ and new/ disagree on sharing (setgid bit or group)" + repair, path: path)
        }
        for (name, info) in [("tmp", tmpInfo), ("new", newInfo)] {
            let directory = Path.join(path, name)
            if info.st_mode & S_ISVTX == 0 {
                throw OutboxError.unsafe("shared but not sticky: users could delete others' messages" + repair, path: directory)
            }
            if info.st_mode & (S_IRGRP | S_IROTH) != 0 {
                throw OutboxError.unsafe("shared but readable by group or others: users could list others' enquiries"
                                         + repair, path: directory)
            }
            if info.st_mode & 0o007 != 0 {
                throw OutboxError.unsafe("shared but open to others" + repair, path: directory)
            }
        }
        return true
    }
}

/// `folio outbox init`: prepares a private (0700) or shared outbox.
public enum OutboxSetup {
    /// Creates or repairs the Maildir at `path`. With `sharedGroup` (a name or a number) it is
    /// prepared for other accounts in that group; without, it is made private again.
    /// Returns a line per directory saying what it is now.
    @discardableResult
    public static func initialise(path: String, sharedGroup: String?) throws(OutboxError) -> [String] {
        var gid: gid_t?
        if let group = sharedGroup {
            if let entry = getgrnam(group) {
                gid = entry.pointee.gr_gid
            } else if let number = UInt32(group) {
                gid = number
            } else {
                throw OutboxError(kind: .invalidArgument, reason: "no such group \(group.debugDescription)")
            }
        }
        if case .failure(let error) = FileStatus.of(path), error.code == ENOENT, let above = Path.parent(path) {
            do throws(SystemError) { try Directory.makeAll(above) } catch {
                throw OutboxError.system(error.code, "create directory", path: path)
            }
        }
        let plan: [(String, mode_t)] = [
            ("", gid == nil ? 0o700 : SharedMode.rootMode),
            ("tmp", gid == nil ? 0o700 : SharedMode.queueMode),
            ("new", gid == nil ? 0o700 : SharedMode.queueMode),
            ("cur", 0o700),
        ]
        var report: [String] = []
        for (name, mode) in plan {
            let full = name.isEmpty ? path : Path.join(path, name)
            try prepare(full, mode: mode, group: gid)
            report.append("\(String(mode, radix: 8)) \(full)")
        }
        return report
    }

    /// mkdir if missing, refuse a symlink or non-directory, then chown/chmod through a descriptor.
    private static func prepare(_ path: String, mode: mode_t, group: gid_t?) throws(OutboxError) {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw OutboxError.system(errno, "create directory", path: path)
        }
        let found: stat
        switch FileStatus.of(path) {
        case .success(let info): found = info
        case .failure(let error): throw OutboxError.system(error.code, "inspect", path: path)
        }
        if FileStatus.isSymlink(found) { throw OutboxError.unsafe("refusing a symlink", path: path) }
        guard FileStatus.isDirectory(found) else { throw OutboxError.unsafe("not a directory", path: path) }
        let descriptor = Directory.open(path, readable: true)
        guard descriptor >= 0 else { throw OutboxError.system(errno, "open", path: path) }
        defer { close(descriptor) }
        if let group, fchown(descriptor, uid_t.max, group) != 0 {
            throw OutboxError.system(errno, "change group", path: path)
        }
        // chmod after chown: chown clears setgid on some systems.
        if fchmod(descriptor, mode) != 0 { throw OutboxError.system(errno, "change mode", path: path) }
    }
}
