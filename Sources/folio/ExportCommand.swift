import ArgumentParser
import FolioContent

/// `folio export --json`: the whole model as JSON on stdout.
///
/// Schema, version 1 (stable: fields are only ever added; a removal or a change of
/// meaning bumps `schemaVersion`). Keys appear in this order; strings are UTF-8 with
/// control, format (bidi, zero-width) and line-separator characters escaped as \uXXXX.
///
///     {
///       "schemaVersion": 1,
///       "profile": {
///         "name": string, "headline": string, "tagline": string, "email": string,
///         "contactPrompt": string, // call to action for the contact composer
///         "links": [{"label": string, "url": string}],
///         "tags": [string],        // stack tags for the work overall
///         "body": string,          // Markdown
///         "path": string           // file it came from
///       },
///       "services":    [Item],     // sorted by order (0 = unset, last), then title
///       "caseStudies": [Item],
///       "introductions": {"services": Intro | null,      // a section folder's _index.md
///                         "caseStudies": Intro | null},
///       "stack": {
///         "intro": string,
///         "groups": [{"name": string, "tags": [string]}],        // file order
///         "tags": [{"name": string, "aliases": [string],
///                   "groups": [string],                          // a tag may be in several
///                   "usedBy": [string]}]                         // ids: "profile", Item.id
///       },
///       "diagnostics": [{"path": string, "line": int, "column": int,
///                        "severity": "error" | "warning", "message": string}]
///     }
///
///     Item = {"id": "services/<slug>" | "case-studies/<slug>",
///             "kind": "service" | "case-study", "slug": string, "title": string,
///             "summary": string, "sector": string | null, "order": int,
///             "tags": [string], "date": string | null, "body": string, "path": string}
///
///     Intro = {"title": string, "body": string, "path": string}   // body is Markdown
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        _superCommandName: "folio",
        abstract: "Print the whole portfolio as JSON.",
        discussion: """
        Prints the loaded portfolio (profile, services, case studies, stack groups and \
        tags with the items that use them, and every diagnostic) as one JSON document on \
        standard output, with keys in a fixed order. The schema is versioned by its \
        "schemaVersion" field and documented in the README.

        Broken files are left out, as in the browser, and described in "diagnostics"; a \
        note on standard error says when there are errors.

        EXAMPLES
          folio export --json > portfolio.json
          folio export --json | jq '.services[].title'
          folio export --json --content ~/site/content

        EXIT STATUS
          0  the JSON was written (even if the content has errors)
          64 bad usage
        """
    )

    @Flag(name: .long, help: "Print JSON (the default, and for now the only format).")
    var json = false

    @OptionGroup var options: ContentOptions

    func run() throws {
        let portfolio = options.load()
        print(portfolio.json.rendered(), terminator: "")
        if portfolio.hasErrors {
            printError("folio: the content has \(counted(portfolio.errorCount, "error")); "
                       + "see \"diagnostics\" or run folio check")
        }
    }
}
