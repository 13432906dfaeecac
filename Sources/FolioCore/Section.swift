import FolioContent

/// The browser's top-level sections, in tab order (keys 1–5).
public enum Section: Int, Sendable, Hashable, CaseIterable {
    case about, services, caseStudies, stack, contact

    public var title: String {
        switch self {
        case .about: "About"
        case .services: "Services"
        case .caseStudies: "Case studies"
        case .stack: "Stack"
        case .contact: "Contact"
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

    func offset(_ delta: Int) -> Section {
        let n = Section.allCases.count
        return Section(rawValue: ((rawValue + delta) % n + n) % n)!
    }
}
