import FolioContent

/// Stack tags and item titles folded once, so ranking on every keystroke only compares integers.
///
/// Build it once; `rank(_:)` is then cheap enough to call per keystroke
/// (see Benchmarks/SearchBench).
public struct TagIndex: Sendable, Equatable {
    /// Stack tags in stack-file order.
    public let tags: [Tag]
    /// Services, then case studies, as the portfolio orders them.
    public let items: [Item]
    /// For each tag: indices into `items` of the items that use it.
    private let users: [[Int32]]
    /// Tag indices by usage (most first), then name: the order ties are broken in.
    private let order: [Int32]
    /// Folded name, alias and item spellings → tag index, for resolving item tags.
    private let lookup: [String: Int32]
    private let names: FoldedCorpus
    private let aliases: FoldedCorpus
    /// Tag t's aliases are `aliases` texts `aliasStart[t] ..< aliasStart[t + 1]`.
    private let aliasStart: [Int32]
    private let titles: FoldedCorpus
    /// Every item's body text, folded (see `BodyCorpus`).
    let bodies: BodyCorpus

    /// The shortest query (in folded characters) matched against body text: one letter
    /// would list nearly every page. A query with a non-ASCII character (one CJK character
    /// is a word) is always matched.
    public static let bodyMinimum = 2

    /// Characters of a query that count (a prompt may stop taking more).
    public static let queryLimit = PreparedQuery.limit

    /// Bytes the body index holds (folded text, segments, per-body records).
    public var bodyIndexMemory: Int { bodies.memory }

    /// The browser builds it on the first `/` (`Catalog.indexForSearch()`), so the first
    /// frame waits for none of it.
    public init(portfolio: Portfolio) {
        self.init(tags: portfolio.stack.tags, items: portfolio.items)
    }

    private static func corpus(_ items: [Item]) -> BodyCorpus {
        var bodies = BodyCorpus()
        for item in items { bodies.append(item.body) }
        bodies.shrink()
        return bodies
    }

    /// Item tags are resolved by exact name first, then ignoring case and accents, then by alias,
    /// so an item tagged "postgres" still counts as using PostgreSQL.
    public init(tags: [Tag], items: [Item]) {
        self.tags = tags
        self.items = items
        var names = FoldedCorpus(), aliases = FoldedCorpus(), titles = FoldedCorpus()
        var aliasStart: [Int32] = [0]
        var exact: [String: Int32] = [:], lookup: [String: Int32] = [:]
        for (t, tag) in tags.enumerated() {
            names.append(tag.name)
            exact[tag.name] = exact[tag.name] ?? Int32(t)
            lookup[Fold.string(tag.name)] = lookup[Fold.string(tag.name)] ?? Int32(t)
            for alias in tag.aliases { aliases.append(alias) }
            aliasStart.append(Int32(aliases.count))
        }
        for (t, tag) in tags.enumerated() {
            for alias in tag.aliases where lookup[Fold.string(alias)] == nil { lookup[Fold.string(alias)] = Int32(t) }
        }
        var users = [[Int32]](repeating: [], count: tags.count)
        for (i, item) in items.enumerated() {
            titles.append(item.title)
            for name in item.tags {
                guard let t = exact[name] ?? lookup[Fold.string(name)] else { continue }
                if users[Int(t)].last != Int32(i) && !users[Int(t)].contains(Int32(i)) { users[Int(t)].append(Int32(i)) }
            }
        }
        let folded = tags.map { Fold.string($0.name) }
        order = tags.indices.sorted { a, b in
            if users[a].count != users[b].count { return users[a].count > users[b].count }
            if folded[a] != folded[b] { return folded[a] < folded[b] }
            if tags[a].name != tags[b].name { return tags[a].name < tags[b].name }
            return a < b
        }.map { Int32($0) }
        self.users = users
        self.lookup = lookup
        self.names = names
        self.aliases = aliases
        self.aliasStart = aliasStart
        self.titles = titles
        bodies = Self.corpus(items)
    }

    /// The tag a name or alias refers to, ignoring case and accents.
    public func tag(named name: String) -> Tag? {
        index(of: name).map { tags[$0] }
    }

