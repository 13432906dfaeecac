import Crypto
import Foundation

/// An unencrypted ed25519 key in OpenSSH's private key format (`ssh-keygen -t ed25519 -N ''`,
/// "-----BEGIN OPENSSH PRIVATE KEY-----", the `openssh-key-v1` layout of OpenSSH's PROTOCOL.key).
/// Only the framing is handled here: the key itself is swift-crypto's.
public enum OpenSSHKeyFile {
    public static let keyType = "ssh-ed25519"
    static let magic = Array("openssh-key-v1\0".utf8)
    static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let end = "-----END OPENSSH PRIVATE KEY-----"

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notOpenSSH
        case encrypted
        case notEd25519(String)
        case malformed(String)

        public var description: String {
            switch self {
            case .notOpenSSH: "not an OpenSSH private key (-----BEGIN OPENSSH PRIVATE KEY-----)"
            case .encrypted: "the key has a passphrase; remove it with ssh-keygen -p -N ''"
            case .notEd25519(let type): "a \(type) key; folio serve needs an ed25519 key (ssh-keygen -t ed25519)"
            case .malformed(let reason): "malformed key file: \(reason)"
            }
        }
    }

    /// The key in `text`.
    public static func decode(_ text: String) throws(Failure) -> Curve25519.Signing.PrivateKey {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: begin), let last = lines.lastIndex(of: end), first < last
        else { throw .notOpenSSH }
        guard let data = Data(base64Encoded: lines[(first + 1)..<last].joined()) else {
            throw .malformed("bad base64")
        }
        var reader = WireReader(Array(data))
        guard reader.take(magic.count) == magic else { throw .notOpenSSH }
        let cipher = try reader.text(), kdf = try reader.text()
        _ = try reader.string()   // kdf options
        guard cipher == "none", kdf == "none" else { throw .encrypted }
        guard try reader.uint32() == 1 else { throw .malformed("expected exactly one key") }
        var publicBlob = WireReader(try reader.string())
        let publicType = try publicBlob.text()
        guard publicType == keyType else { throw .notEd25519(publicType) }
        let publicKey = try publicBlob.string()
        var secret = WireReader(try reader.string())
        guard try secret.uint32() == (try secret.uint32()) else { throw .malformed("check numbers differ") }
        guard try secret.text() == keyType, try secret.string() == publicKey else {
            throw .malformed("public and private parts differ")
        }
        let pair = try secret.string()
        guard pair.count == 64, publicKey.count == 32 else { throw .malformed("wrong key length") }
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: pair[0..<32]),
              Array(key.publicKey.rawRepresentation) == publicKey
        else { throw .malformed("the private key does not match its public key") }
        return key
    }

    /// `key` in the same format, as ssh-keygen writes it (check numbers random, padding 1, 2, 3…).
    public static func encode(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let publicKey = Array(key.publicKey.rawRepresentation)
        let check = UInt32.random(in: .min ... .max)
        var secret = WireWriter()
        secret.uint32(check)
        secret.uint32(check)
        secret.string(Array(keyType.utf8))
        secret.string(publicKey)
        secret.string(Array(key.rawRepresentation) + publicKey)
        secret.string(Array(comment.utf8))
        var pad: UInt8 = 1
        while secret.bytes.count % 8 != 0 { secret.bytes.append(pad); pad += 1 }

        var file = WireWriter()
        file.bytes = magic
        file.string(Array("none".utf8))
        file.string(Array("none".utf8))
        file.string([])
        file.uint32(1)
        file.string(publicBlob(key.publicKey))
        file.string(secret.bytes)
        let base64 = Data(file.bytes).base64EncodedString()
        var lines = [begin]
        var index = base64.startIndex
        while index < base64.endIndex {
            let next = base64.index(index, offsetBy: 70, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<next]))
            index = next
        }
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The public key as SSH puts it on the wire (and in authorized_keys, base64-encoded).
    public static func publicBlob(_ key: Curve25519.Signing.PublicKey) -> [UInt8] {
        var blob = WireWriter()
        blob.string(Array(keyType.utf8))
        blob.string(Array(key.rawRepresentation))
        return blob.bytes
    }

    /// `SHA256:…`, as `ssh-keygen -l` and ssh's host key prompt print it.
    public static func fingerprint(_ key: Curve25519.Signing.PublicKey) -> String {
        let digest = Data(SHA256.hash(data: publicBlob(key))).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }
}

/// SSH wire primitives (RFC 4251 §5): big-endian uint32, length-prefixed strings.
struct WireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func uint32() throws(OpenSSHKeyFile.Failure) -> UInt32 {
        guard let four = take(4) else { throw .malformed("truncated") }
        return four.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func string() throws(OpenSSHKeyFile.Failure) -> [UInt8] {
        let length = try uint32()
        guard let value = take(Int(length)) else { throw .malformed("truncated") }
        return value
    }

    mutating func text() throws(OpenSSHKeyFile.Failure) -> String {
        String(decoding: try string(), as: UTF8.self)
    }
}

struct WireWriter {
    var bytes: [UInt8] = []

    mutating func uint32(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    mutating func string(_ value: [UInt8]) {
        uint32(UInt32(value.count))
        bytes += value
    }
}
