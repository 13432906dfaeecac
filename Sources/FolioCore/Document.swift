import FolioText

/// What the detail pane shows.
public enum DocumentID: Sendable, Hashable {
    case about(Int)
    case item(ItemRef)
    case card(ItemRef)          // an item's title, kind and summary: what the list previews
    case introduction(Section)  // a section's `_index.md`
    case tag(String)
    case contact
    case empty(Section)
    case help               // the `?` overlay's text
    case message(String)    // an Inbox message, by id
}

/// What a line of a tag view opens.
public enum LinkTarget: Sendable, Hashable {
    case item(ItemRef)
    case about            // the profile: the work overall
}

/// A detail pane's text, laid out for one width. `links` are the lines that open an item
/// (a tag view's list), in order.
public struct Document: Sendable {
    public var lines: [StyledLine]
    public var links: [Link]
    /// The links a visitor can focus (Tab), open (Enter) and copy (y): body links, the
    /// profile's links and the contact email. Cells of anchor `i` carry `Style.link == i + 1`.
    public var anchors: [Anchor] = []
    /// The first line of the Markdown body, below the title and summary (nil: no body).
    public var bodyStart: Int?

    public struct Link: Sendable, Hashable {
        public var line: Int
        public var target: LinkTarget
    }
}

/// A link in a document's text.
public struct Anchor: Sendable, Hashable {
    /// What Enter opens, as written (already sanitised: no control characters).
    public var target: String
    /// The first line showing it.
    public var line: Int

    /// What `y` copies: the address for a `mailto:` link, else the target.
    public var copyText: String {
        target.lowercased().hasPrefix("mailto:") ? String(target.dropFirst(7)) : target
    }

    /// Anchors for `targets` (numbered from 1 in `Style.link`) at their first line; a target
    /// no line shows (cut by a limit) is left out, keeping the numbers of the rest.
    static func find(_ targets: [String], in lines: [StyledLine]) -> [Anchor] {
        var first = [Int?](repeating: nil, count: targets.count)
        for (index, line) in lines.enumerated() {
            for span in line where span.style.link > 0 && Int(span.style.link) <= targets.count {
                if first[Int(span.style.link) - 1] == nil { first[Int(span.style.link) - 1] = index }
            }
        }
        return targets.indices.map { Anchor(target: targets[$0], line: first[$0] ?? 0) }
    }
}

/// Laid-out documents per (document, width), so a keystroke never re-parses Markdown.
/// Bounded: a long session of resizes cannot grow it without limit.
struct DocumentCache: Sendable {
    private struct Key: Hashable { var id: DocumentID; var width: Int }
    private var entries: [Key: Document] = [:]
    static let limit = 256

    func cached(_ id: DocumentID, width: Int) -> Document? { entries[Key(id: id, width: width)] }

    mutating func store(_ document: Document, _ id: DocumentID, width: Int) {
        if entries.count >= DocumentCache.limit { entries.removeAll(keepingCapacity: true) }
        entries[Key(id: id, width: width)] = document
    }
}

extension AppState {
    /// The document the detail pane shows right now: while the list has focus, an item shows
    /// as its card (title, kind, summary; the tags stay pinned below), so moving along the list
    /// rewrites a few lines, not a page of text; Enter opens the whole item.
    public var documentID: DocumentID {
        if pane.focus == .list, case .item(let ref) = openDocumentID { return .card(ref) }
        return openDocumentID
    }

    /// The whole document behind the detail pane: what Enter opens, and where Tab finds links.
    public var openDocumentID: DocumentID {
        switch section {
        case .about: return .about(pane.selected)
        case .services, .caseStudies:
            if let ref = selectedRef { return .item(ref) }
            return catalog.introduction(section) == nil ? .empty(section) : .introduction(section)
        case .stack: return selectedTag.map { .tag($0) } ?? .empty(.stack)
        case .contact: return .contact
        case .inbox: return selectedMessage.map { .message($0.entry.id) } ?? .empty(.inbox)
        }
    }

    /// The current document at `width`, from the cache when `update` has prepared it.
    func document(width: Int) -> Document { document(documentID, width: width) }

    func document(_ id: DocumentID, width: Int) -> Document {
        documents.cached(id, width: width) ?? builder.build(id, width: width)
    }

    private var builder: DocumentBuilder { DocumentBuilder(catalog: catalog, glyphs: glyphs, inbox: inbox, owner: !kiosk) }

    /// Lays out a document once for this width; `update` calls it so `render` finds it cached.
    @discardableResult
    mutating func prepareDocument(_ id: DocumentID? = nil, width: Int) -> Document {
        let id = id ?? documentID
        if let doc = documents.cached(id, width: width) { return doc }
        let doc = builder.build(id, width: width)
        documents.store(doc, id, width: width)
        return doc
    }
}
