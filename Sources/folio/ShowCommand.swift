import ArgumentParser
import FolioContent
import FolioCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        _superCommandName: "folio",
        abstract: "Print a service, case study or stack tag (or everything) as plain text.",
        discussion: """
        Prints the same text the browser's detail pane shows, without colour, wrapped to the \
        terminal's width (or --width). With no ITEM it prints the whole portfolio: About, \
        Services, Case studies, Stack (each tag with the items that use it) and Contact.

        ITEM is a slug (bankvole), a kind and slug (case-studies/bankvole, services/etl), an \
        item's title, or a stack tag name or alias (postgres).

        EXAMPLES
          folio show                        everything, for reading or grepping
          folio show bankvole               one case study
          folio show case-studies/bankvole  the same, unambiguous
          folio show kafka --width 60       a tag and the items that use it
          folio show | less                 page through it

        EXIT STATUS
          0  printed
          64 no such item or tag (close names are suggested)
        """
    )

    @Argument(help: ArgumentHelp("What to show: slug, kind/slug, title or tag.", valueName: "ITEM"))
    var item: String?

    @Option(name: .long, help: ArgumentHelp("Wrap to N columns instead of the terminal's width.", valueName: "N"))
    var width: Int?

    @OptionGroup var content: ContentOptions

    func validate() throws {
        if let width, width < 20 || width > 1000 { throw ValidationError("--width must be between 20 and 1000") }
    }

    func run() throws {
        let portfolio = content.load()
        let text = PlainText(portfolio: portfolio, width: width ?? PlainOutput.terminalWidth(),
                             glyphs: PlainOutput.localeGlyphs())
        guard let item else {
            PlainOutput.write(text.portfolio())
            return
        }
        guard let lines = text.show(item) else {
            PlainOutput.fail("show", NotFound(reference: item, portfolio: portfolio).description)
        }
        PlainOutput.write(lines)
    }
}

/// "no item or tag named X", with the closest slug, title or tag when one is near.
struct NotFound: CustomStringConvertible {
    var reference: String
    var portfolio: Portfolio

    var description: String {
        let names = portfolio.items.flatMap { [$0.slug, $0.id] } + portfolio.stack.tags.map(\.name)
        let hint = Suggestions.closest(to: reference, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        return "no item or tag named '\(plainLine(reference))'\(hint); try `folio list`"
    }
}
