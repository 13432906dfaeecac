import FolioContent

/// How a query matched a name, best first. Results are ordered by kind before anything else.
public enum MatchKind: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// The whole name (ignoring case and accents), e.g. "kafka" → Kafka.
    case exact
    /// The start of the name, e.g. "post" → PostgreSQL.
    case prefix
    /// Runs that each begin a word, e.g. "sql" → PostgreSQL, "dc" → Docker Compose.
    case wordStart
    /// The letters in order anywhere, e.g. "kbs" → Kubernetes. For item titles only a
    /// contiguous run counts here, since scattered letters in prose match almost anything.
    case subsequence
    /// The query was empty: everything is listed, nothing was matched.
    case unfiltered

    public static func < (a: MatchKind, b: MatchKind) -> Bool { a.rawValue < b.rawValue }
}

/// One stack tag in the results.
public struct TagMatch: Sendable, Hashable {
    public var tag: Tag
    /// How many items (services and case studies) use the tag.
    public var usedBy: Int
    /// Grapheme offsets into `tag.name` of the matched characters, ascending; empty when an
    /// alias matched or the query was empty.
    public var matchedOffsets: [Int]
    /// The alias that matched ("k8s" for Kubernetes), when it matched better than the name.
    public var matchedAlias: String?
    /// Grapheme offsets into `matchedAlias`; empty when the name matched.
    public var aliasOffsets: [Int]
    public var kind: MatchKind

    public init(tag: Tag, usedBy: Int, matchedOffsets: [Int] = [], matchedAlias: String? = nil,
                aliasOffsets: [Int] = [], kind: MatchKind) {
        self.tag = tag; self.usedBy = usedBy; self.matchedOffsets = matchedOffsets
        self.matchedAlias = matchedAlias; self.aliasOffsets = aliasOffsets; self.kind = kind
    }
}

/// One item whose title matched.
public struct ItemMatch: Sendable, Hashable {
    public var item: Item
    /// Grapheme offsets into `item.title` of the matched characters, ascending.
    public var matchedOffsets: [Int]
    public var kind: MatchKind

    public init(item: Item, matchedOffsets: [Int], kind: MatchKind) {
        self.item = item; self.matchedOffsets = matchedOffsets; self.kind = kind
    }
}

/// One item whose body text matched (and whose title did not: it is listed once). The line
/// around the match and which occurrence it is are worked out only when asked for
/// (`TagIndex.snippet(_:)`, `TagIndex.occurrence(_:)`), for the few results shown: a keystroke
/// that matches a thousand pages must not read a thousand lines again.
public struct BodyMatch: Sendable, Hashable {
    public var item: Item
    /// `.wordStart` when the match begins a word, else `.subsequence` (inside a word).
    public var kind: MatchKind
    /// The item's index in `TagIndex.items`, and the match in the folded body text.
    let index: Int32
    let at: Int32
    let length: Int32
}

/// A body match's line of text: around the match, as a reader sees it (Markdown markup
/// dropped, whitespace runs as one space; at most `BodyText.segmentLimit` characters). Not yet
/// sanitised for a terminal: views pass it through the sanitiser (`Snippet.fit`).
public struct BodyLine: Sendable, Hashable {
    public var text: String
    /// Grapheme offsets into `text` of the matched characters, ascending.
    public var matchedOffsets: [Int]
}

/// What a query found: tags first, then items whose titles matched ("bank" → Bankvole), then
/// items whose body text holds the query.
public struct SearchResults: Sendable, Hashable {
    /// The query as typed.
    public var query: String
    /// Ranked: kind, then most used, then name.
    public var tags: [TagMatch]
    /// Ranked: kind, then portfolio order (services first). Empty for an empty query.
    public var items: [ItemMatch]
    /// How many stack tags exist, for "3 of 23 tags".
    public var totalTags: Int
    /// How many tags matched; more than `tags.count` when `rank(_:limit:)` capped the list.
    public var matchedTags: Int
    /// How many item titles matched; more than `items.count` when capped.
    public var matchedItems: Int
    /// Ranked: a match at a word start first, then portfolio order. Items already in `items`
    /// are left out. Empty for queries shorter than `TagIndex.bodyMinimum`.
    public var bodies: [BodyMatch]
    /// How many bodies matched; more than `bodies.count` when capped.
    public var matchedBodies: Int

    public init(query: String, tags: [TagMatch], items: [ItemMatch], totalTags: Int,
                matchedTags: Int? = nil, matchedItems: Int? = nil, bodies: [BodyMatch] = [], matchedBodies: Int? = nil) {
        self.query = query; self.tags = tags; self.items = items; self.totalTags = totalTags
        self.matchedTags = matchedTags ?? tags.count
        self.matchedItems = matchedItems ?? items.count
        self.bodies = bodies
        self.matchedBodies = matchedBodies ?? bodies.count
    }

    public var isEmpty: Bool { matchedTags == 0 && matchedItems == 0 && matchedBodies == 0 }
}

/// One-shot ranking. Builds an index each call; keep a `TagIndex` to rank as the user types.
public enum TagSearch {
    public static func rank(query: String, portfolio: Portfolio) -> SearchResults {
        TagIndex(portfolio: portfolio).rank(query)
    }
}
