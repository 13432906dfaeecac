import ArgumentParser
import FolioContent
import FolioSearch

/// `folio search QUERY`: the `/` prompt's ranking (tags, item titles, page text) as one list.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        _superCommandName: "folio",
        abstract: "Search tags, item titles and page text the way the / prompt does.",
        discussion: """
        Ranks everything the / prompt finds for QUERY, best first: stack tags, then the \\
        services and case studies whose titles match, then those whose text holds QUERY, \\
        with the line around the match. `folio tags` is the same ranking, grouped.

        MATCHING
        Case and accents are ignored everywhere. Tags match by name or alias: exact, \\
        prefix, word start, then letters in order, ties to the tag more items use. Titles \\
        match whole, by prefix, at word starts or as a contiguous run. Page text (the \\
        words a reader sees: Markdown markup, link targets and HTML tags are left out) \\
        matches QUERY as typed, whitespace runs counting as one space; a match starting a \\
        word ranks first, then portfolio order. An item whose title matched is not listed \\
        again for its text. QUERY needs two characters to search text (one is enough when \\
        it is not ASCII, as in 東); at most 128 characters of it count.

        OUTPUT
        One line per result, tab-separated; the first field says what matched:

          tag<TAB>NAME<TAB>GROUPS<TAB>used by N: SLUG, SLUG…[<TAB>alias ALIAS]
          title<TAB>TITLE<TAB>KIND<TAB>ID
          text<TAB>TITLE<TAB>KIND<TAB>ID<TAB>SNIPPET

        KIND is "service" or "case study", ID e.g. case-studies/bankvole. SNIPPET is the \\
        line of text around the match, cut to about 72 columns ("…" where text was left \\
        out; "..." outside a UTF-8 locale). Content text is printed with control \\
        characters made visible.

        With --json, one object (the same for `folio tags --json`). Offsets are grapheme \\
        (user-perceived character) positions, from 0: in the tag's name, or its alias when \\
        one matched; in the title; in the snippet as printed. Fields are never renamed or \\
        removed; new ones may be added.

          {"query": string, "totalTags": int, "matchedTags": int, "matchedItems": int,
           "matchedBodies": int,
           "tags": [{"name", "groups": [string], "usedBy": int, "items": [ID],
                     "kind": "exact"|"prefix"|"word-start"|"subsequence"|"all",
                     "alias": string|null, "offsets": [int]}],
           "items": [{"title", "kind": "service"|"case-study", "id", "match", "offsets"}],
           "bodies": [{"title", "kind", "id", "match": "word-start"|"inside-word",
                       "occurrence": int, "snippet": string, "offsets": [int]}]}

        "occurrence" counts the matches in that page's text before this one (0: the first); \\
        the matched* counts are before --limit.

        EXAMPLES
          folio search kafka                 tags, titles, then pages that mention Kafka
          folio search "event streaming"     a phrase in page text
          folio search kafka | grep '^text'  text matches only
          folio search ledger --json         structured output
          folio search --limit 3 data        at most three of each

        EXIT STATUS
          0  something matched
          1  nothing matched; a note goes to standard error, standard output stays empty
          64 no QUERY (usage error)
        """
    )

    @OptionGroup var options: SearchOptions

    func validate() throws {
        if options.text.allSatisfy(\.isWhitespace) { throw ValidationError("missing QUERY: what to search for") }
    }

    func run() throws {
        try options.run("search", lines: Self.lines)
    }

    /// The lines described in the help: TagsCommand's fields, each after what matched.
    static func lines(_ results: SearchResults, index: TagIndex) -> [String] {
        results.tags.map { "tag\t" + TagsCommand.line($0, index: index) }
            + results.items.map { "title\t" + TagsCommand.line($0) }
            + results.bodies.map { "text\t" + TagsCommand.line($0, index: index) }
    }
}
