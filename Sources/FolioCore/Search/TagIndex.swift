import FolioContent

/// Stack tags and item titles folded once, so ranking on every keystroke only compares integers.
///
/// Build it when content loads; `rank(_:)` is then cheap enough to call per keystroke
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

    public init(portfolio: Portfolio) {
        self.init(tags: portfolio.stack.tags, items: portfolio.items)
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

    /// Ranks tags (exact, prefix, word start, subsequence; then most used; then name) and item
    /// titles (same kinds; then portfolio order). An empty query lists every tag and no items.
    public func rank(_ query: String) -> SearchResults {
        let q = PreparedQuery(query)
        if q.isEmpty {
            let all = order.map { TagMatch(tag: tags[Int($0)], usedBy: users[Int($0)].count, kind: .unfiltered) }
            return SearchResults(query: query, tags: all, items: [], totalTags: tags.count)
        }
        return SearchResults(query: query, tags: rankTags(q), items: rankItems(q), totalTags: tags.count)
    }

    private func rankTags(_ q: PreparedQuery) -> [TagMatch] {
        var buckets = [[TagMatch]](repeating: [], count: 4)
        var positions: [Int32] = [], aliasPositions: [Int32] = []
        positions.reserveCapacity(32)
        aliasPositions.reserveCapacity(32)
        Probe.with(q, names) { nameProbe in
            Probe.with(q, aliases) { aliasProbe in
                for t32 in order {
                    let t = Int(t32)
                    var best = nameProbe.match(t, scattered: true, positions: &positions)
                    var alias: (index: Int, offsets: [Int])?
                    if best != .exact {
                        for a in Int(aliasStart[t]) ..< Int(aliasStart[t + 1]) {
                            guard let kind = aliasProbe.match(a, scattered: true, positions: &aliasPositions),
                                  best.map({ kind < $0 }) ?? true else { continue }
                            best = kind
                            alias = (a - Int(aliasStart[t]), aliases.offsets(aliasPositions, text: a))
                        }
                    }
                    guard let kind = best else { continue }
                    let tag = tags[t]
                    let match = if let alias {
                        TagMatch(tag: tag, usedBy: users[t].count, matchedAlias: tag.aliases[alias.index],
                                 aliasOffsets: alias.offsets, kind: kind)
                    } else {
                        TagMatch(tag: tag, usedBy: users[t].count,
                                 matchedOffsets: names.offsets(positions, text: t), kind: kind)
                    }
                    buckets[kind.rawValue].append(match)
                }
            }
        }
        return Array(buckets.joined())
    }

    private func rankItems(_ q: PreparedQuery) -> [ItemMatch] {
        var buckets = [[ItemMatch]](repeating: [], count: 4)
        var positions: [Int32] = []
        positions.reserveCapacity(32)
        Probe.with(q, titles) { probe in
            for i in 0 ..< items.count {
                guard let kind = probe.match(i, scattered: false, positions: &positions) else { continue }
                buckets[kind.rawValue].append(
                    ItemMatch(item: items[i], matchedOffsets: titles.offsets(positions, text: i), kind: kind))
            }
        }
        return Array(buckets.joined())
    }
}

extension FoldedCorpus {
    /// Matched scalar positions of text `i` → grapheme offsets into the original string.
    func offsets(_ positions: [Int32], text i: Int) -> [Int] {
        let base = Int(bounds[i])
        var out: [Int] = []
        out.reserveCapacity(positions.count)
        for p in positions {
            let g = Int(graphemes[base + Int(p)])
            if out.last != g { out.append(g) }
        }
        return out
    }
}
