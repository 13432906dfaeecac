extension AppState {
    mutating func updateHelp(_ action: Action, scroll: Int) {
        let page = max(1, HelpView.frame(self).height - 2)
        switch action {
        case .up: overlay = .help(scroll: scroll - 1)
        case .down: overlay = .help(scroll: scroll + 1)
        case .pageUp, .halfPageUp: overlay = .help(scroll: scroll - page)
        case .pageDown, .halfPageDown: overlay = .help(scroll: scroll + page)
        case .top: overlay = .help(scroll: 0)
        case .bottom: overlay = .help(scroll: Int.max / 2)
        case .wheel(let lines, _, _): overlay = .help(scroll: scroll + lines)
        case .closeOverlay, .openHelp: overlay = nil
        default: break
        }
    }

    mutating func updatePrompt(_ action: Action, _ prompt: TagPrompt) {
        var prompt = prompt
        switch action {
        case .insert(let text):
            let clean = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
                .filter { !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) })
            prompt.setQuery(prompt.query + clean)
        case .deleteBackward: prompt.setQuery(String(prompt.query.dropLast()))
        case .clearInput: prompt.setQuery("")
        case .up: prompt.cursor = max(0, prompt.cursor - 1)
        case .down: prompt.cursor += 1
        case .wheel(let lines, _, _): prompt.cursor = max(0, prompt.cursor + lines)
        case .top: prompt.cursor = 0
        case .bottom: prompt.cursor = Int.max / 2
        case .closeOverlay:
            overlay = nil
            return
        case .activate:
            overlay = nil
            submit(prompt)
            return
        default: break
        }
        overlay = .search(prompt)
    }

    /// Enter in the prompt: open the chosen tag or item and remember the tags for n/N. An item
    /// (by its title or its text) opens with the query found in its page; a text match opens
    /// scrolled to the occurrence it showed.
    mutating func submit(_ prompt: TagPrompt) {
        guard let target = prompt.target(at: prompt.cursor) else { return }
        lastSearch = prompt.results.tags.map(\.tag.name)
        find = nil
        switch target {
        case .tag(let name): openTag(name)
        case .item(let id):
            guard let ref = catalog.ref(id: id) else { return }
            open(.item(ref), from: nil)
            startFind(prompt.query, occurrence: nil)
        case .text(let id, let occurrence):
            guard let ref = catalog.ref(id: id) else { return }
            open(.item(ref), from: nil)
            startFind(prompt.query, occurrence: occurrence)
        }
    }
}
