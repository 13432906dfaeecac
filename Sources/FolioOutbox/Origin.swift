import Glibc

/// Where a session came from: the client of SSH_CONNECTION ("client-ip client-port server-ip
/// server-port"), or nothing for a local session. Kiosk rate limits key on `clientAddress`.
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

    /// Reads SSH_CONNECTION from `environment`; a malformed value counts as absent, so nothing a
    /// client can set reaches a header unchecked.
    public static func from(environment: [String: String], user: String? = Origin.currentUser()) -> Origin {
        var origin = Origin(user: user)
        let parts = (environment["SSH_CONNECTION"] ?? "").split(separator: " ").map(String.init)
        guard parts.count == 4, isAddress(parts[0]), isAddress(parts[2]),
              let clientPort = Int(parts[1]), let serverPort = Int(parts[3]),
              (0...65535).contains(clientPort), (0...65535).contains(serverPort) else { return origin }
        origin.clientAddress = parts[0]; origin.clientPort = clientPort
        origin.serverAddress = parts[2]; origin.serverPort = serverPort
        return origin
    }

    public static func current() -> Origin { from(environment: OutboxEnvironment.current()) }

    public static func currentUser() -> String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        let user = String(cString: name)
        return user.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) ? user : nil
    }

    /// IPv4 or IPv6 text (hex digits, dots, colons, an optional %zone): at most 64 octets.
    static func isAddress(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "%")
        }
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

/// The process environment without Foundation. Internal: FolioSession has the public one
/// (FolioOutbox sits below it), and two public types of one name would clash in the app.
@usableFromInline
enum OutboxEnvironment {
    @usableFromInline
    static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "="), result[String(pair[..<equals])] == nil {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
