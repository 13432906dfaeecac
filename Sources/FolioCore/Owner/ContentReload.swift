import FolioContent

extension AppState {
    /// Swaps in freshly loaded content (R, or `--watch`), keeping each section's place — its
    /// selection, scroll and focus — where the entry it showed still exists (matched by item id,
    /// tag name or About page title), and history entries that still lead somewhere.
    ///
    /// A reload that brings errors the current content does not have (a file broken while being
    /// edited) changes nothing but the notice: the last good content stays on screen with the
    /// first new error, until a later reload succeeds.
    mutating func reload(with portfolio: Portfolio) {
        var next = Catalog(portfolio)
        if catalog.searchIndex != nil { _ = next.indexForSearch() }
        let known = Set(catalog.portfolio.diagnostics.filter { $0.severity == .error }.map(Self.problemKey))
        let fresh = next.portfolio.diagnostics.filter { $0.severity == .error && !known.contains(Self.problemKey($0)) }
        if let first = fresh.first {
            notice = .reloadKept(Self.describe(first), more: fresh.count - 1)
            return
        }
        let old = catalog
        for section in Section.allCases {
            panes[section.rawValue] = Self.carry(panes[section.rawValue], in: section, from: old, to: next)
                ?? Self.moved(panes[section.rawValue])
        }
        history = history.compactMap { location in
            Self.carry(location.pane, in: location.section, from: old, to: next).map { Location(section: location.section, pane: $0) }
        }
        catalog = next
        documents = DocumentCache()
        lastSearch = lastSearch.filter { next.stackEntry(of: $0) != nil }
        find = find.map { PageFind(query: $0.query, document: $0.document) }  // found again in the new text
        if case .search(let prompt)? = overlay {
            var fresh = TagPrompt(catalog.indexForSearch())
            fresh.setQuery(prompt.query)
            overlay = .search(fresh)
        }
        notice = .reloaded(problems: next.portfolio.diagnostics.count)
    }

    /// A diagnostic's identity across reloads: where and what, not the line (which moves with edits).
    private static func problemKey(_ d: Diagnostic) -> String { d.path + "\u{0}" + d.message }

    /// "bankvole.md:3: <message>": the file's name, for a one-line status bar.
    private static func describe(_ d: Diagnostic) -> String {
        let name = d.path.split(separator: "/").last.map(String.init) ?? d.path
        return "\(name):\(d.line): \(d.message)"
    }

    /// The pane with its selection moved to where the same entry is in `next`; nil when that
    /// entry is gone.
    private static func carry(_ pane: PaneState, in section: Section, from old: Catalog, to next: Catalog) -> PaneState? {
        let index: Int?
        switch section {
        case .about:
            guard old.aboutPages.indices.contains(pane.selected) else { return pane }
            let title = old.aboutPages[pane.selected].title
            index = next.aboutPages.firstIndex { $0.title == title }
        case .services, .caseStudies:
            let items = old.items(section)
            guard items.indices.contains(pane.selected) else { return pane }
            let id = items[pane.selected].id
            index = next.items(section).firstIndex { $0.id == id }
        case .stack:
            guard let tag = old.stackTag(at: pane.selected) else { return pane }
            index = next.stackEntry(of: tag)
        case .contact, .inbox:
            return pane
        }
        guard let index else { return nil }
        var carried = pane
        carried.selected = index
        return carried
    }

    /// The place of a section whose entry went away: the same row (now the next entry), from the top.
    private static func moved(_ pane: PaneState) -> PaneState {
        var place = pane
        place.scroll = 0
        place.tagCursor = 0
        place.linkCursor = 0
        if place.focus == .tags { place.focus = .detail }
        return place
    }
}
