/// The typed portfolio: what the loader produces and everything else reads.

public enum ItemKind: String, Sendable, Hashable, CaseIterable, Codable {
    case service
    case caseStudy = "case-study"

    /// The folder under Content/ that holds this kind.
    public var folder: String { self == .service ? "services" : "case-studies" }
    public var displayName: String { self == .service ? "Service" : "Case study" }
    public var pluralName: String { self == .service ? "services" : "case studies" }
}

public struct Link: Sendable, Hashable, Codable {
    public var label: String
    public var url: String
    public init(label: String, url: String) { self.label = label; self.url = url }
}

public struct Profile: Sendable, Hashable {
    public var name: String        // the name line, e.g. "Engineering · Backend"
    public var headline: String    // "Backend Engineering — Distributed Systems & Microservices"
    public var tagline: String
    public var email: String       // where enquiries go
    public var links: [Link]
    public var body: String        // Markdown: introduction, experience, principles
    public var path: String
    /// Stack tags for the work overall (languages used across everything), not one item.
    public var tags: [String]
    /// The call to action that opens the contact composer ("Talk about a backend project").
    public var contactPrompt: String = ""
    public init(name: String, headline: String, tagline: String, email: String,
                links: [Link], body: String, path: String, tags: [String] = []) {
        self.name = name; self.headline = headline; self.tagline = tagline
        self.email = email; self.links = links; self.body = body; self.path = path
        self.tags = tags
    }

    /// Stands in when profile.md is missing or broken, so the UI still runs.
    public static func placeholder(path: String) -> Profile {
        Profile(name: "(no profile)", headline: "", tagline: "", email: "", links: [], body: "", path: path)
    }
}

/// A service or a case study.
public struct Item: Sendable, Hashable, Identifiable {
    public var kind: ItemKind
    public var slug: String
    public var title: String
    public var summary: String
    public var sector: String?
    public var order: Int
    public var tags: [String]      // tag names, as in the stack file
    public var date: String?
    public var body: String        // Markdown
    public var path: String
    public var id: String { "\(kind.folder)/\(slug)" }
    public init(kind: ItemKind, slug: String, title: String, summary: String, sector: String? = nil,
                order: Int = 0, tags: [String] = [], date: String? = nil, body: String = "", path: String = "") {
        self.kind = kind; self.slug = slug; self.title = title; self.summary = summary
        self.sector = sector; self.order = order; self.tags = tags; self.date = date
        self.body = body; self.path = path
    }
}

public struct Tag: Sendable, Hashable {
    public var name: String
    public var aliases: [String]
    public var groups: [String]    // a tag may sit in several groups (Helm does)
    public init(name: String, aliases: [String] = [], groups: [String] = []) {
        self.name = name; self.aliases = aliases; self.groups = groups
    }
}

public struct TagGroup: Sendable, Hashable {
    public var name: String
    public var tags: [String]      // tag names in file order
    public init(name: String, tags: [String]) { self.name = name; self.tags = tags }
}

public struct Stack: Sendable, Hashable {
    public var intro: String
    public var groups: [TagGroup]
    public var tags: [Tag]         // unique tags in first-seen order
    public init(intro: String = "", groups: [TagGroup] = [], tags: [Tag] = []) {
        self.intro = intro; self.groups = groups; self.tags = tags
    }
}

/// A section's introduction: the `_index.md` of its folder, shown above its list.
public struct SectionIntroduction: Sendable, Hashable {
    public var title: String
    public var body: String        // Markdown
    public var path: String
    public init(title: String, body: String, path: String) {
        self.title = title; self.body = body; self.path = path
    }
}

public struct Portfolio: Sendable, Hashable {
    public var profile: Profile
    public var services: [Item]     // sorted by order, then title
    public var caseStudies: [Item]
    public var stack: Stack
    public var diagnostics: [Diagnostic]
    /// Section introductions (`_index.md`), by the kind of item the section lists.
    public var introductions: [ItemKind: SectionIntroduction]
    public init(profile: Profile, services: [Item], caseStudies: [Item], stack: Stack,
                diagnostics: [Diagnostic] = [], introductions: [ItemKind: SectionIntroduction] = [:]) {
        self.profile = profile; self.services = services; self.caseStudies = caseStudies
        self.stack = stack; self.diagnostics = diagnostics; self.introductions = introductions
    }

    public var items: [Item] { services + caseStudies }

    /// Items that use a tag, services first.
    public func items(taggedWith tag: String) -> [Item] {
        items.filter { $0.tags.contains(tag) }
    }

    /// True when any diagnostic is an error (`folio check` exits 1).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// The item with this slug (slugs are unique across services and case studies).
    public func item(slug: String) -> Item? { items.first { $0.slug == slug } }

    /// Ids of what uses a tag: "profile" (the work overall), then item ids
    /// ("services/<slug>", "case-studies/<slug>").
    public func users(ofTag tag: String) -> [String] {
        (profile.tags.contains(tag) ? ["profile"] : []) + items(taggedWith: tag).map(\.id)
    }
}

extension Stack {
    public func tag(named name: String) -> Tag? { tags.first { $0.name == name } }
}
