import FolioContent
import FolioOutbox
import FolioText

/// Which part of a section has the keyboard.
public enum Focus: Sendable, Hashable {
    case list       // the item list
    case detail     // reading the detail pane (or, in Stack, choosing an item of the tag)
    case tags       // the tag row pinned under an item's text
}

/// Where a section is: its selection, scroll and focus. Each section keeps its own, so
/// switching away and back returns to the same place.
public struct PaneState: Sendable, Hashable {
    public var selected = 0     // entry in the section's list
    public var listTop = 0      // first list row shown
    public var focus = Focus.list
    public var scroll = 0       // first detail line shown
    public var tagCursor = 0    // selected tag in the tag row
    public var linkCursor = 0   // selected item in a Stack tag view
    public var anchor: Int?     // focused link of the document (Tab), if any
    public init() {}
}

/// A place in history: a section and its pane.
public struct Location: Sendable, Hashable {
    public var section: Section
    public var pane: PaneState
}

/// A modal layer over the browser.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case search(TagPrompt)
    /// A link shown in full, ready to copy (Enter on a link in a kiosk, which opens nothing).
    case link(String)
}

/// The whole browser state. Changed only by `update`; drawn only by `render`.
public struct AppState: Sendable {
    /// Replaced only by a reload (`reload(with:)`), which keeps the places that still exist.
    public internal(set) var catalog: Catalog
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var section: Section = .about
    public internal(set) var panes: [PaneState]
    public internal(set) var history: [Location] = []
    public internal(set) var overlay: Overlay?
    /// Tags found by the last submitted search, stepped through with n/N.
    public internal(set) var lastSearch: [String] = []
    /// The last search's query in the page it opened (highlighted; n/N step through it there).
    public internal(set) var find: PageFind?
    /// The contact composer: open or not, its text survives for the whole session.
    public internal(set) var composer = ComposerState()
    /// Box drawing and symbols: `.ascii` under a non-UTF-8 locale.
    public let glyphs: Glyphs
    /// Arrows, separators and key names to match `glyphs`.
    public let symbols: Symbols
    /// Whether Ctrl-Z may stop folio and give the shell back (false in a kiosk, where it is
    /// only a key: a visitor has no shell to return to).
    public var allowsSuspend = true
    /// The owner's enquiries, read by the runtime; nil (no Inbox section) in a kiosk and for
    /// anyone who cannot read the outbox.
    public internal(set) var inbox: InboxListing?
    /// A line for the status bar about the last reload or inbox change.
    public internal(set) var notice: Notice?
    /// Whether the terminal reports the mouse to folio (`m` toggles it for the session; off,
    /// the terminal's own selection works). The wiring sets the starting value (`--no-mouse`).
    public var mouseCapture = true
    var documents = DocumentCache()

    static let historyLimit = 100

    public var portfolio: Portfolio { catalog.portfolio }

    /// A kiosk visit: content problems (and the server paths in them) are the owner's, so
    /// they never reach the screen; the runtime logs them instead. Broken items are simply absent.
    public let kiosk: Bool

    public init(portfolio: Portfolio, width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode, kiosk: Bool = false) {
        var portfolio = portfolio
        if kiosk { portfolio.diagnostics = [] }
        catalog = Catalog(portfolio)
        self.kiosk = kiosk
        self.glyphs = glyphs
        symbols = Symbols(matching: glyphs)
        self.width = width
        self.height = height
        panes = Array(repeating: PaneState(), count: Section.allCases.count)
        normalize()
    }

    /// The sections shown as tabs, in order: Inbox only when there is one.
    public var sections: [Section] { Section.allCases.filter { $0 != .inbox || inbox != nil } }

    /// How many selectable entries a section's list has.
    public func entryCount(_ section: Section) -> Int {
        section == .inbox ? inbox?.messages.count ?? 0 : catalog.entryCount(section)
    }

    /// The section `delta` tabs away, wrapping around.
    func section(after delta: Int) -> Section {
        let shown = sections
        let here = shown.firstIndex(of: section) ?? 0
        let n = shown.count
        return shown[((here + delta) % n + n) % n]
    }

    public var pane: PaneState {
        get { panes[section.rawValue] }
        set { panes[section.rawValue] = newValue }
    }

    public var location: Location { Location(section: section, pane: pane) }

    /// Opens straight at an item (`bankvole`, `case-studies/bankvole`) or a stack tag.
    /// Returns false, leaving the state unchanged, when nothing matches.
    @discardableResult
    public mutating func open(_ reference: String) -> Bool {
        if let ref = catalog.find(reference) {
            show(ref)
        } else if let tag = catalog.canonicalTag(reference), let entry = catalog.stackEntry(of: tag) {
            section = .stack
            pane = PaneState()
            pane.selected = entry
            pane.focus = .detail
        } else {
            return false
        }
        normalize()
        return true
    }

    /// Makes an item current with its detail focused.
    mutating func show(_ ref: ItemRef) {
        section = ref.section
        var next = PaneState()
        next.selected = catalog.entry(of: ref)
        next.listTop = pane.listTop
        next.focus = .detail
        pane = next
    }

    /// The item selected in Services or Case studies, if that is where we are.
    public var selectedItem: Item? { selectedRef.map(catalog.item) }

    /// Where the selected item is, if an item (not an introduction) is selected.
    public var selectedRef: ItemRef? { catalog.ref(section, entry: pane.selected) }

    /// The tag selected in the Stack list.
    public var selectedTag: String? { section == .stack ? catalog.stackTag(at: pane.selected) : nil }

    /// The tags under the current document: the selected item's, or on About's first page the
    /// profile's (the work overall). Empty elsewhere.
    public var currentTags: [String] {
        if section == .about { return pane.selected == 0 ? catalog.profileTags : [] }
        return selectedItem.map { catalog.tags(of: $0) } ?? []
    }
}
