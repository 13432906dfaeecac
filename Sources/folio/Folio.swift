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
        main(nil)
    }
}

enum FolioVersion {
    static let string = "0.1.0"
}
