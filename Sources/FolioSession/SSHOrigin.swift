import Glibc

/// Where an ssh session comes from, parsed from `SSH_CONNECTION`
/// ("client_address client_port server_address server_port", set by sshd).
public struct SSHOrigin: Sendable, Hashable {
    /// In canonical form (`inet_ntop`), IPv4-mapped IPv6 reduced to IPv4.
    public var clientAddress: String
    public var clientPort: Int
    public var serverAddress: String
    public var serverPort: Int
    /// The unit enquiries are counted per: the IPv4 address, or the /64 an IPv6 address is in,
    /// since one IPv6 subscriber usually holds a whole /64 and could rotate through it.
    public let rateLimitKey: String

    public init?(sshConnection: String) {
        let fields = sshConnection.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 4,
              let client = IPAddress(String(fields[0])), let server = IPAddress(String(fields[2])),
              let clientPort = Self.port(fields[1]), let serverPort = Self.port(fields[3]) else { return nil }
        self.clientAddress = client.text
        self.clientPort = clientPort
        self.serverAddress = server.text
        self.serverPort = serverPort
        self.rateLimitKey = client.rateLimitKey
    }

    private static func port(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0 >= "0" && $0 <= "9" }),
              let n = Int(text), (1...65_535).contains(n) else { return nil }
        return n
    }
}

/// An IPv4 or IPv6 address, validated and printed by the C library so every spelling of
/// one address ("::1", "0:0::1") becomes one key.
struct IPAddress {
    let text: String
    let rateLimitKey: String

    init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 45 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self.text = Self.format(AF_INET, &v4)
            self.rateLimitKey = self.text
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        var bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            var mapped = in_addr()
            withUnsafeMutableBytes(of: &mapped) { $0.copyBytes(from: bytes[12..<16]) }
            self.text = Self.format(AF_INET, &mapped)
            self.rateLimitKey = self.text
            return
        }
        self.text = Self.format(AF_INET6, &v6)
        for i in 8..<16 { bytes[i] = 0 }
        var prefix = in6_addr()
        withUnsafeMutableBytes(of: &prefix) { $0.copyBytes(from: bytes) }
        self.rateLimitKey = Self.format(AF_INET6, &prefix) + "/64"
    }

    private static func format<T>(_ family: Int32, _ address: inout T) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let ok = buffer.withUnsafeMutableBufferPointer { out in
            withUnsafePointer(to: &address) { inet_ntop(family, $0, out.baseAddress, socklen_t(out.count)) }
        } != nil
        return ok ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    }
}
