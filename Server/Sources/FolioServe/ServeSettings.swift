/// What `folio-serve` was told: where to listen and what to run for each visitor.
public struct ServeSettings: Sendable {
    public var host: String
    public var port: Int
    /// The `folio` binary each visitor runs as `folio --kiosk`.
    public var folio: String
    public var content: String?
    public var outbox: String?
    public var maxSessions: Int
    public var perAddress: Int
    public var authorizedKeys: AuthorizedKeys?
    /// From accepting the connection until the visitor's shell starts (or is refused):
    /// key exchange, authentication and the session's requests.
    public var setupSeconds: Int64 = 10
    /// After SIGTERM, how long sessions get to end before the server exits anyway.
    public var drainSeconds: Int64 = 10

    public init(host: String, port: Int, folio: String, content: String?, outbox: String?,
                maxSessions: Int, perAddress: Int, authorizedKeys: AuthorizedKeys?) {
        self.host = host
        self.port = port
        self.folio = folio
        self.content = content
        self.outbox = outbox
        self.maxSessions = maxSessions
        self.perAddress = perAddress
        self.authorizedKeys = authorizedKeys
    }

    /// The visitor's command line: the same binary, as a kiosk.
    var kioskArguments: [String] {
        var arguments = [folio, "--kiosk"]
        if let content { arguments += ["--content", content] }
        if let outbox { arguments += ["--outbox", outbox] }
        return arguments
    }
}

/// `HOST:PORT`, `[IPv6]:PORT`, or a bare port (all IPv4 addresses).
public struct ListenAddress: Sendable, Equatable {
    public let host: String
    public let port: Int

    public init?(_ text: String) {
        var host = "0.0.0.0", portText = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, !portText.isEmpty, portText.count <= 5,
              portText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let port = Int(portText), (0...65_535).contains(port) else { return nil }
        self.host = host
        self.port = port
    }
}
