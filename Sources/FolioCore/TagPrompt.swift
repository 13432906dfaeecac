import FolioSearch

/// The `/` prompt over the stack tags. It lives in an overlay and never touches the panes
/// beneath, so Esc returns to exactly where the user was. Ranking is a `TagSearchSession`
/// (Search/) over the index the catalog builds once, so each keystroke reuses the last one's work.
public struct TagPrompt: Sendable, Equatable {
    public private(set) var query = ""
    public private(set) var results: SearchResults
    /// Display index: tags first, then items.
    public var cursor = 0
    private var session: TagSearchSession

    init(_ catalog: Catalog) {
        session = TagSearchSession(index: catalog.searchIndex)
        results = session.rank("")
    }

    mutating func setQuery(_ text: String) {
        query = text
        results = session.rank(text)
        cursor = 0
    }

    public enum Target: Sendable, Hashable { case tag(String), item(id: String) }

    /// Every result in display order.
    public var count: Int { results.tags.count + results.items.count }

    /// The result at a display index.
    public func target(at index: Int) -> Target? {
        if results.tags.indices.contains(index) { return .tag(results.tags[index].tag.name) }
        let i = index - results.tags.count
        return results.items.indices.contains(i) ? .item(id: results.items[i].item.id) : nil
    }
}
