import FolioContent
import FolioSearch
import FolioText

/// The --json object of `folio search` and `folio tags`, printed with FolioContent's JSON writer
/// (escapes controls, keeps key order). Fields are documented in `folio search --help`; new
/// fields may be added, none is renamed or removed.
enum SearchJSON {
    /// Columns a text snippet is cut to on a line of output.
    static let snippetWidth = 72

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
        let bodies = r.bodies.map { m -> JSONValue in
            let snippet = snippet(m, index, ellipsis: "…")  // JSON is UTF-8 whatever the locale
            return .object([
                ("title", .string(m.item.title)),
                ("kind", .string(m.item.kind.rawValue)),
                ("id", .string(m.item.id)),
                ("match", .string(m.kind == .wordStart ? "word-start" : "inside-word")),
                ("occurrence", .int(index.occurrence(m))),
                ("snippet", .string(snippet.text)),
                ("offsets", .array(snippet.highlighted.map(JSONValue.int))),
            ])
        }
        return JSONValue.object([
            ("query", .string(r.query)), ("totalTags", .int(r.totalTags)),
            ("matchedTags", .int(r.matchedTags)), ("matchedItems", .int(r.matchedItems)),
            ("matchedBodies", .int(r.matchedBodies)),
            ("tags", .array(tags)), ("items", .array(items)), ("bodies", .array(bodies)),
        ]).rendered()
    }

    /// A body match's line of text, sanitised and cut around the match (the locale's
    /// ellipsis by default: "..." outside UTF-8).
    static func snippet(_ m: BodyMatch, _ index: TagIndex, ellipsis: String = PlainOutput.localeGlyphs().ellipsis) -> Snippet {
        let line = index.snippet(m)
        return Snippet.fit(line.text, match: line.matchedOffsets, width: snippetWidth, ellipsis: ellipsis)
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
