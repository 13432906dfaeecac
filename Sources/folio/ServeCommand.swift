import ArgumentParser
import FolioPOSIX
import Glibc

/// `folio serve …`: runs `folio-serve` (its own executable, so this binary carries no SSH,
/// crypto or networking code), found beside folio or on $PATH, telling it to start this folio
/// as each visitor's kiosk.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        _superCommandName: "folio",
        abstract: "Serve the portfolio over SSH (runs folio-serve; see folio serve --help).",
        discussion: """
        Options: --listen 0.0.0.0:2222, --host-key PATH, --content DIR, --outbox DIR, \
        --max-sessions 64, --per-address 4, --authorized-keys FILE. folio-serve is built from \
        Server/ (scripts/run and scripts/test build it) and installed beside folio.
        """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options for folio-serve.")
    var arguments: [String] = []

    func run() throws {
        guard let server = ProgramPath.find("folio-serve", path: ProcessEnvironment.current()["PATH"]) else {
            printError("folio serve: folio-serve is not installed beside folio nor on $PATH "
                       + "(build it with: swift build --package-path Server)")
            throw ExitCode(69)   // EX_UNAVAILABLE
        }
        var argv = [server] + arguments
        if !arguments.contains(where: { $0 == "--folio" || $0.hasPrefix("--folio=") }),
           let folio = ProgramPath.ownExecutable() {
            argv += ["--folio", folio]
        }
        let cArguments = argv.map { strdup($0) } + [nil]
        execv(server, cArguments)
        printError("folio serve: \(server): \(SystemError.current)")
        throw ExitCode(126)
    }
}
