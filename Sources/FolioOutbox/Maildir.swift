import FolioPOSIX
import Glibc

/// A Maildir outbox. `deliver` follows the Maildir protocol: a unique name, a new file in tmp/
/// (O_CREAT|O_EXCL|O_NOFOLLOW, 0600 under umask 077; 0640 in a shared outbox), write, fsync,
/// close, link into new/ (rename where links are unsupported), unlink the tmp name, fsync new/.
/// On any failure nothing stays in new/ and the tmp file is removed.
public struct Maildir: Sendable {
    public let path: String
    public var identity: SystemIdentity
    /// fsync(2) of a message file; tests inject failures.
    var syncFile: @Sendable (Int32) -> Int32 = { fsync($0) }

    public init(path: String, identity: SystemIdentity = SystemIdentity()) {
        self.path = path; self.identity = identity
    }

    /// Validates, builds and delivers one enquiry; returns the id (the file name in new/).
    public func deliver(_ enquiry: Enquiry, to recipient: String, origin: Origin) throws(OutboxError) -> String {
        let message = try MessageBuilder(identity: identity).build(enquiry, to: recipient, origin: origin)
        return try deliver(message: Array(message.text.utf8))
    }

    /// Creates the outbox if missing and checks it, without writing a message.
    public func prepare() throws(OutboxError) {
        _ = try MaildirLayout.open(path, create: true)
    }

    /// Delivers raw message bytes; returns the file name in new/.
    public func deliver(message: [UInt8]) throws(OutboxError) -> String {
        let layout = try MaildirLayout.open(path, create: true)
        var fsyncFailures = 0
        var collisions = 0
        while true {
            let name = uniqueName()
            switch attempt(message, name: name, layout: layout) {
            case .delivered:
                return name
            case .collision where collisions < 3:
                collisions += 1
            case .syncFailed where fsyncFailures == 0:
                // Never fsync the same descriptor again (the kernel may have dropped the dirty
                // pages and would report success): write the message anew from memory, once.
                fsyncFailures += 1
            case .collision:
                throw OutboxError(kind: .system(EEXIST), reason: "could not find a unique file name", path: path)
            case .syncFailed(let error), .failed(let error):
                throw error
            }
        }
    }

    private enum Outcome {
        case delivered, collision
        case syncFailed(OutboxError)
        case failed(OutboxError)
    }

    private func attempt(_ message: [UInt8], name: String, layout: borrowing MaildirLayout) -> Outcome {
        let tmpPath = Path.join(Path.join(path, "tmp"), name)
        let previous = umask(layout.isShared ? 0o027 : 0o077)
        let descriptor = Descriptor.retrying {
            openat(layout.tmp, name, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC,
                   layout.isShared ? 0o640 : 0o600)
        }
        let openError = errno
        umask(previous)
        if descriptor < 0 {
            // EEXIST: the name is taken (perhaps by a planted symlink); pick another.
            return openError == EEXIST ? .collision : .failed(.system(openError, "create", path: tmpPath))
        }
        let tmp = layout.tmp
        let removeTmp = { _ = unlinkat(tmp, name, 0) }
        do throws(SystemError) {
            try Descriptor.writeAll(descriptor, message)
        } catch {
            close(descriptor); removeTmp()
            return .failed(.system(error.code, "write", path: tmpPath))
        }
        if syncFile(descriptor) != 0 {
            let code = errno
            close(descriptor); removeTmp()
            return .syncFailed(.system(code, "fsync", path: tmpPath))
        }
        if close(descriptor) != 0 && errno != EINTR {
            let code = errno
            removeTmp()
            return .syncFailed(.system(code, "close", path: tmpPath))
        }
        let newPath = Path.join(Path.join(path, "new"), name)
        if linkat(layout.tmp, name, layout.new, name, 0) == 0 {
            removeTmp()
        } else {
            let code = errno
            switch code {
            case EEXIST:
                removeTmp()
                return .collision
            case EPERM, EOPNOTSUPP, ENOSYS, EMLINK:
                // File systems without hard links: rename moves it instead.
                if renameat(layout.tmp, name, layout.new, name) != 0 {
                    let renameError = errno
                    removeTmp()
                    return .failed(.system(renameError, "move into new/", path: newPath))
                }
            default:
                removeTmp()
                return .failed(.system(code, "link into new/", path: newPath))
            }
        }
        do throws(SystemError) {
            try Directory.sync(layout.new)
        } catch {
            // Not durable, so not "sent": take it back out of new/ and report.
            unlinkat(layout.new, name, 0)
            return .failed(.system(error.code, "fsync new/", path: newPath))
        }
        return .delivered
    }

    /// time.M<usec>P<pid>R<128 random bits>.<host>, the host with "/" and ":" (and any other
    /// unsafe byte) written as \ooo, as the Maildir convention does.
    func uniqueName() -> String {
        let now = identity.now()
        let micro = String(now.microseconds)
        return "\(now.seconds).M\(String(repeating: "0", count: max(0, 6 - micro.count)) + micro)"
            + "P\(identity.processID)R\(identity.randomHex(words: 2)).\(Self.safeHost(identity.hostName))"
    }

    static func safeHost(_ host: String) -> String {
        var out = ""
        for byte in host.utf8 {
            if byte > 32 && byte < 127 && byte != UInt8(ascii: "/") && byte != UInt8(ascii: ":")
                && byte != UInt8(ascii: "\\") {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                let octal = String(byte, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return out.isEmpty ? "localhost" : out
    }
}
