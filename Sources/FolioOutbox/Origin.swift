import FolioPOSIX

/// Where a session came from: the client of SSH_CONNECTION ("client-ip client-port server-ip
/// server-port"), or nothing for a local session. Built from the same `SSHConnection` whose
/// `rateLimitKey` the kiosk rate limit counts by.
public struct Origin: Sendable, Hashable {
    public var clientAddress: String?
    public var clientPort: Int?
    public var serverAddress: String?
    public var serverPort: Int?
    /// The local account running folio (useful on a shared outbox).
    public var user: String?

    public init(clientAddress: String? = nil, clientPort: Int? = nil, serverAddress: String? = nil,
                serverPort: Int? = nil, user: String? = nil) {
        self.clientAddress = clientAddress; self.clientPort = clientPort
        self.serverAddress = serverAddress; self.serverPort = serverPort; self.user = user
    }

    /// The origin of a session: its parsed SSH_CONNECTION (nil for a local session, or one whose
    /// value was malformed) and the account folio runs as. The caller passes both in; nothing
    /// here reads the environment.
    public init(connection: SSHConnection?, user: String?) {
        self.init(clientAddress: connection?.clientAddress, clientPort: connection?.clientPort,
                  serverAddress: connection?.serverAddress, serverPort: connection?.serverPort, user: user)
    }

    /// X-Folio-Origin: "ssh 203.0.113.9 port 52144", or "local".
    var originHeader: String {
        guard let client = clientAddress, let port = clientPort else { return "local" }
        return "ssh \(client) port \(port)"
    }

    /// X-Folio-Session: "server 10.0.0.1 port 22; user visitor; pid 4242".
    func sessionHeader(processID: Int32) -> String {
        var parts: [String] = []
        if let server = serverAddress, let port = serverPort { parts.append("server \(server) port \(port)") }
        if let user { parts.append("user \(user)") }
        parts.append("pid \(processID)")
        return parts.joined(separator: "; ")
    }
}
