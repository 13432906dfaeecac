import ArgumentParser
import FolioSession

/// The root command. With no subcommand it opens the browser (or prints plain text
/// when stdout is not a terminal).
@main
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Browse a backend engineer's portfolio in the terminal.",
        discussion: """
        folio reads a portfolio written as Markdown files (Content/) and shows it as a \
        full-screen terminal browser: services, case studies, stack tags and an about page, \
        with tag search (/) and a contact composer (c) that saves enquiries to a local Maildir.

        When standard output is not a terminal, folio prints the whole portfolio as plain text.

        ENVIRONMENT
          FOLIO_CONTENT   content directory (same as --content)
          FOLIO_OUTBOX    outbox Maildir (same as --outbox)
          FOLIO_THEME     auto, dark or light (same as --theme)
          COLORFGBG       "fg;bg" colour numbers; --theme auto reads the background from it
                          when the terminal does not answer
          NO_COLOR        any non-empty value turns colour off (wins over every theme)
          FOLIO_HYPERLINKS
                          1: links are OSC 8 hyperlinks; 0: never. Unset: only in terminals
                          known to show them, never inside tmux or screen
        """,
        version: FolioVersion.string,
        subcommands: [
            BrowseCommand.self, InitCommand.self, CheckCommand.self, ListCommand.self, ShowCommand.self,
            ExportCommand.self, RenderCommand.self, TagsCommand.self, SearchCommand.self,
            EnquireCommand.self, OutboxCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )

    /// A kiosk's signal dispositions and limits come first, before the arguments are parsed:
    /// a visitor's ^\ while the session starts must not end it (see KioskGuard.engageEarly).
    static func main() {
        KioskGuard.engageEarly(arguments: CommandLine.arguments)
        guard var command = parsedDirectly(Array(CommandLine.arguments.dropFirst())) else {
            main(nil)
            return
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    /// The command the arguments name (or the default, `browse`), parsed as the root of a tree
    /// of its own, when it has no subcommands and parses without an error or a help request;
    /// else nil, and `main(nil)` parses the whole tree (which reports every error and prints
    /// every help screen, so those read exactly as before).
    ///
    /// Parsing from the root costs a third of a first frame's instructions in swift-argument-
    /// parser 1.8.2, all before the command runs: it builds the argument sets of the default
    /// command and of the one named (twice each) to look for pass-through arguments, and tries
    /// two completion-script commands (skipped for a root with a `_superCommandName`, which
    /// folio's top-level commands carry: it changes nothing when they sit under `Folio`).
    /// A top-level command parsed on its own sees the same arguments the tree would give it:
    /// `Folio` itself has none, and an argument that only the root understands (`--version`,
    /// `--generate-completion-script`) is an error here, so the tree gets it.
    static func parsedDirectly(_ arguments: [String]) -> ParsableCommand? {
        let named = configuration.subcommands.first {
            $0._commandName == arguments.first || $0.configuration.aliases.contains { $0 == arguments.first }
        }
        guard arguments.first != "help", let type = named ?? configuration.defaultSubcommand,
              type.configuration.subcommands.isEmpty,
              let command = try? type.parseAsRoot(named == nil ? arguments : Array(arguments.dropFirst())),
              Swift.type(of: command) == type
        else { return nil }
        return command
    }
}

enum FolioVersion {
    static let string = "0.1.0"
}
