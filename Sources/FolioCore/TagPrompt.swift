import FolioSearch

/// The `/` prompt over the stack tags, item titles and page text. It lives in an overlay and never touches the panes
/// beneath, so Esc returns to exactly where the user was. Ranking is a `TagSearchSession`
/// (Search/) over the index the catalog builds on the first `/`, so each keystroke reuses the last one's work.
public struct TagPrompt: Sendable, Equatable {
    public private(set) var query = ""
    public private(set) var results: SearchResults
    /// Display index: tags first, then items, then text matches.
    public var cursor = 0
    private var session: TagSearchSession

    init(_ index: TagIndex) {
        session = TagSearchSession(index: index)
        results = session.rank("")
    }

    /// The index ranked against, for a text match's line and occurrence.
    public var index: TagIndex { session.index }

    mutating func setQuery(_ text: String) {
        query = String(text.prefix(TagIndex.queryLimit))
        results = session.rank(text)
        cursor = 0
    }

    public enum Target: Sendable, Hashable {
        case tag(String), item(id: String)
        /// A text match: its item, and which occurrence of the query in the body it is.
        case text(id: String, occurrence: Int)
    }

    /// Every result in display order.
    public var count: Int { results.tags.count + results.items.count + results.bodies.count }

    /// The result at a display index.
    public func target(at index: Int) -> Target? {
        if results.tags.indices.contains(index) { return .tag(results.tags[index].tag.name) }
        let i = index - results.tags.count
        if results.items.indices.contains(i) { return .item(id: results.items[i].item.id) }
        let b = i - results.items.count
        guard results.bodies.indices.contains(b) else { return nil }
        return .text(id: results.bodies[b].item.id, occurrence: self.index.occurrence(results.bodies[b]))
    }
}
