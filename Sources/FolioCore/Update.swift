/// The state machine: every change to the browser goes through here. Pure: the only way
/// out is the returned effects.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    var effects: [Effect] = []
    switch action {
    case .notice(let text):
        state.notice = .said(text)
    case .toggleMouse:
        state.mouseCapture.toggle()
        effects.append(.terminal(.mouse(state.mouseCapture)))
    case .openLink:
        effects += state.openLink()
    case .copyLink:
        effects += state.copyLink()
    case .quit:
        effects.append(.quit)
    case .repaint:
        effects.append(.repaint)
    case .suspend:
        if state.allowsSuspend { effects.append(.suspend) }
    case .resize(let width, let height):
        state.resize(width: width, height: height)
    case .typingPaused, .sendFinished, .draft:
        effects += state.updateComposerOutcome(action)
    case .toggleRead, .archiveMessage, .inboxChanged, .inboxLoaded, .inboxFailed, .messageRead, .reload, .contentLoaded:
        effects += state.updateOwner(action)
    default:
        switch state.overlay {
        case .help(let scroll)?: state.updateHelp(action, scroll: scroll)
        case .search(let prompt)?: state.updatePrompt(action, prompt)
        case .link?: if action == .closeOverlay { state.overlay = nil }
        case nil where state.composer.isOpen: effects += state.updateComposer(action)
        case nil: state.updateBrowser(action)
        }
    }
    state.normalize()
    state.normalizeComposer()
    return effects + state.messageToRead()
}

/// Maps a key through the key table for the current context and applies it.
public func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
    // A passing notice ("reloaded") has been seen once a key is pressed.
    if let notice = state.notice, !notice.isSticky { if case .resize = key {} else { state.notice = nil } }
    if let action = KeyTable.standard.action(for: key, in: state) { return update(&state, action) }
    // Esc then a key in one burst (a fast typist, a paste of keys, ssh lag) reads as Alt+key.
    // Where Alt+key means nothing, it was the two keys.
    if case .alt(let character) = key {
        return handle(&state, .esc) + handle(&state, .char(character))
    }
    return []
}

