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
        let root = try openChecked(AT_FDCWD, path, display: path, create: create, parents: true)
        var tmp: Int32 = -1
        do throws(OutboxError) {
            tmp = try openChecked(root, "tmp", display: FileSystem.join(path, "tmp"), create: create)
            let new = try openChecked(root, "new", display: FileSystem.join(path, "new"), create: create)
            if create, case (nil, ENOENT) = FileSystem.status(at: root, "cur") { mkdirat(root, "cur", 0o700) }
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

    /// lstat for a clear message, then open without following, then check what was opened.
    private static func openChecked(_ parent: Int32, _ name: String, display: String, create: Bool,
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
            throw OutboxError.unsafe("refusing a symlink: the outbox and its tmp/ and new/ must be real directories",
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
