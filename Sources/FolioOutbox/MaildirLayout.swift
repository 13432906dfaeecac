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

    private init(root: Int32, tmp: Int32, new: Int32, isShared: Bool) {
        self.root = root; self.tmp = tmp; self.new = new; self.isShared = isShared
    }
}
