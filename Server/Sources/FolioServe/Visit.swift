import NIOCore

/// One TCP connection, from accept to close: what the log line says about it, and the deadline
/// for reaching a running session. Lives on the connection's event loop.
final class Visit {
    let clientAddress: String
    let clientPort: Int
    let serverAddress: String
    let serverPort: Int
    let started = NIODeadline.now()
    /// Set by the limiter: the line this connection is told instead of getting a session.
    let refusal: String?
    /// What became of it, for the log line; the first outcome set is kept.
    private(set) var outcome = "closed before a session"
    private var outcomeSet = false
    var deadline: Scheduled<Void>?
    var deadlineSeconds: Int64 = 0
    var sessionOpened = false
    var authenticated = false
    /// Set once a session exists: how to end it gracefully (SIGTERM's goodbye).
    var hangUp: (() -> Void)?
    /// The TCP connection, to close one that has no session yet.
    weak var connection: Channel?

    func close() { connection?.close(promise: nil) }

    init(clientAddress: String, clientPort: Int, serverAddress: String, serverPort: Int, refusal: String?) {
        self.clientAddress = clientAddress
        self.clientPort = clientPort
        self.serverAddress = serverAddress
        self.serverPort = serverPort
        self.refusal = refusal
    }

    /// The value sshd gives `SSH_CONNECTION`, which folio's kiosk parses for the enquiry rate
    /// limit and the X-Folio-Origin header.
    var sshConnection: String { "\(clientAddress) \(clientPort) \(serverAddress) \(serverPort)" }

    func record(_ outcome: String) {
        guard !outcomeSet else { return }
        outcomeSet = true
        self.outcome = outcome
    }

    /// The session is set up (its shell runs, or it was told why not): the set-up deadline is off.
    func setUpDone() {
        deadline?.cancel()
        deadline = nil
    }

    /// `client 203.0.113.9:51234 lasted 12.3 s: exit status 0`.
    var logLine: String {
        let tenths = (NIODeadline.now() - started).nanoseconds / 100_000_000
        let address = clientAddress.contains(":") ? "[\(clientAddress)]" : clientAddress
        return "client \(address):\(clientPort) lasted \(tenths / 10).\(tenths % 10) s: \(outcome)"
    }
}
