import ArgumentParser
import FolioContent
import FolioSearch

/// `folio tags QUERY`: the `/` prompt's ranking, for scripts (tags first; `folio search` is the
/// same ranking as one list).
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        _superCommandName: "folio",
        abstract: "Search the stack tags (then item titles and text) the way the / prompt does.",
        discussion: """
        Ranks the stack tags against QUERY and prints the matches best first, then the \
        services and case studies whose titles match, then those whose text holds QUERY. \
        With no QUERY, lists every tag, most used first.

        MATCHING
        Case and accents are ignored ("postgrés" finds PostgreSQL). A tag matches by its \
        name or by an alias from the stack file ("k8s" finds Kubernetes). Matches rank \
        exact, then prefix ("post"), then word start ("sql" in PostgreSQL, "dc" for Docker \
        Compose), then letters in order ("kbs"); ties go to the tag more items use, then \
        to the name. Item titles match whole, by prefix, at word starts or as a contiguous \
        run ("bank" finds Bankvole), never as scattered letters. Page text matches QUERY \
        as typed (whitespace runs count as one space; case and accents ignored), a match \
        starting a word first, then in portfolio order; an item whose title matched is not \
        listed again, and a one-letter QUERY does not search text. `folio search` prints the \
        same ranking as one list.

        OUTPUT
        One line per tag, tab-separated, with a fourth field when an alias matched rather \
        than the name (GROUPS is comma-separated when a tag sits in several):

          NAME<TAB>GROUPS<TAB>used by N: SLUG, SLUG…[<TAB>alias ALIAS]

        If any item titles match, an empty line follows, then one line per item (KIND is \
        "service" or "case study", ID e.g. case-studies/bankvole):

          TITLE<TAB>KIND<TAB>ID

        If any page text matches, an empty line follows, then one line per item with a \
        fourth field: the line of text around the match, cut to about 72 columns:

          TITLE<TAB>KIND<TAB>ID<TAB>SNIPPET

        Content text is printed with control characters made visible.

        With --json, one object instead (the same as `folio search --json`; see there for \
        the fields).

        EXAMPLES
          folio tags post                    PostgreSQL first
          folio tags k8s                     Kubernetes, via its alias
          folio tags docker compose          words are joined into one query
          folio tags                         every tag, most used first
          folio tags kaf | cut -f1           tag names only
          folio tags bank --json             structured output
          folio tags kafka | awk -F'\t' 'NF == 4'   text matches only
          folio tags --limit 5 e             at most five of each

        EXIT STATUS
          0  something matched (with no QUERY: the stack has tags)
          1  nothing matched; a note goes to standard error, standard output stays empty
        """
    )

    @OptionGroup var options: SearchOptions

    func run() throws {
        try options.run("tags", lines: Self.lines)
    }

    /// The tab-separated lines described in the help.
    static func lines(_ results: SearchResults, index: TagIndex) -> [String] {
        var out = results.tags.map { line($0, index: index) }
        if !results.items.isEmpty {
            out.append("")
            out += results.items.map(line)
        }
        if !results.bodies.isEmpty {
            out.append("")
            out += results.bodies.map { line($0, index: index) }
        }
        return out
    }

    /// NAME, GROUPS, "used by N: SLUG, …"[, "alias ALIAS"]. No tab or newline in content may
    /// shift a column: every field is one sanitised line.
    static func line(_ m: TagMatch, index: TagIndex) -> String {
        let slugs = index.items(using: m.tag.name).map(\.slug)
        let used = "used by \(m.usedBy)" + (slugs.isEmpty ? "" : ": " + slugs.joined(separator: ", "))
        var fields = [m.tag.name, m.tag.groups.joined(separator: ", "), used]
        if let alias = m.matchedAlias { fields.append("alias " + alias) }
        return fields.map(plainLine).joined(separator: "\t")
    }

    /// TITLE, KIND, ID.
    static func line(_ m: ItemMatch) -> String {
        [m.item.title, m.item.kind.displayName.lowercased(), m.item.id].map(plainLine).joined(separator: "\t")
    }

    /// TITLE, KIND, ID, SNIPPET.
    static func line(_ m: BodyMatch, index: TagIndex) -> String {
        ([m.item.title, m.item.kind.displayName.lowercased(), m.item.id].map(plainLine)
            + [SearchJSON.snippet(m, index).text]).joined(separator: "\t")
    }

}
