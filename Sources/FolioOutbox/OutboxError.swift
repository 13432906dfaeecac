import FolioPOSIX
import Glibc

/// Why an enquiry or draft was not saved. `reason` is short and human ("disk full"); the
/// composer shows "Not saved: \(reason)". `isTemporary` says a retry may work once the cause is
/// fixed (full disk, read-only mount, permissions): `folio enquire` exits 75 for those.
public struct OutboxError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The enquiry failed validation; nothing was written.
        case invalidEnquiry([FieldError])
        /// A header value held CR, LF, NUL or another control (header injection), or the
        /// recipient address is not valid.
        case invalidMessage
        /// The outbox (or one of tmp/ new/ cur/) is a symlink, not a directory, or unsafe modes.
        case unsafeOutbox
        /// A bad setting, such as an unknown group for a shared outbox.
        case invalidArgument
        /// A system call failed with this errno.
        case system(Int32)
    }

    public var kind: Kind
    public var reason: String
    /// The file or directory concerned, if any.
    public var path: String?
    public var isTemporary: Bool

    public init(kind: Kind, reason: String, path: String? = nil, isTemporary: Bool = false) {
        self.kind = kind; self.reason = reason; self.path = path; self.isTemporary = isTemporary
    }

    public var description: String {
        path.map { "\(reason) (\($0))" } ?? reason
    }

    static func invalid(_ errors: [FieldError]) -> OutboxError {
        OutboxError(kind: .invalidEnquiry(errors),
                    reason: "invalid input: " + errors.map(\.description).joined(separator: "; "))
    }

    static func unsafe(_ reason: String, path: String) -> OutboxError {
        OutboxError(kind: .unsafeOutbox, reason: reason, path: path)
    }

    /// Maps an errno from `operation` on `path` to a reason a visitor understands.
    static func system(_ code: Int32, _ operation: String, path: String?) -> OutboxError {
        let reason: String
        var temporary = true
        switch code {
        case ENOSPC: reason = "disk full"
        case EDQUOT: reason = "disk quota exceeded"
        case EROFS: reason = "read-only file system"
        case EACCES, EPERM: reason = "permission denied"
        case EIO: reason = "input/output error"
        case EMFILE, ENFILE: reason = "too many open files"
        case ENOMEM: reason = "out of memory"
        case EAGAIN, EINTR, EBUSY: reason = "resource temporarily unavailable"
        default:
            temporary = false
            reason = SystemError.text(code).lowercased()
        }
        return OutboxError(kind: .system(code), reason: "\(reason) (\(operation))", path: path,
                           isTemporary: temporary)
    }
}
