import FolioContent

/// The browser's top-level sections, in tab order (keys 1–5; 6 for the owner's Inbox, which
/// only exists when the runtime could read the outbox: see `AppState.sections`).
public enum Section: Int, Sendable, Hashable, CaseIterable {
    case about, services, caseStudies, stack, contact, inbox

    public var title: String {
        switch self {
        case .about: "About"
        case .services: "Services"
        case .caseStudies: "Case studies"
        case .stack: "Stack"
        case .contact: "Contact"
        case .inbox: "Inbox"
        }
    }

    /// What an empty list says.
    var emptyText: String {
        switch self {
        case .stack: "No stack tags yet."
        case .inbox: "No enquiries yet."
        default: "No \(title.lowercased()) yet."
        }
    }

    /// For narrow tab bars.
    public var shortTitle: String { self == .caseStudies ? "Cases" : title }

    /// Contact is one document; the others are a list beside a detail pane.
    public var hasList: Bool { self != .contact }

    /// The kind of item a section lists (services or case studies), else nil.
    var itemKind: ItemKind? {
        switch self {
        case .services: .service
        case .caseStudies: .caseStudy
        default: nil
        }
    }
}