extension AppState {
    mutating func updateBrowser(_ action: Action) {
        switch action {
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-page)
        case .pageDown: move(page)
        case .halfPageUp: move(-max(1, page / 2))
        case .halfPageDown: move(max(1, page / 2))
        case .top: move(-Int.max / 2)
        case .bottom: move(Int.max / 2)
        case .previousTag: stepTag(-1)
        case .nextTag: stepTag(1)
        case .showSection(let target): if sections.contains(target) { section = target }
        case .nextSection: section = section(after: 1)
        case .previousSection: section = section(after: -1)
        case .openContact: openComposer()
        case .focusList: if section.hasList { pane.focus = .list }
        case .focusDetail: pane.focus = .detail
        case .focusTags: if !currentTags.isEmpty { pane.focus = .tags }
        case .activate: activate()
        case .back: back()
        case .openSearch:
            overlay = .search(TagPrompt(catalog.indexForSearch()))
        case .openHelp: overlay = .help(scroll: 0)
        case .searchNextMatch: stepSearch(1)
        case .searchPreviousMatch: stepSearch(-1)
        case .nextInPage: stepFind(1)
        case .previousInPage: stepFind(-1)
        case .nextLink: stepLink(1)
        case .previousLink: stepLink(-1)
        case .click(let x, let y): click(x: x, y: y)
        case .wheel(let lines, let x, let y): wheel(lines, x: x, y: y)
        case .closeOverlay, .insert, .deleteBackward, .clearInput, .resize, .quit, .repaint, .suspend,
             .composer, .typingPaused, .sendFinished, .draft, .toggleRead, .archiveMessage, .inboxChanged,
             .inboxLoaded, .inboxFailed, .messageRead, .reload, .contentLoaded,
             .openLink, .copyLink, .toggleMouse, .notice: break
        }
    }

    /// Rows one page moves: the height of whatever has focus.
    var page: Int {
        let g = Geometry(self)
        return max(1, (pane.focus == .list ? g.list?.height : g.text.height) ?? 1)
    }

    /// Moves whatever has focus: the list selection, the tag view's cursor, or the text.
    mutating func move(_ delta: Int) {
        switch pane.focus {
        case .list: select(pane.selected.clampedAdd(delta))
        case .detail where section == .stack: pane.linkCursor = pane.linkCursor.clampedAdd(delta)
        case .detail, .tags: pane.scroll = pane.scroll.clampedAdd(delta)
        }
    }

    /// Selects a list entry; a new entry starts its detail at the top.
    mutating func select(_ entry: Int) {
        let entry = min(max(0, entry), max(0, entryCount(section) - 1))
        guard entry != pane.selected else { return }
        pane.selected = entry
        pane.scroll = 0
        pane.tagCursor = 0
        pane.linkCursor = 0
        pane.anchor = nil
    }

    mutating func stepTag(_ delta: Int) {
        let count = currentTags.count
        guard count > 0 else { return }
        if pane.focus == .tags {
            pane.tagCursor = min(max(0, pane.tagCursor + delta), count - 1)
        }
        pane.focus = .tags
    }

    /// Enter on what has focus: a list entry focuses its detail; a tag opens the tag view;
    /// an item in a tag view opens that item. Opening pushes history.
    mutating func activate() {
        switch pane.focus {
        case .list:
            pane.focus = .detail
        case .tags:
            let tags = currentTags
            guard tags.indices.contains(pane.tagCursor) else { return }
            openTag(tags[pane.tagCursor])
        case .detail:
            guard section == .stack, let tag = selectedTag else { return }
            let links = document(width: Geometry(self).text.width).links
            guard links.indices.contains(pane.linkCursor) else { return }
            open(links[pane.linkCursor].target, from: tag)
        }
    }

    mutating func pushHistory() {
        history.append(location)
        if history.count > AppState.historyLimit { history.removeFirst() }
    }

    mutating func openTag(_ tag: String) {
        guard let entry = catalog.stackEntry(of: tag) else { return }
        pushHistory()
        section = .stack
        let top = pane.listTop
        pane = PaneState()
        pane.listTop = top
        pane.selected = entry
        pane.focus = .detail
    }

    /// Opens an item or About; when it came from a tag, that tag is preselected in the tag
    /// row so the way back is visible.
    mutating func open(_ target: LinkTarget, from tag: String?) {
        pushHistory()
        switch target {
        case .item(let ref): show(ref)
        case .about:
            section = .about
            pane.selected = 0
            pane.scroll = 0
            pane.focus = .detail
        }
        if let tag, let i = currentTags.firstIndex(of: tag) { pane.tagCursor = i }
    }

    mutating func back() {
        guard let previous = history.popLast() else { return }
        section = previous.section
        pane = previous.pane
    }

    /// n/N: the next or previous tag of the last search, wrapping around.
    mutating func stepSearch(_ delta: Int) {
        guard !lastSearch.isEmpty else { return }
        let current = selectedTag.flatMap { lastSearch.firstIndex(of: $0) }
        let next = current.map { (($0 + delta) % lastSearch.count + lastSearch.count) % lastSearch.count }
            ?? (delta > 0 ? 0 : lastSearch.count - 1)
        guard let entry = catalog.stackEntry(of: lastSearch[next]) else { return }
        section = .stack
        select(entry)
    }

    mutating func resize(width newWidth: Int, height newHeight: Int) {
        let before = document(width: Geometry(self).text.width).lines.count
        width = max(1, newWidth)
        height = max(1, newHeight)
        // Keep the reading position: map the scroll through the re-wrapped line count.
        let after = prepareDocument(width: Geometry(self).text.width).lines.count
        if before > 0, after != before { pane.scroll = pane.scroll * after / before }
    }
}

extension Int {
    /// Addition that saturates instead of trapping, for "move to the very end".
    func clampedAdd(_ delta: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(delta)
        return overflow ? (delta > 0 ? Int.max : Int.min) : sum
    }
}
