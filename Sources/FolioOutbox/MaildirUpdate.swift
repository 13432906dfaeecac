import FolioText
import FolioPOSIX
import Glibc

extension Maildir {
    /// Performs `operation` on the inbox message `id` (an id or a unique start of one) and
    /// returns where it is now. The move is a link to the new name then an unlink of the old
    /// one (a rename where links are unsupported), so at every instant at least one name holds
    /// the file: a crash can leave it under both names, never under none. When another process
    /// (the forwarder, a mail reader) renamed the message meanwhile, the move is computed
    /// again from where it went.
    @discardableResult
    public func apply(_ operation: MessageOperation, to id: String) throws(OutboxError) -> MessageLocation {
        let base = try resolve(id).id
        let layout = try MaildirLayout.open(path, create: false)
        for _ in 0..<Self.moveAttempts {
            guard let current = try locate(base: base, layout: layout) else { break }
            let target = current.applying(operation)
            if target == current { return current }
            switch try move(current, to: target, layout: layout) {
            case .moved: return target
            case .sourceVanished: continue
            }
        }
        throw OutboxError(kind: .invalidArgument, reason: "message \(base.debugDescription) vanished", path: path)
    }

    /// A message that keeps moving under us is given up after this many tries.
    static let moveAttempts = 5

    /// The inbox file whose unique part is `base`, in new/ or cur/.
    func locate(base: String, layout: borrowing MaildirLayout) throws(OutboxError) -> MessageLocation? {
        for folder in ["new", "cur"] {
            guard let directory = try openFolder(folder, layout: layout) else { continue }
            defer { close(directory) }
            if let name = try names(in: directory, folder: folder).first(where: { Self.baseName($0) == base }) {
                return MessageLocation(folder: folder, fileName: name)
            }
        }
        return nil
    }

    private enum MoveOutcome { case moved, sourceVanished }

    private func move(_ source: MessageLocation, to target: MessageLocation,
                      layout: borrowing MaildirLayout) throws(OutboxError) -> MoveOutcome {
        let from = try openFolder(source.folder, layout: layout, create: false)
        defer { close(from) }
        let into: Int32
        if target.mailbox == .inbox {
            into = try openFolder(target.folder, layout: layout, create: true)
        } else {
            into = try openSubfolder(target.mailbox, target.folder, layout: layout)
        }
        defer { close(into) }
        let display = Path.join(Path.join(Path.join(path, target.mailbox.directory), target.folder),
                                      target.fileName)
        if linkat(from, source.fileName, into, target.fileName, 0) == 0 {
            unlinkat(from, source.fileName, 0)
        } else {
            switch errno {
            case ENOENT:
                return .sourceVanished
            case EEXIST:
                // The target name exists: the same message (names are unique) is already there.
                unlinkat(from, source.fileName, 0)
            case EPERM, EOPNOTSUPP, ENOSYS, EMLINK:
                if renameat(from, source.fileName, into, target.fileName) != 0 {
                    if errno == ENOENT { return .sourceVanished }
                    throw OutboxError.system(errno, "rename", path: display)
                }
            case let code:
                throw OutboxError.system(code, "link", path: display)
            }
        }
        do throws(SystemError) { try Directory.sync(into) } catch {
            throw OutboxError.system(error.code, "fsync", path: display)
        }
        try? Directory.sync(from)
        return .moved
    }

    /// A readable descriptor of new/ or cur/ in the outbox; cur/ is created when missing and
    /// `create` is set (an outbox made by hand may lack it).
    private func openFolder(_ folder: String, layout: borrowing MaildirLayout, create: Bool) throws(OutboxError) -> Int32 {
        if create && folder == "cur" {
            close(try SafeDirectory.open(at: layout.root, "cur", display: Path.join(path, "cur"), create: true))
        }
        guard let descriptor = try openFolder(folder, layout: layout) else {
            throw OutboxError(kind: .system(ENOENT), reason: "no such directory", path: Path.join(path, folder))
        }
        return descriptor
    }

    /// `folder` of the sub-Maildir for `mailbox`, created (0700, with tmp/ new/ cur/ and the
    /// empty "maildirfolder" file Maildir++ readers expect) when missing.
    private func openSubfolder(_ mailbox: Mailbox, _ folder: String,
                               layout: borrowing MaildirLayout) throws(OutboxError) -> Int32 {
        let display = Path.join(path, mailbox.directory)
        let sub = try SafeDirectory.open(at: layout.root, mailbox.directory, display: display, create: true)
        defer { close(sub) }
        for part in ["tmp", "new", "cur"] {
            close(try SafeDirectory.open(at: sub, part, display: Path.join(display, part), create: true))
        }
        let marker = openat(sub, "maildirfolder", O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if marker >= 0 { close(marker) }
        let descriptor = Directory.open(folder, in: sub)
        guard descriptor >= 0 else { throw OutboxError.system(errno, "open", path: Path.join(display, folder)) }
        return descriptor
    }
}
