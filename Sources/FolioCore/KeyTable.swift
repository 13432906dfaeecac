/// The one table of key bindings. The status bar, the `?` help and key handling all read it.
public struct KeyTable: Sendable {
    public let bindings: [Binding]

    public static let standard = KeyTable(bindings: StandardBindings.all)

    /// Contexts in the order they are consulted for the current state.
    public func contexts(for state: AppState) -> [KeyContext] {
        switch state.overlay {
        case .help?: return [.help, .always]
        case .search?: return [.search, .always]
        case .link?: return [.link, .always]
        case nil: break
        }
        if state.composer.isOpen { return [state.composer.isOffering ? .draftOffer : .composer, .always] }
        let local: KeyContext
        if !state.section.hasList {
            local = .document
        } else {
            switch state.pane.focus {
            case .list: local = .list
            case .detail: local = state.section == .stack ? .tagView : .detail
            case .tags: local = .tags
            }
        }
        return (state.section == .inbox ? [.inbox, local] : [local]) + [.anywhere, .always]
    }

    /// What a key means right now, or nil when it means nothing here. A binding whose
    /// condition does not hold is passed over (Tab moves between links only where there are
    /// links; elsewhere it changes section).
    public func action(for key: Key, in state: AppState) -> Action? {
        let contexts = contexts(for: state)
        for context in contexts {
            for binding in bindings where binding.context == context && holds(binding.condition, state) {
                if let hit = binding.keys.first(where: { $0.key == key }) { return hit.action }
            }
        }
        let typing = contexts.contains(.search) || contexts.contains(.composer)
        switch key {
        case .char(let c) where typing: return .insert(String(c))
        case .paste(let text) where typing: return .insert(text)
        case .mouse(let event):
            switch event.kind {
            case .click: return .click(x: event.x, y: event.y)
            case .wheelUp: return .wheel(lines: -3, x: event.x, y: event.y)
            case .wheelDown: return .wheel(lines: 3, x: event.x, y: event.y)
            }
        case .resize(let width, let height): return .resize(width: width, height: height)
        case .hangup: return .quit
        default: return nil
        }
    }

    /// Bindings for the status bar: those that apply now, most specific first.
    public func statusBindings(for state: AppState) -> [Binding] {
        contexts(for: state).flatMap { context in
            bindings.filter { $0.context == context && $0.statusKeys > 0 && holds($0.condition, state) }
        }
    }

    func holds(_ condition: BindingCondition?, _ state: AppState) -> Bool {
        switch condition {
        case nil: true
        case .hasHistory: !state.history.isEmpty
        case .hasLastSearch: !state.lastSearch.isEmpty && state.pageFind == nil  // n/N: the page's matches first
        case .hasTags: !state.currentTags.isEmpty
        case .hasEntries: state.entryCount(state.section) > 0
        case .owner: !state.kiosk
        case .hasInbox: state.inbox != nil
        case .hasLinks: !state.anchors.isEmpty
        case .linkFocused: state.focusedAnchor != nil
        case .canCopy: state.canCopy
        case .hasPageMatches: state.pageFind != nil
        }
    }
}
