import Crypto
import FolioPOSIX
import FolioSession
import Glibc

/// The server's ed25519 host key: read from `--host-key PATH` (an existing OpenSSH key), or
/// kept at `$XDG_STATE_HOME/folio/ssh_host_ed25519_key` (else under ~/.local/state), created
/// there on first start with O_EXCL and mode 0600, so it is the same key after every restart.
public enum HostKeyStore {
    public static let fileName = "ssh_host_ed25519_key"
    /// A key file is a few hundred bytes; anything far larger is not one.
    static let sizeLimit = 16 << 10

    public struct Loaded: Sendable {
        public let key: Curve25519.Signing.PrivateKey
        public let path: String
        public let created: Bool
        public var fingerprint: String { OpenSSHKeyFile.fingerprint(key.publicKey) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The default path for `environment`, nil without XDG_STATE_HOME or HOME.
    public static func defaultPath(environment: [String: String]) -> String? {
        StateDirectory.folio(environment: environment).map { Path.join($0, fileName) }
    }

    /// Reads `path` (`create` false: it must exist), or creates it when it does not exist.
    public static func load(path: String, create: Bool) throws(Failure) -> Loaded {
        if create, let key = try makeIfAbsent(path) {
            return Loaded(key: key, path: path, created: true)
        }
        return Loaded(key: try read(path), path: path, created: false)
    }

    static func read(_ path: String) throws(Failure) -> Curve25519.Signing.PrivateKey {
        let fd = Descriptor.retrying { open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else { throw Failure(description: "\(path): \(SystemError.current)") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw Failure(description: "\(path): \(SystemError.current)") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw Failure(description: "\(path): not a regular file") }
        // As sshd does: a private key others can read is no longer private.
        guard status.st_mode & 0o077 == 0 else {
            throw Failure(description: "\(path): readable by others (mode \(String(status.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        let bytes: [UInt8]
        switch WholeFile.read(descriptor: fd, limit: sizeLimit) {
        case .success(let read): bytes = read
        case .failure(let failure): throw Failure(description: "\(path): \(failure)")
        }
        do {
            return try OpenSSHKeyFile.decode(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
    }

    /// A new key written to `path` with O_EXCL and mode 0600; nil when the file already exists
    /// (another start made it first, or it was there): then it is read like any other.
    static func makeIfAbsent(_ path: String) throws(Failure) -> Curve25519.Signing.PrivateKey? {
        if let parent = Path.parent(path) {
            do { try Directory.makeAll(parent) } catch {
                throw Failure(description: "\(parent): \(error)")
            }
        }
        let fd = Descriptor.retrying { open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        if fd < 0 {
            if errno == EEXIST { return nil }
            throw Failure(description: "\(path): \(SystemError.current)")
        }
        let key = Curve25519.Signing.PrivateKey()
        let text = OpenSSHKeyFile.encode(key, comment: "folio serve host key")
        do {
            try Descriptor.writeAll(fd, Array(text.utf8))
            guard fsync(fd) == 0 else { throw SystemError.current }
            close(fd)
        } catch {
            close(fd)
            unlink(path)   // never leave half a key for the next start to trip on
            throw Failure(description: "\(path): \(error)")
        }
        return key
    }
}