    /// How many items use the tag named `name` (or one of its aliases).
    public func usedBy(_ name: String) -> Int {
        index(of: name).map { users[$0].count } ?? 0
    }

    /// The items that use the tag, services first, in portfolio order.
    public func items(using name: String) -> [Item] {
        index(of: name).map { users[$0].map { items[Int($0)] } } ?? []
    }

    private func index(of name: String) -> Int? {
        if let t = tags.firstIndex(where: { $0.name == name }) { return t }
        return lookup[Fold.string(name)].map(Int.init)
    }

    /// Ranks tags (exact, prefix, word start, subsequence; then most used; then name), item
    /// titles (same kinds; then portfolio order), then item bodies holding the query as typed
    /// (a match at a word start first; then portfolio order; items whose title matched are not
    /// listed again). An empty query lists every tag and no items.
    ///
    /// `limit` caps each group (tags, items, bodies) for a prompt that shows only so many rows;
    /// the counts before the cap are `matchedTags`, `matchedItems` and `matchedBodies`. To rank as the user types,
    /// `TagSearchSession` reuses each keystroke's work for the next.
    public func rank(_ query: String, limit: Int = .max) -> SearchResults {
        rank(query, PreparedQuery(query), limit: limit, among: nil).results
    }

    /// The texts still worth probing for a query: those holding its letters in order. A longer
    /// query (one whose letters include these, in order) can only match among them.
    struct Candidates: Sendable, Equatable {
        var compact: [UInt32]
        var tags: [Int32]   // in tie-break order
        var items: [Int32]  // in portfolio order
        /// Bodies holding `full` (nil: the query was too short to search bodies). Only a query
        /// whose `full` extends this one may search among them.
        var full: [UInt32]
        var bodies: [Int32]?
    }

