import ArgumentParser
import FolioOutbox
import FolioPOSIX
import FolioSession

struct OutboxForwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forward",
        abstract: "Hand each enquiry not yet forwarded to the system's mail transport (sendmail).",
        discussion: """
        Each message in the outbox without the Maildir P (passed) flag is piped, oldest \
        first and exactly as stored, to `sendmail -oi -- RECIPIENT`, run without a shell. \
        RECIPIENT is --to, else the profile's email; it is always an argument, never read \
        from the message's headers. Another transport is set with --sendmail CMD or \
        forward_command in the config file: CMD is split into words ('…' and "…" quote), \
        and "--" and the recipient are appended.

        When the transport exits 0 the message gets the P flag (moved to cur/ by a rename, \
        so mutt shows it unread but forwarded); otherwise it stays as it was and is tried \
        again on the next run. An exit status of 69, 71, 74 or 75, a signal, a timeout or a \
        transport that cannot be started ends the run: the MTA is unavailable. Delivery is \
        at least once: a crash between the MTA's acceptance and the rename sends that \
        message again on the next run.

        --watch keeps running: a full pass at start, a pass whenever a message arrives \
        (inotify on new/ and cur/), and a full rescan every --rescan seconds, which also \
        retries after a failure. SIGTERM, SIGINT or SIGHUP end it after the current \
        hand-off. Each forwarded message is printed as "forwarded ID" on standard output.

        EXAMPLES
          folio outbox forward
          folio outbox forward --to me@example.org --sendmail 'msmtp -a default'
          folio outbox forward --watch          (see docs/DEPLOY.md for a systemd unit)

        EXIT STATUS
          0   every message forwarded (or nothing to forward; or --watch stopped by a signal)
          64  bad --sendmail command
          73  unsafe outbox (symlink, not a directory, unsafe modes)
          74  input/output error
          75  the mail transport is unavailable or refused a message; those are tried
              again on the next run (EX_TEMPFAIL)
          78  no valid recipient: no --to and no valid email in the profile (EX_CONFIG)

        ENVIRONMENT
          FOLIO_CONFIG, XDG_CONFIG_HOME   where forward_command is read from
          FOLIO_CONTENT                   the portfolio whose profile email is the recipient
          FOLIO_OUTBOX                    outbox directory (--outbox)
        """
    )

    @OptionGroup var outboxOptions: OutboxOptions
    @OptionGroup var content: ContentOptions
    @Option(help: ArgumentHelp("Recipient (default: the profile's email).", valueName: "address")) var to: String?
    @Option(help: ArgumentHelp("Transport command (default: forward_command from the config, else sendmail -oi).",
                               valueName: "cmd"))
    var sendmail: String?
    @Flag(help: "Keep running and forward messages as they arrive.") var watch = false
    @Option(help: ArgumentHelp("Seconds one hand-off may take.", valueName: "seconds")) var timeout = 60
    @Option(help: ArgumentHelp("With --watch: seconds between full rescans.", valueName: "seconds")) var rescan = 300

    func validate() throws {
        guard (1...3_600).contains(timeout) else { throw ValidationError("--timeout must be 1 to 3600 seconds") }
        guard (1...86_400).contains(rescan) else { throw ValidationError("--rescan must be 1 to 86400 seconds") }
    }

    func run() throws {
        let (settings, diagnostics) = ConfigLoader.load(environment: ProcessEnvironment.current())
        for diagnostic in diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
        let text = sendmail ?? settings.forwardCommand
        let command = text.map { MailCommand(parsing: $0) } ?? .standard
        guard let command else { PlainOutput.fail("outbox forward", "cannot use --sendmail \(plainLine(text ?? "").debugDescription)") }
        let recipient = to ?? content.load().profile.email
        guard EmailAddress.isValid(recipient) else {
            Console.error("folio outbox forward: no valid recipient (\(plainLine(recipient).debugDescription)); "
                + "set email: in the profile or pass --to")
            throw ExitCode(ExitStatus.configuration)
        }
        let forwarder = Forwarder(maildir: Maildir(path: outboxOptions.path), command: command, recipient: recipient,
                                  timeoutMilliseconds: timeout * 1_000)
        let log = { (id: String, outcome: HandOff) in
            if outcome == .accepted {
                Console.out("forwarded \(id)")
            } else {
                Console.error("folio outbox forward: \(id) not forwarded: \(command.words[0]): \(outcome)")
            }
        }
        if watch {
            try runOutbox("outbox forward") { () throws(OutboxError) in
                try ForwardLoop(forwarder: forwarder, rescanMilliseconds: rescan * 1_000)
                    .run(log: log, problem: { Console.error("folio outbox forward: \($0)") })
            }
            return
        }
        let report = try runOutbox("outbox forward") { () throws(OutboxError) in
            return try forwarder.forwardPending(log: log)
        }
        if report.pending > 0 {
            Console.error("folio outbox forward: \(counted(report.pending, "message")) left for the next run"
                + (report.stopped ? "; the mail transport is unavailable" : ""))
            throw ExitCode(ExitStatus.temporary)
        }
    }
}
