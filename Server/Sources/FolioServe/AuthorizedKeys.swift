import FolioPOSIX
import NIOSSH

/// `--authorized-keys FILE`: the public keys allowed in, one per line as in OpenSSH's
/// authorized_keys (`type base64 [comment]`; blank lines and `#` comments skipped). Options
/// before the key type are not supported and make the line an error, so a restriction the
/// owner meant is never silently dropped.
public struct AuthorizedKeys: Sendable {
    public let keys: Set<NIOSSHPublicKey>
    static let sizeLimit = 1 << 20

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init(keys: Set<NIOSSHPublicKey>) { self.keys = keys }

    public static func read(_ path: String) throws(Failure) -> AuthorizedKeys {
        switch WholeFile.read(path, limit: sizeLimit) {
        case .success(let bytes): return try parse(String(decoding: bytes, as: UTF8.self), path: path)
        case .failure(let failure): throw Failure(description: "\(path): \(failure)")
        }
    }

    public static func parse(_ text: String, path: String) throws(Failure) -> AuthorizedKeys {
        var keys = Set<NIOSSHPublicKey>()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            guard fields.count >= 2,
                  let key = try? NIOSSHPublicKey(openSSHPublicKey: "\(fields[0]) \(fields[1])") else {
                throw Failure(description: "\(path):\(index + 1): not a public key (type base64 [comment])")
            }
            keys.insert(key)
        }
        return AuthorizedKeys(keys: keys)
    }
}
