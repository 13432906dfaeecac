import Glibc

/// Hands every inbox message not yet passed (no P flag) to the mail transport, oldest first,
/// and sets P after the transport accepted it (exit 0). Delivery is at least once: a crash
/// between the MTA's acceptance and the rename forwards that message again on the next run.
/// A failed hand-off leaves the message as it was, to be retried on the next run; a failure
/// that says the transport is down (`HandOff.transportDown`) ends the run at once.
public struct Forwarder: Sendable {
    public var maildir: Maildir
    public var command: MailCommand
    public var recipient: String
    public var timeoutMilliseconds: Int
    /// Runs one hand-off; tests put a fake here.
    var transport: @Sendable (_ arguments: [String], _ input: [UInt8], _ timeoutMilliseconds: Int) -> HandOff

    public init(maildir: Maildir, command: MailCommand, recipient: String, timeoutMilliseconds: Int = 60_000) {
        self.maildir = maildir; self.command = command; self.recipient = recipient
        self.timeoutMilliseconds = timeoutMilliseconds
        transport = Forwarder.spawn
    }

    init(maildir: Maildir, command: MailCommand, recipient: String,
         transport: @escaping @Sendable ([String], [UInt8], Int) -> HandOff) {
        self.init(maildir: maildir, command: command, recipient: recipient)
        self.transport = transport
    }

    public struct Report: Sendable {
        public var forwarded: [String] = []
        public var failed: [(id: String, outcome: HandOff)] = []
        /// The run ended early because the transport is down.
        public var stopped = false
        /// Messages still waiting (failed or not tried).
        public var pending = 0
    }

    /// One pass over the inbox. `log` is called after each message, for a log line; the pass
    /// ends early (the rest stay pending) once `shouldStop` says so.
    public func forwardPending(log: (String, HandOff) -> Void = { _, _ in },
                               shouldStop: () -> Bool = { false }) throws(OutboxError) -> Report {
        var report = Report()
        let waiting = try maildir.list().filter { !$0.isForwarded }
        for (index, entry) in waiting.enumerated() {
            if shouldStop() {
                report.pending = waiting.count - index + report.failed.count
                return report
            }
            guard let bytes = try maildir.rawMessage(entry) else { continue }  // moved or removed meanwhile
            let outcome = transport(command.arguments(recipient: recipient), bytes, timeoutMilliseconds)
            log(entry.id, outcome)
            guard outcome == .accepted else {
                report.failed.append((entry.id, outcome))
                if outcome.transportDown {
                    report.stopped = true
                    report.pending = waiting.count - index
                    return report
                }
                continue
            }
            try maildir.apply(.forwarded, to: entry.id)
            report.forwarded.append(entry.id)
        }
        report.pending = report.failed.count
        return report
    }

    /// posix_spawnp; for the standard command, sendmail is also looked for where it usually
    /// lives outside a user's PATH.
    @Sendable static func spawn(_ arguments: [String], _ input: [UInt8], _ timeout: Int) -> HandOff {
        let outcome = ChildProcess.run(arguments, input: input, timeoutMilliseconds: timeout)
        guard case .unavailable = outcome, arguments.first == "sendmail" else { return outcome }
        for path in MailCommand.sendmailFallbacks where access(path, X_OK) == 0 {
            return ChildProcess.run([path] + arguments.dropFirst(), input: input, timeoutMilliseconds: timeout)
        }
        return outcome
    }
}
