import ArgumentParser
import FolioSession

/// `--kiosk`, `--idle-timeout`, `--session-limit`: the session flags of the browser.
struct KioskOptions: ParsableArguments {
    @Flag(help: "Kiosk mode for anonymous visitors: never start another program; idle, session and enquiry limits.")
    var kiosk = false

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp(
        "End the session after this long without input: seconds, or with s/m/h, or off (kiosk default 10m).",
        valueName: "SECONDS"))
    var idleTimeout: String?

    @Option(name: .customLong("session-limit"), help: ArgumentHelp(
        "End the session after this long in any case: seconds, or with s/m/h, or off (kiosk default 1h).",
        valueName: "SECONDS"))
    var sessionLimit: String?

    func validate() throws { _ = try settings(outbox: nil, content: nil) }

    /// This run's flags as the top settings layer over the config files.
    func settings(outbox: String?, content: String?) throws -> SessionSettings {
        switch SessionFlags.settings(kiosk: kiosk, idleTimeout: idleTimeout, sessionLimit: sessionLimit,
                                     outbox: outbox, content: content) {
        case .success(let settings): return settings
        case .failure(let error): throw ValidationError(error.message)
        }
    }

    /// Session.begin, with refusals printed and turned into the exit code.
    func beginSession(outbox: String?, content: String?) throws -> Session {
        switch Session.begin(flags: try settings(outbox: outbox, content: content)) {
        case .refused(let message, let code):
            for line in message.split(separator: "\n") { printError(String(line)) }
            throw ExitCode(code)
        case .ready(let session):
            for warning in session.warnings {
                printError("folio: \(warning)")
            }
            session.applyToProcess()
            return session
        }
    }
}