    func rank(_ query: String, _ q: PreparedQuery, limit: Int,
              among previous: Candidates?) -> (results: SearchResults, candidates: Candidates?) {
        if q.isEmpty {
            let all = order.prefix(limit).map {
                TagMatch(tag: tags[Int($0)], usedBy: users[Int($0)].count, kind: .unfiltered)
            }
            let results = SearchResults(query: query, tags: all, items: [], totalTags: tags.count,
                                        matchedTags: tags.count, matchedItems: 0)
            return (results, nil)
        }
        var next = Candidates(compact: q.compact, tags: [], items: [], full: q.full, bodies: nil)
        let (tagHits, itemHits) = withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * q.full.count) { buffer in
            let scratch = buffer.baseAddress!
            return (matchTags(q, among: previous?.tags, into: &next.tags, scratch: scratch),
                    matchItems(q, among: previous?.items, into: &next.items, scratch: scratch))
        }
        let tagMatches = tagHits.ranked(limit: limit).map { e in
            let t = Int(e.index), tag = tags[t]
            return e.isAlias
                ? TagMatch(tag: tag, usedBy: users[t].count,
                           matchedAlias: tag.aliases[Int(e.text - aliasStart[t])],
                           aliasOffsets: tagHits.offsets(e, in: aliases), kind: e.kind)
                : TagMatch(tag: tag, usedBy: users[t].count, matchedOffsets: tagHits.offsets(e, in: names),
                           kind: e.kind)
        }
        let itemMatches = itemHits.ranked(limit: limit).map { e in
            ItemMatch(item: items[Int(e.index)], matchedOffsets: itemHits.offsets(e, in: titles), kind: e.kind)
        }
        let bodyHits = matchBodies(q, among: previous, titled: itemHits, into: &next)
        let length = Int32(BodyCorpus.bytes(of: q.full).count)
        let bodyMatches = bodyHits.prefix(limit).map { h in
            BodyMatch(item: items[Int(h.index)], kind: h.wordStart ? .wordStart : .subsequence,
                      index: h.index, at: h.at, length: length)
        }
        let results = SearchResults(query: query, tags: tagMatches, items: itemMatches, totalTags: tags.count,
                                    matchedTags: tagHits.count, matchedItems: itemHits.count,
                                    bodies: bodyMatches, matchedBodies: bodyHits.count)
        return (results, next)
    }

    /// Tags in tie-break order; each keeps its best match, the name winning ties with aliases.
    /// `scratch` holds three query lengths: the name's positions, the best alias's, the alias tried.
    private func matchTags(_ q: PreparedQuery, among previous: [Int32]?, into candidates: inout [Int32],
                           scratch: UnsafeMutablePointer<Int32>) -> Hits {
        var hits = Hits(capacity: 64)
        var aliasBest = scratch + q.full.count, aliasTry = scratch + 2 * q.full.count
        Probe.with(q, names) { nameProbe in
            Probe.with(q, aliases) { aliasProbe in
                for t32 in previous ?? order {
                    let t = Int(t32)
                    var kind: MatchKind?, count = 0, alias: Int?
                    if case let .matched(k, n) = nameProbe.match(t, scattered: true, into: scratch) {
                        kind = k
                        count = n
                    }
                    if kind != .exact {
                        for a in Int(aliasStart[t]) ..< Int(aliasStart[t + 1]) {
                            guard case let .matched(k, n) = aliasProbe.match(a, scattered: true, into: aliasTry),
                                  kind.map({ k < $0 }) ?? true else { continue }
                            (kind, count, alias) = (k, n, a)
                            swap(&aliasBest, &aliasTry)
                        }
                    }
                    guard let kind else { continue }
                    candidates.append(t32)
                    if let alias {
                        hits.add(t, text: alias, kind: kind, isAlias: true, positions: aliasBest, count: count)
                    } else {
                        hits.add(t, text: t, kind: kind, isAlias: false, positions: scratch, count: count)
                    }
                }
            }
        }
        return hits
    }

    /// The line of text around a body match, and which characters matched.
    public func snippet(_ m: BodyMatch) -> BodyLine {
        let (text, offsets) = bodies.snippet(items[Int(m.index)].body, Int(m.index), at: Int(m.at), length: Int(m.length))
        return BodyLine(text: text, matchedOffsets: offsets)
    }

    /// Which occurrence of the query in its body a match is (0: the first), so a reader can be
    /// taken to the same one.
    public func occurrence(_ m: BodyMatch) -> Int {
        let query = Array(bodies.bytes[Int(m.at) ..< Int(m.at + m.length)])
        return BodySearch(corpus: bodies).occurrences(query, in: Int(m.index), before: Int(m.at))
    }

    /// Bodies holding the query, ranked; their indices go to `next.bodies` for the next keystroke.
    private func matchBodies(_ q: PreparedQuery, among previous: Candidates?, titled: Hits,
                             into next: inout Candidates) -> [BodySearch.Hit] {
        guard q.full.count >= Self.bodyMinimum || q.full.contains(where: { $0 >= 0x80 }) else { return [] }
        let among = previous.flatMap { $0.bodies != nil && q.full.starts(with: $0.full) ? $0.bodies : nil }
        // Title hits are in portfolio order, as bodies are visited: one pointer walks both.
        var t = 0
        var matched: [Int32] = []
        let hits = BodySearch(corpus: bodies).match(BodyCorpus.bytes(of: q.full), mask: FoldedCorpus.mask(q.full),
                                                    among: among, matched: &matched) { i in
            while t < titled.entries.count, Int(titled.entries[t].index) < i { t += 1 }
            return t < titled.entries.count && Int(titled.entries[t].index) == i
        }
        next.bodies = matched
        return BodySearch.ranked(hits)
    }

    /// Items in portfolio order (their tie-break order).
    private func matchItems(_ q: PreparedQuery, among previous: [Int32]?, into candidates: inout [Int32],
                            scratch: UnsafeMutablePointer<Int32>) -> Hits {
        var hits = Hits(capacity: 64)
        Probe.with(q, titles) { probe in
            func visit(_ i: Int) {
                switch probe.match(i, scattered: false, into: scratch) {
                case .rejected:
                    break
                case .candidate:
                    candidates.append(Int32(i))
                case let .matched(kind, count):
                    candidates.append(Int32(i))
                    hits.add(i, text: i, kind: kind, isAlias: false, positions: scratch, count: count)
                }
            }
            if let previous {
                for i in previous { visit(Int(i)) }
            } else {
                for i in 0 ..< items.count { visit(i) }
            }
        }
        return hits
    }
}
