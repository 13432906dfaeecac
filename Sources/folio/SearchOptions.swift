import ArgumentParser
import FolioContent
import FolioSearch

/// What `folio tags` and `folio search` share: the query, the content, --json and --limit, and
/// the run itself (load, rank, print, exit 1 when nothing matched). Only the lines differ.
struct SearchOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Words to search for; several are joined with spaces.", valueName: "QUERY"))
    var query: [String] = []

    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Print one JSON object instead of tab-separated lines.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Print at most N tags, N titles and N text matches.", valueName: "N"))
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    var text: String { query.joined(separator: " ") }

    /// Ranks, prints `lines` (or the JSON object), and notes content errors and an empty result
    /// on standard error as `folio COMMAND: …`.
    func run(_ command: String, lines: (SearchResults, TagIndex) -> [String]) throws {
        let portfolio = content.load()
        let index = TagIndex(portfolio: portfolio)
        let results = index.rank(text, limit: limit ?? .max)
        let note = { (message: String) in Console.error("folio \(command): \(message)") }
        if portfolio.hasErrors {
            note("\(counted(portfolio.errorCount, "content error")) in \(content.directory); see `folio check`")
        }
        if json {
            print(SearchJSON.render(results, index: index), terminator: "")
        } else {
            for line in lines(results, index) { print(line) }
        }
        if results.isEmpty {
            note(results.totalTags == 0 && text.isEmpty
                 ? "no stack tags in \(content.directory)"
                 : "nothing matches \"\(plainLine(text))\" (\(counted(results.totalTags, "tag")) and "
                    + "\(counted(portfolio.items.count, "item")) searched)")
            throw ExitCode(1)
        }
    }
}
