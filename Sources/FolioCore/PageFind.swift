import FolioSearch
import FolioText

/// The last search's query, found in the page it opened: the occurrences the detail pane
/// highlights and `n`/`N` step through (wrapping around at either end). It belongs to one
/// document; elsewhere it shows nothing, and the next search replaces it.
public struct PageFind: Sendable, Hashable {
    public var query: String
    public var document: DocumentID
    /// The occurrences in `document` laid out at `width`.
    public internal(set) var matches: [PageOccurrence] = []
    public internal(set) var width = 0
    /// The occurrence `n`/`N` last went to (reversed on screen), if any.
    public internal(set) var current: Int?
}

extension AppState {
    /// The find of the page on screen, with its occurrences, if it has any.
    var pageFind: PageFind? {
        guard let find, find.document == documentID, !find.matches.isEmpty else { return nil }
        return find
    }

    /// Starts finding `query` in the current document; `occurrence` (in its body, counted
    /// as the search counted it) becomes current and is scrolled into view.
    mutating func startFind(_ query: String, occurrence: Int?) {
        find = PageFind(query: query, document: documentID)
        refreshFind()
        guard let occurrence, var find, !find.matches.isEmpty else { return }
        let doc = prepareDocument(width: Geometry(self).text.width)
        let body = find.matches.indices.filter { find.matches[$0].line >= (doc.bodyStart ?? 0) }
        guard let chosen = body.isEmpty ? nil : body[min(occurrence, body.count - 1)] else { return }
        find.current = chosen
        self.find = find
        reveal(find.matches[chosen].line, top: true)
    }

    /// Recomputes the occurrences when the document on screen is the find's and its width changed.
    mutating func refreshFind() {
        guard var find, find.document == documentID else { return }
        let width = Geometry(self).text.width
        guard find.width != width else { return }
        let doc = prepareDocument(width: width)
        find.matches = PageSearch.occurrences(of: find.query, in: doc.lines.map(Text.plain))
        find.width = width
        // After re-wrapping, the same occurrence in reading order stays current.
        find.current = find.matches.isEmpty ? nil : find.current.map { min($0, find.matches.count - 1) }
        self.find = find
    }

    /// n/N: the next or previous occurrence, wrapping around; from none, the first one at or
    /// below the top of the pane (the last one above it, going back).
    mutating func stepFind(_ delta: Int) {
        guard var find = pageFind else { return }
        let n = find.matches.count
        let next: Int
        if let current = find.current {
            next = ((current + delta) % n + n) % n
        } else if delta > 0 {
            next = find.matches.firstIndex { $0.line >= pane.scroll } ?? 0
        } else {
            next = find.matches.lastIndex { $0.line < pane.scroll } ?? n - 1
        }
        find.current = next
        self.find = find
        reveal(find.matches[next].line, top: false)
    }

    /// Scrolls so `line` is in view: a third of the way down when it was out of view (or `top`).
    private mutating func reveal(_ line: Int, top: Bool) {
        let height = Geometry(self).text.height
        if top || line < pane.scroll || line >= pane.scroll + height {
            pane.scroll = max(0, line - height / 3)
        }
    }
}
