/// Where an ssh session comes from, parsed from `SSH_CONNECTION`
/// ("client_address client_port server_address server_port", set by sshd). The one parser:
/// its result keys the enquiry rate limit and fills the X-Folio-Origin header.
public struct SSHConnection: Sendable, Hashable {
    /// In canonical form (`inet_ntop`), IPv4-mapped IPv6 reduced to IPv4.
    public var clientAddress: String
    public var clientPort: Int
    public var serverAddress: String
    public var serverPort: Int
    /// The unit enquiries are counted per: the IPv4 address, or the /64 an IPv6 address is in,
    /// since one IPv6 subscriber usually holds a whole /64 and could rotate through it.
    public let rateLimitKey: String

    /// Exactly four fields separated by single spaces; both addresses must pass inet_pton
    /// (IPv4 or IPv6, no zone suffix) and both ports must be 1–65535 in plain digits.
    /// Anything else is nil: nothing a client can set reaches a header or a key unchecked.
    public init?(_ value: String) {
        let fields = value.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 4,
              let client = IPAddress(String(fields[0])), let server = IPAddress(String(fields[2])),
              let clientPort = Self.port(fields[1]), let serverPort = Self.port(fields[3]) else { return nil }
        self.clientAddress = client.text
        self.clientPort = clientPort
        self.serverAddress = server.text
        self.serverPort = serverPort
        self.rateLimitKey = client.rateLimitKey
    }

    /// `SSH_CONNECTION` from an environment snapshot; nil when absent or malformed.
    public init?(environment: [String: String]) {
        guard let value = environment["SSH_CONNECTION"] else { return nil }
        self.init(value)
    }

    private static func port(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let n = Int(text), (1...65_535).contains(n) else { return nil }
        return n
    }
}
