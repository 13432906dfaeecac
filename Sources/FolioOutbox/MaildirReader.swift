import FolioText
import FolioPOSIX
import Glibc

/// One stored enquiry as `folio outbox list` shows it. Every string has passed
/// `Sanitiser.cleanLine`: a shared outbox holds files other accounts wrote.
public struct OutboxEntry: Sendable, Hashable {
    /// The file name without the ":2,flags" suffix a mail reader adds in cur/.
    public var id: String
    /// "new" (not yet touched by a mail reader) or "cur".
    public var folder: String
    /// The file name as found (with ":2,FLAGS" in cur/).
    public var fileName: String
    /// Seconds since the epoch: the name's time part, else the file's mtime.
    public var time: Int
    public var date: String
    public var from: String
    public var subject: String
    public var company: String?
    public var size: Int

    public init(id: String, folder: String, fileName: String, time: Int, date: String, from: String, subject: String,
                company: String? = nil, size: Int = 0) {
        self.id = id; self.folder = folder; self.fileName = fileName; self.time = time; self.date = date
        self.from = from; self.subject = subject; self.company = company; self.size = size
    }

    public var location: MessageLocation { MessageLocation(folder: folder, fileName: fileName) }
    public var flags: Set<MaildirFlag> { location.name.flags }
    /// Not seen by the owner: in new/, or in cur/ without the S flag.
    public var isUnread: Bool { location.isUnread }
    /// Handed to the MTA (the P flag).
    public var isForwarded: Bool { location.isForwarded }
}

/// One stored enquiry in full for `folio outbox show`; sanitised like `OutboxEntry`.
public struct OutboxMessage: Sendable {
    public var entry: OutboxEntry
    /// Decoded header fields in file order, each value on one line.
    public var headers: [(name: String, value: String)]
    /// The decoded body; newlines and tabs kept, every other control made visible.
    public var body: String
}

extension Maildir {
    /// Messages in new/ and cur/, oldest first. An outbox that does not exist yet holds no
    /// messages (and is not created); one that exists must pass the same checks as for writing
    /// (no symlinks); a missing cur/ is fine.
    public func list() throws(OutboxError) -> [OutboxEntry] {
        if case .failure(let error) = FileStatus.of(path), error.code == ENOENT { return [] }
        let layout = try MaildirLayout.open(path, create: false)
        var entries: [OutboxEntry] = []
        for folder in ["new", "cur"] {
            guard let directory = try openFolder(folder, layout: layout) else { continue }
            defer { close(directory) }
            for name in try names(in: directory, folder: folder) {
                if let (entry, _) = read(name, in: directory, folder: folder, limit: Self.headerReadLimit) {
                    entries.append(entry)
                }
            }
        }
        return entries.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
    }

    /// The inbox message whose id is `id` or starts with it (a unique prefix).
    public func resolve(_ id: String) throws(OutboxError) -> OutboxEntry {
        let candidates = try list().filter { $0.id.hasPrefix(id) }
        guard !id.isEmpty, !id.containsBytes("/"), let entry = candidates.first else {
            throw OutboxError(kind: .invalidArgument, reason: "no message \(Sanitiser.cleanLine(id).debugDescription)",
                              path: path)
        }
        if candidates.count > 1, !candidates.contains(where: { $0.id == id }) {
            throw OutboxError(kind: .invalidArgument,
                              reason: "\(candidates.count) messages start with \(id.debugDescription); give more of the id")
        }
        return candidates.first { $0.id == id } ?? entry
    }

    /// The message whose id is `id` or starts with it (a unique prefix), decoded and sanitised.
    public func show(_ id: String) throws(OutboxError) -> OutboxMessage {
        let exact = try resolve(id)
        let layout = try MaildirLayout.open(path, create: false)
        guard let directory = try openFolder(exact.folder, layout: layout) else {
            throw OutboxError(kind: .invalidArgument, reason: "message vanished", path: path)
        }
        defer { close(directory) }
        let name = try names(in: directory, folder: exact.folder).first { Self.baseName($0) == exact.id } ?? exact.fileName
        guard let (found, parsed) = read(name, in: directory, folder: exact.folder, limit: Self.messageReadLimit) else {
            throw OutboxError(kind: .invalidArgument, reason: "cannot read message \(exact.id)", path: path)
        }
        return OutboxMessage(entry: found,
                             headers: parsed.headers.map { (Sanitiser.cleanLine($0.name), Sanitiser.cleanLine($0.value)) },
                             body: Sanitiser.clean(parsed.body))
    }

    static let headerReadLimit = 64 * 1024
    /// Far above the largest enquiry (64 KiB quoted-printable is at most about 200 KiB).
    public static let messageReadLimit = 1024 * 1024

    static func baseName(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[..<$0]) } ?? name
    }

    /// The bytes of one inbox message as stored, for handing to the MTA; nil when it is gone
    /// or is not a regular file.
    public func rawMessage(_ entry: OutboxEntry, limit: Int = Self.messageReadLimit) throws(OutboxError) -> [UInt8]? {
        let layout = try MaildirLayout.open(path, create: false)
        guard let directory = try openFolder(entry.folder, layout: layout) else { return nil }
        defer { close(directory) }
        let descriptor = openat(directory, entry.fileName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let info = FileStatus.of(descriptor), FileStatus.isRegular(info) else { return nil }
        return try? Descriptor.read(descriptor, upTo: limit)
    }

    func openFolder(_ folder: String, layout: borrowing MaildirLayout) throws(OutboxError) -> Int32? {
        let descriptor = Descriptor.retrying {
            openat(layout.root, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        if descriptor >= 0 { return descriptor }
        if errno == ENOENT && folder == "cur" { return nil }
        throw OutboxError.system(errno, "open", path: Path.join(path, folder))
    }

    func names(in directory: Int32, folder: String) throws(OutboxError) -> [String] {
        // fdopendir takes over its descriptor: give it a duplicate.
        guard let handle = fdopendir(dup(directory)) else {
            throw OutboxError.system(errno, "list", path: Path.join(path, folder))
        }
        defer { closedir(handle) }
        return Directory.names(handle).filter { !$0.hasPrefix(".") }
    }

    /// Reads a regular file without following links or blocking on a planted FIFO.
    private func read(_ name: String, in directory: Int32, folder: String, limit: Int)
        -> (OutboxEntry, ParsedMessage)? {
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let info = FileStatus.of(descriptor), FileStatus.isRegular(info) else { return nil }
        guard let bytes = try? Descriptor.read(descriptor, upTo: limit) else { return nil }
        let parsed = ParsedMessage(bytes)
        let id = Self.baseName(name)
        let time = Int(id.prefix { $0.isASCII && $0.isNumber }) ?? Int(info.st_mtim.tv_sec)
        let line = { (field: String) in parsed.header(field).map(Sanitiser.cleanLine) }
        let entry = OutboxEntry(id: Sanitiser.cleanLine(id), folder: folder, fileName: name, time: time, date: line("Date") ?? "",
                                from: line("From") ?? "", subject: line("Subject") ?? "",
                                company: line("X-Folio-Company"), size: Int(info.st_size))
        return (entry, parsed)
    }
}
