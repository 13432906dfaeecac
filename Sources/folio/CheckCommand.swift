import ArgumentParser
import FolioContent

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the portfolio's content and report problems like a compiler.",
        discussion: """
        Loads every file under the content directory (profile.md, stack.yml or stack.toml, \
        services/*.md, case-studies/*.md) and prints one line per problem:

          path:line:col: error: message
          path:line:col: warning: message

        sorted by file and line, then a summary line. Errors are problems that keep a file \
        (or a tag) from loading: unreadable files, invalid UTF-8 or NUL bytes, files over \
        the 1 MiB size cap, unterminated or malformed front matter, YAML anchors and \
        aliases, values of the wrong type (tags: Kafka instead of a list), a missing title, \
        duplicate slugs, and tags the stack file lacks. Warnings (unknown keys, slugs that \
        look alike, repeated tags) do not fail the check. Unknown tags, keys and look-alike \
        slugs come with a "did you mean" suggestion.

        DIR defaults to --content, then $FOLIO_CONTENT, then the bundled content.

        EXAMPLES
          folio check                 check the bundled content
          folio check ~/site/content  check another tree
          folio check && echo ok      use in scripts and CI

        EXIT STATUS
          0  no errors (warnings allowed)
          1  at least one error
        """
    )

    @Argument(help: ArgumentHelp("Content directory to check.", valueName: "DIR"))
    var directory: String?

    @OptionGroup var options: ContentOptions

    func run() throws {
        let directory = directory ?? options.directory
        let portfolio = ContentLoader.load(directory: directory)
        for diagnostic in portfolio.diagnostics.sorted(by: Diagnostic.ordered) {
            print(plainLine(diagnostic.description))
        }
        let loaded = [counted(portfolio.services.count, "service"),
                      counted(portfolio.caseStudies.count, "case study", plural: "case studies"),
                      counted(portfolio.stack.tags.count, "stack tag")].joined(separator: ", ")
        print(plainLine("\(directory): \(counted(portfolio.errorCount, "error")), "
                        + "\(counted(portfolio.warningCount, "warning")) (\(loaded))"))
        if portfolio.hasErrors { throw ExitCode(1) }
    }
}
