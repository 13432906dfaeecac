import FolioPOSIX
import Glibc

/// What reading a draft found.
public enum DraftLoad: Sendable, Hashable {
    case none
    /// The draft and when it was saved (seconds since the epoch) if recorded.
    case draft(Enquiry, savedAt: Int?)
    /// The file is there but unreadable; `discard()` clears it.
    case corrupt(reason: String)
}

/// The composer's draft, one file per name in the drafts directory, saved atomically: written
/// to a temp file in the same directory, fsynced, renamed over the draft, directory fsynced.
/// A crash leaves the old draft or the new one, never a mix.
///
/// Format (UTF-8, LF):
///     folio-draft 1
///     name: Ada Lovelace
///     email: ada@example.org
///     company: ACME              (absent when there is no company)
///     subject: Engine review
///     saved: 1739440800
///     length: 27                 (bytes of message after the blank line)
///
///     <message, exactly `length` bytes>
/// Header values escape "\" as "\\", LF as "\n", CR as "\r", other controls as "\xHH".
/// Unknown header lines are ignored, so later versions can add fields.
public struct DraftStore: Sendable {
    public let directory: String
    public let name: String
    public var identity: SystemIdentity

    public init(directory: String = OutboxPaths.drafts(), name: String = "enquiry",
                identity: SystemIdentity = SystemIdentity()) {
        self.directory = directory; self.name = name; self.identity = identity
    }

    public var path: String { Path.join(directory, fileName) }
    var fileName: String { name + ".draft" }
    static let readLimit = 32 * 1024 * 1024

    public func save(_ enquiry: Enquiry) throws(OutboxError) {
        let parent = try SafeDirectory.open(at: AT_FDCWD, directory, display: directory, create: true, parents: true)
        defer { close(parent) }
        let bytes = DraftFormat.encode(enquiry, savedAt: identity.now().seconds)
        let temp = ".\(name).\(identity.processID).\(identity.randomHex()).tmp"
        let previous = umask(0o077)
        let descriptor = Descriptor.retrying {
            openat(parent, temp, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o600)
        }
        let openError = errno
        umask(previous)
        guard descriptor >= 0 else { throw OutboxError.system(openError, "create draft", path: directory) }
        var failure: OutboxError?
        do throws(SystemError) {
            try Descriptor.writeAll(descriptor, bytes)
        } catch {
            failure = .system(error.code, "write draft", path: path)
        }
        if failure == nil && fsync(descriptor) != 0 {
            failure = .system(errno, "fsync draft", path: path)
        }
        if close(descriptor) != 0 && failure == nil && errno != EINTR {
            failure = .system(errno, "close draft", path: path)
        }
        if failure == nil && renameat(parent, temp, parent, fileName) != 0 {
            failure = .system(errno, "rename draft", path: path)
        }
        if let failure {
            unlinkat(parent, temp, 0)
            throw failure
        }
        do throws(SystemError) {
            try Directory.sync(parent)
        } catch {
            throw OutboxError.system(error.code, "fsync drafts directory", path: directory)
        }
        removeStaleTemporaries(in: parent)
    }

    /// Temp files of this draft left by a process that died mid-save (its pid is gone).
    private func removeStaleTemporaries(in parent: Int32) {
        let listing = openat(parent, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard listing >= 0, let handle = fdopendir(listing) else { return }
        defer { closedir(handle) }
        let prefix = ".\(name)."
        for file in Directory.names(handle) {
            guard file.hasPrefix(prefix), file.hasSuffix(".tmp"),
                  let pid = Int32(file.dropFirst(prefix.count).prefix { $0 != "." }),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlinkat(parent, file, 0)
        }
    }

    /// The draft, or nil when there is none or it is unreadable (see `read()` for why).
    public func load() -> Enquiry? {
        if case .draft(let enquiry, _) = read() { return enquiry }
        return nil
    }

    public func read() -> DraftLoad {
        switch WholeFile.read(path, limit: Self.readLimit, followSymlinks: false) {
        case .success(let bytes): return DraftFormat.decode(bytes)
        case .failure(.missing): return .none
        case .failure(.system(let error)) where error.code == ELOOP: return .corrupt(reason: "the draft is a symlink")
        case .failure(.system(let error)): return .corrupt(reason: OutboxError.system(error.code, "open", path: nil).reason)
        case .failure(.directory), .failure(.notRegular): return .corrupt(reason: "the draft is not a regular file")
        case .failure(.tooLarge): return .corrupt(reason: "the draft is larger than \(Self.readLimit) bytes")
        }
    }

    /// Removes the draft (after sending, or when the visitor declines to resume it).
    public func discard() {
        unlink(path)
    }
}
