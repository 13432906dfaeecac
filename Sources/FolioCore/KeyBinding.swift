/// Where a binding applies. The current state yields an ordered list of contexts; the
/// first binding that has the key wins.
public enum KeyContext: Sendable, Hashable, CaseIterable {
    case anywhere, list, detail, tags, tagView, document, inbox, composer, draftOffer, search, help, link, always

    public var title: String {
        switch self {
        case .anywhere: "Anywhere in the browser"
        case .list: "List"
        case .detail: "Reading an item"
        case .tags: "Tag row (under an item)"
        case .tagView: "Tag view (Stack, right pane)"
        case .document: "Contact"
        case .inbox: "Inbox (the outbox's owner, outside kiosk mode)"
        case .composer: "Writing a message (c)"
        case .draftOffer: "A draft waiting from an earlier visit"
        case .search: "Search (/)"
        case .help: "This help"
        case .link: "A link shown in full (Enter on a link in a kiosk)"
        case .always: "Even in prompts"
        }
    }
}

/// A binding shows only when it can do something (the status bar hides "back" with no history).
/// `owner` and `hasInbox` bindings are also left out of a kiosk's help: a visitor cannot use them.
public enum BindingCondition: Sendable, Hashable {
    case hasHistory, hasLastSearch, hasTags, hasEntries
    case owner          // not in kiosk mode
    case hasInbox       // the outbox was readable: the Inbox section exists
    case hasLinks, linkFocused, canCopy
    case hasPageMatches     // the page on screen holds the last search's query

    /// Whether the binding is the owner's alone, so a kiosk never shows it anywhere.
    public var isOwners: Bool { self == .owner || self == .hasInbox }
}

/// One row of the key table: its keys, what each does, and how the status bar and the
/// help overlay describe it.
public struct Binding: Sendable {
    public var context: KeyContext
    public var keys: [(key: Key, action: Action)]
    public var label: String            // status bar: "move"
    public var help: String             // help overlay: a sentence
    public var statusKeys: Int          // how many keys the status bar names; 0 = help only
    public var keysLabel: String?       // help overlay override, e.g. "1–5"
    public var condition: BindingCondition?

    public init(_ context: KeyContext, _ keys: [(key: Key, action: Action)], label: String, help: String,
                statusKeys: Int = 0, keysLabel: String? = nil, when condition: BindingCondition? = nil) {
        self.context = context; self.keys = keys; self.label = label; self.help = help
        self.statusKeys = statusKeys; self.keysLabel = keysLabel; self.condition = condition
    }

    /// Same action for several keys.
    public init(_ context: KeyContext, _ keys: [Key], _ action: Action, label: String, help: String,
                statusKeys: Int = 0, when condition: BindingCondition? = nil) {
        self.init(context, keys.map { (key: $0, action: action) }, label: label, help: help,
                  statusKeys: statusKeys, when: condition)
    }

    /// The keys as the help overlay lists them.
    public func keyList(_ glyphs: Symbols) -> String {
        if let keysLabel { return keysLabel }
        var seen: [String] = []
        for (key, _) in keys where !seen.contains(key.label(glyphs)) { seen.append(key.label(glyphs)) }
        return seen.joined(separator: " ")
    }

    /// "j/k move", as the status bar shows it.
    public func statusText(_ glyphs: Symbols) -> String {
        keys.prefix(statusKeys).map { $0.key.label(glyphs) }.joined(separator: "/") + " " + label
    }
}
