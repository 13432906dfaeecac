import ArgumentParser
import FolioContent
import FolioText
import FolioCore
import FolioSearch

/// `folio tags QUERY`: the `/` prompt's ranking, for scripts.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "Search the stack tags (and item titles) the way the / prompt does.",
        discussion: """
        Ranks the stack tags against QUERY and prints the matches best first, then the \
        services and case studies whose titles match. With no QUERY, lists every tag, most \
        used first.

        MATCHING
        Case and accents are ignored ("postgrés" finds PostgreSQL). A tag matches by its \
        name or by an alias from the stack file ("k8s" finds Kubernetes). Matches rank \
        exact, then prefix ("post"), then word start ("sql" in PostgreSQL, "dc" for Docker \
        Compose), then letters in order ("kbs"); ties go to the tag more items use, then \
        to the name. Item titles match whole, by prefix, at word starts or as a contiguous \
        run ("bank" finds Bankvole), never as scattered letters.

        OUTPUT
        One line per tag, tab-separated, with a fourth field when an alias matched rather \
        than the name (GROUPS is comma-separated when a tag sits in several):

          NAME<TAB>GROUPS<TAB>used by N: SLUG, SLUG…[<TAB>alias ALIAS]

        If any item titles match, an empty line follows, then one line per item (KIND is \
        "service" or "case study", ID e.g. case-studies/bankvole):

          TITLE<TAB>KIND<TAB>ID

        Content text is printed with control characters made visible.

        With --json, one object instead; offsets are the matched character positions in \
        the name (or the alias, when one matched) or the title:

          {"query", "totalTags", "matchedTags", "matchedItems",
           "tags": [{"name", "groups", "usedBy", "items", "kind", "alias", "offsets"}],
           "items": [{"title", "kind", "id", "match", "offsets"}]}

        EXAMPLES
          folio tags post                    PostgreSQL first
          folio tags k8s                     Kubernetes, via its alias
          folio tags docker compose          words are joined into one query
          folio tags                         every tag, most used first
          folio tags kaf | cut -f1           tag names only
          folio tags bank --json             structured output
          folio tags --limit 5 e             at most five tags and five items

        EXIT STATUS
          0  something matched (with no QUERY: the stack has tags)
          1  nothing matched; a note goes to standard error, standard output stays empty
        """
    )

    @Argument(help: ArgumentHelp("Words to search for; several are joined with spaces.", valueName: "QUERY"))
    var query: [String] = []

    @OptionGroup var options: ContentOptions

    @Flag(name: .long, help: "Print one JSON object instead of tab-separated lines.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Print at most N tags and N items.", valueName: "N"))
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let portfolio = options.load()
        let index = TagIndex(portfolio: portfolio)
        let text = query.joined(separator: " ")
        let results = index.rank(text, limit: limit ?? .max)
        if portfolio.hasErrors {
            note("\(counted(portfolio.errorCount, "content error")) in \(options.directory); "
                 + "see `folio check`")
        }
        if json {
            print(TagsJSON.render(results, index: index), terminator: "")
        } else {
            for line in Self.lines(results, index: index) { print(line) }
        }
        if results.isEmpty {
            note(results.totalTags == 0 && text.isEmpty
                 ? "no stack tags in \(options.directory)"
                 : "nothing matches \"\(plainLine(text))\" (\(counted(results.totalTags, "tag")) searched)")
            throw ExitCode(1)
        }
    }

    /// The tab-separated lines described in the help.
    static func lines(_ results: SearchResults, index: TagIndex) -> [String] {
        var out = results.tags.map { m in
            let slugs = index.items(using: m.tag.name).map(\.slug)
            let used = "used by \(m.usedBy)" + (slugs.isEmpty ? "" : ": " + slugs.joined(separator: ", "))
            var fields = [m.tag.name, m.tag.groups.joined(separator: ", "), used]
            if let alias = m.matchedAlias { fields.append("alias " + alias) }
            return fields.map(plainLine).joined(separator: "\t")  // no tab or newline may shift a column
        }
        if !results.items.isEmpty {
            out.append("")
            out += results.items.map { m in
                [m.item.title, m.item.kind.displayName.lowercased(), m.item.id].map(plainLine).joined(separator: "\t")
            }
        }
        return out
    }

    private func note(_ message: String) {
        Console.error("folio tags: \(message)")  // the folio target's stderr writer
    }
}

/// The --json object, printed with FolioContent's JSON writer (escapes controls, keeps key order).
enum TagsJSON {
    static func render(_ r: SearchResults, index: TagIndex) -> String {
        let tags = r.tags.map { m -> JSONValue in
            .object([
                ("name", .string(m.tag.name)),
                ("groups", .array(m.tag.groups.map(JSONValue.string))),
                ("usedBy", .int(m.usedBy)),
                ("items", .array(index.items(using: m.tag.name).map { .string($0.id) })),
                ("kind", .string(name(of: m.kind))),
                ("alias", m.matchedAlias.map(JSONValue.string) ?? .null),
                ("offsets", .array((m.matchedAlias == nil ? m.matchedOffsets : m.aliasOffsets).map(JSONValue.int))),
            ])
        }
        let items = r.items.map { m -> JSONValue in
            .object([
                ("title", .string(m.item.title)),
                ("kind", .string(m.item.kind.rawValue)),
                ("id", .string(m.item.id)),
                ("match", .string(name(of: m.kind))),
                ("offsets", .array(m.matchedOffsets.map(JSONValue.int))),
            ])
        }
        return JSONValue.object([
            ("query", .string(r.query)), ("totalTags", .int(r.totalTags)),
            ("matchedTags", .int(r.matchedTags)), ("matchedItems", .int(r.matchedItems)),
            ("tags", .array(tags)), ("items", .array(items)),
        ]).rendered()
    }

    static func name(of kind: MatchKind) -> String {
        switch kind {
        case .exact: "exact"
        case .prefix: "prefix"
        case .wordStart: "word-start"
        case .subsequence: "subsequence"
        case .unfiltered: "all"
        }
    }
}
