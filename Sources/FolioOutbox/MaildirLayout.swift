import FolioPOSIX
import Glibc

/// The opened, checked directories of a Maildir. Descriptors are O_PATH anchors, so every later
/// step works on the directories that passed the checks even if a name is swapped meanwhile.
struct MaildirLayout: ~Copyable {
    let root: Int32
    let tmp: Int32
    let new: Int32
    /// tmp/ and new/ are setgid: other users deliver here, so messages are 0640 in that group.
    let isShared: Bool

    deinit {
        close(root); close(tmp); close(new)
    }

    /// Opens `path`, creating a missing outbox (mode 0700) with tmp/ new/ cur/ when `create`.
    static func open(_ path: String, create: Bool) throws(OutboxError) -> MaildirLayout {
        let root = try SafeDirectory.open(at: AT_FDCWD, path, display: path, create: create, parents: true)
        var tmp: Int32 = -1
        do throws(OutboxError) {
            tmp = try SafeDirectory.open(at: root, "tmp", display: Path.join(path, "tmp"), create: create)
            let new = try SafeDirectory.open(at: root, "new", display: Path.join(path, "new"), create: create)
            if create, case .failure(let error) = FileStatus.of("cur", in: root), error.code == ENOENT {
                mkdirat(root, "cur", 0o700)
            }
            do throws(OutboxError) {
                let shared = try SharedMode.check(tmp: tmp, new: new, path: path)
                try checkOwnership(root: root, tmp: tmp, new: new, path: path, shared: shared)
                return MaildirLayout(root: root, tmp: tmp, new: new, isShared: shared)
            } catch {
                close(new)
                throw error
            }
        } catch {
            if tmp >= 0 { close(tmp) }
            close(root)
            throw error
        }
    }

    /// Every directory of the Maildir (the root, tmp/, new/ and cur/ when it exists) belongs to
    /// the outbox's owner: yourself for a private outbox; for a shared one, the account that
    /// ran `folio outbox init --shared`, which owns the root (its 0710 lets only the owner list it).
    private static func checkOwnership(root: Int32, tmp: Int32, new: Int32, path: String,
                                       shared: Bool) throws(OutboxError) {
        guard let rootInfo = FileStatus.of(root), let tmpInfo = FileStatus.of(tmp), let newInfo = FileStatus.of(new) else {
            throw OutboxError.system(errno, "inspect", path: path)
        }
        let owner = shared ? rootInfo.st_uid : geteuid()
        let fix = shared ? "as \(SafeDirectory.userName(owner)) run folio outbox init --shared --group GROUP \(path)"
                         : "make it yours (chown) or use another outbox"
        try SafeDirectory.requireOwner(rootInfo, owner: owner, display: path, fix: fix)
        try SafeDirectory.requireOwner(tmpInfo, owner: owner, display: Path.join(path, "tmp"), fix: fix)
        try SafeDirectory.requireOwner(newInfo, owner: owner, display: Path.join(path, "new"), fix: fix)
        // cur/ is where the owner's reader moves messages: the same rules, when it is there.
        let cur = Path.join(path, "cur")
        switch FileStatus.of("cur", in: root) {
        case .failure(let error) where error.code == ENOENT: return
        case .failure(let error): throw OutboxError.system(error.code, "inspect", path: cur)
        case .success(let info):
            if FileStatus.isSymlink(info) {
                throw OutboxError.unsafe("refusing a symlink: folio writes only into real directories", path: cur)
            }
            guard FileStatus.isDirectory(info) else { throw OutboxError.unsafe("not a directory", path: cur) }
            if info.st_mode & S_IWOTH != 0 {
                throw OutboxError.unsafe("writable by others: anyone could delete or replace messages; "
                                         + "run chmod o-w \(cur) (or folio outbox init)", path: cur)
            }
            try SafeDirectory.requireOwner(info, owner: owner, display: cur, fix: fix)
        }
    }

    private init(root: Int32, tmp: Int32, new: Int32, isShared: Bool) {
        self.root = root; self.tmp = tmp; self.new = new; self.isShared = isShared
    }
}
