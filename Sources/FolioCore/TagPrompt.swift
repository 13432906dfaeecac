/// The `/` prompt over the stack tags. It lives in an overlay and never touches the panes
/// beneath, so Esc returns to exactly where the user was.
public struct TagPrompt: Sendable, Hashable {
    public var query = ""
    public var results: TagMatches
    public var cursor = 0

    init(_ catalog: Catalog) {
        results = TagMatches.find("", in: catalog)
    }

    mutating func setQuery(_ text: String, _ catalog: Catalog) {
        query = text
        results = TagMatches.find(text, in: catalog)
        cursor = 0
    }

    /// The hit under the cursor.
    public var current: TagMatches.Hit? {
        let all = results.all
        return all.indices.contains(cursor) ? all[cursor] : nil
    }
}

/// Ranked search results as the prompt shows them: tags first, then item titles.
public struct TagMatches: Sendable, Hashable {
    public struct Hit: Sendable, Hashable {
        public enum Target: Sendable, Hashable { case tag(String), item(ItemRef) }
        public var target: Target
        public var title: String
        /// Character offsets in `title` to highlight.
        public var matched: [Int]
        public var detail: String      // a tag's group, an item's kind
        public var usedBy: Int
    }

    public var tags: [Hit] = []
    public var items: [Hit] = []
    public var totalTags = 0
    public var all: [Hit] { tags + items }

    /// The single place ranking plugs in. Until `TagSearch.rank` lands this is a plain
    /// case-insensitive substring match in stack order.
    static func find(_ query: String, in catalog: Catalog) -> TagMatches {
        var result = TagMatches()
        let names = catalog.stackEntryRows.indices.compactMap { catalog.stackTag(at: $0) }
        var seen = Set<String>()
        let tagNames = names.filter { seen.insert($0).inserted }
        result.totalTags = tagNames.count
        let needle = Array(query.lowercased())
        for name in tagNames {
            guard let at = offset(of: needle, in: name) else { continue }
            let groups = catalog.groups(of: name)
            result.tags.append(Hit(target: .tag(name), title: name, matched: Array(at..<at + needle.count),
                                   detail: groups.first ?? "", usedBy: catalog.items(using: name).count))
        }
        guard !needle.isEmpty else { return result }
        for section in [Section.services, .caseStudies] {
            for (i, item) in catalog.items(section).enumerated() {
                guard let at = offset(of: needle, in: item.title) else { continue }
                result.items.append(Hit(target: .item(ItemRef(section: section, index: i)), title: item.title,
                                        matched: Array(at..<at + needle.count), detail: item.kind.displayName, usedBy: 0))
            }
        }
        return result
    }

    private static func offset(of needle: [Character], in text: String) -> Int? {
        let hay = Array(text.lowercased())
        guard !needle.isEmpty else { return 0 }
        guard hay.count >= needle.count else { return nil }
        for start in 0...(hay.count - needle.count) where Array(hay[start..<start + needle.count]) == needle {
            return start
        }
        return nil
    }
}
