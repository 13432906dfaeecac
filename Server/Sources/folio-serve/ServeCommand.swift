import ArgumentParser
import Dispatch
import FolioPOSIX
import FolioServe
import FolioSession
import Glibc
import Logging

/// `folio-serve` (what `folio serve` runs): an SSH server whose every session is `folio --kiosk`.
@main
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio serve",
        abstract: "Serve the portfolio over SSH: visitors type `ssh -p PORT host` and need no account.",
        discussion: """
        Each visitor gets a pty with `folio --kiosk` on it (idle, session and enquiry limits \
        apply as under sshd). Authentication: none or any public key (or only the keys in \
        --authorized-keys); passwords are refused and the user name is ignored. Only a \
        terminal session is offered: commands, sftp, scp and all forwarding are refused.

        The host key (ed25519) is created on first start under $XDG_STATE_HOME/folio/ (else \
        ~/.local/state/folio/) with mode 0600; its fingerprint is logged. One line per \
        connection goes to standard error. SIGTERM stops accepting, hangs up every session \
        (drafts are kept) and exits when they have ended, or after 10 s. Run it as an \
        unprivileged user: see docs/DEPLOY.md.

        Settings can also come from the system config file (/etc/folio/folio.conf, or         --config): serve_listen, serve_host_key, serve_authorized_keys, serve_max_sessions,         serve_per_address, content and outbox. A flag wins over the file.
        """
    )

    @Option(help: ArgumentHelp("Address and port to listen on: HOST:PORT, [IPv6]:PORT or PORT (default 0.0.0.0:2222).",
                               valueName: "ADDRESS"))
    var listen: String?

    @Option(name: .customLong("host-key"), help: ArgumentHelp(
        "An existing OpenSSH ed25519 private key (default: created under $XDG_STATE_HOME/folio/).", valueName: "PATH"))
    var hostKey: String?

    @Option(help: ArgumentHelp("Content directory the visitors browse (passed to folio --kiosk).", valueName: "DIR"))
    var content: String?

    @Option(help: ArgumentHelp("Outbox Maildir for the visitors' enquiries (passed to folio --kiosk).", valueName: "DIR"))
    var outbox: String?

    @Option(name: .customLong("max-sessions"), help: "Most visitors at once; more are told the server is full (default 64).")
    var maxSessions: Int?

    @Option(name: .customLong("per-address"), help: "Most visitors at once from one IPv4 address or IPv6 /64 (default 4).")
    var perAddress: Int?

    @Option(name: .customLong("authorized-keys"), help: ArgumentHelp(
        "Let in only these public keys (OpenSSH authorized_keys lines, without options).", valueName: "FILE"))
    var authorizedKeys: String?

    @Option(help: ArgumentHelp("The folio binary visitors run (default: beside folio-serve, then $PATH).",
                               valueName: "PATH"))
    var folio: String?

    @Option(help: ArgumentHelp("The config file to read instead of \(ConfigLoader.systemPath) (which may be absent).",
                               valueName: "FILE"))
    var config: String?

    func validate() throws {
        if let listen, ListenAddress(listen) == nil { throw ValidationError("--listen: \(ListenAddress.expected)") }
        for (flag, value) in [("--max-sessions", maxSessions), ("--per-address", perAddress)] {
            if let value, !SettingBounds.serveSessions.contains(value) { throw ValidationError("\(flag): 1 to 100000") }
        }
    }

    func run() throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger = Logger(label: "folio-serve")
        let environment = ProcessEnvironment.current()
        // The file first, then the flags over it.
        let (file, diagnostics) = ConfigLoader.loadFile(config ?? ConfigLoader.systemPath, required: config != nil)
        for diagnostic in diagnostics {
            let line = "folio serve: \(diagnostic)\n"
            _ = try? Descriptor.writeAll(2, Array(line.utf8))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(78) }
        // --listen was checked by validate(), the file's serve_listen by its parser.
        let address = listen.flatMap { ListenAddress($0) } ?? file.serve.listen ?? .standard
        let hostKey = hostKey ?? file.serve.hostKey
        let authorizedKeys = authorizedKeys ?? file.serve.authorizedKeys
        let content = content ?? file.content
        let outbox = outbox ?? file.outbox
        let maxSessions = maxSessions ?? file.serve.maxSessions ?? 64
        let perAddress = perAddress ?? file.serve.perAddress ?? 4
        guard let folio = folio ?? ProgramPath.find("folio", path: environment["PATH"]) else {
            throw fail("no folio binary beside folio-serve nor in $PATH; name it with --folio")
        }
        guard access(folio, X_OK) == 0 else { throw fail("\(folio): not an executable") }
        let keys = try authorizedKeys.map { path in
            do { return try AuthorizedKeys.read(path) } catch { throw fail("\(error)") }
        }
        let loaded: HostKeyStore.Loaded
        do {
            if let hostKey {
                loaded = try HostKeyStore.load(path: hostKey, create: false)
            } else if let path = HostKeyStore.defaultPath(environment: environment) {
                loaded = try HostKeyStore.load(path: path, create: true)
            } else {
                throw fail("no XDG_STATE_HOME nor HOME for the host key; name one with --host-key")
            }
        } catch let error as HostKeyStore.Failure {
            throw fail("host key: \(error)")
        }
        logger.info("host key \(loaded.path)\(loaded.created ? " (created)" : ""): ED25519 \(loaded.fingerprint)")
        if getuid() == 0 {
            logger.warning("running as root: run folio serve as an unprivileged user (docs/DEPLOY.md)")
        }

        let settings = ServeSettings(host: address.host, port: address.port, folio: folio, content: content,
                                     outbox: outbox, maxSessions: maxSessions, perAddress: perAddress,
                                     authorizedKeys: keys)
        // A visitor who closes early must never kill the server with SIGPIPE; each child gets
        // the default back (VisitorProcess).
        signal(SIGPIPE, SIG_IGN)
        let server = VisitorServer(settings: settings, hostKey: loaded.key, logger: logger)
        let port: Int
        do {
            port = try server.start()
        } catch {
            throw fail("cannot listen on \(address): \(error)")
        }
        logger.info("listening on \(address.host.contains(":") ? "[\(address.host)]" : address.host):\(port); visitors run \(folio) --kiosk")

        // SIGTERM and SIGINT: drain on a queue of their own, then let run() return.
        let stopped = DispatchSemaphore(value: 0)
        let stopQueue = DispatchQueue(label: "folio-serve.stop")
        var sources: [DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: stopQueue)
            source.setEventHandler {
                server.drain()
                stopped.signal()
            }
            source.resume()
            sources.append(source)
        }
        stopped.wait()
        withExtendedLifetime(sources) {}
    }

    private func fail(_ message: String) -> ExitCode {
        let line = "folio serve: \(message)\n"
        _ = try? Descriptor.writeAll(2, Array(line.utf8))
        return ExitCode(78)
    }
}
