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
