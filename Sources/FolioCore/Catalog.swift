import FolioContent
import FolioSearch

/// A reference to a service or case study by position in its section's list.
public struct ItemRef: Sendable, Hashable {
    public var section: Section       // .services or .caseStudies
    public var index: Int
}

/// One row of the Stack list: a group heading or a tag with its usage count.
public enum StackRow: Sendable, Hashable {
    case group(String)
    case tag(String, usedBy: Int)
}

/// Everything derived once from the portfolio so no keystroke has to recompute it:
/// About pages, Stack rows, which items use each tag, and tag-name resolution.
public struct Catalog: Sendable {
    public let portfolio: Portfolio
    public let aboutPages: [AboutPage]
    public let stackRows: [StackRow]
    /// Row index (in `stackRows`) of each selectable tag entry.
    public let stackEntryRows: [Int]
    private let usage: [String: [ItemRef]]
    /// Tags the profile names for the work overall, resolved like item tags.
    public let profileTags: [String]
    private let canonicalNames: [String: String]
    private let itemTags: [String: [String]]
    private let tagsByName: [String: Tag]
    private let groupsByTag: [String: [String]]
    private let refsByID: [String: ItemRef]
    /// Folded tags, titles and page text for `/` search: nil until the first search builds it
    /// (`indexForSearch()`), so the first frame does not wait for it.
    public private(set) var searchIndex: TagIndex?

    public init(_ portfolio: Portfolio) {
        let portfolio = portfolio.sanitised()
        self.portfolio = portfolio
        aboutPages = AboutPage.split(portfolio.profile.body) + AboutPage.problems(portfolio)
        var tagsByName: [String: Tag] = [:]
        var canonical: [String: String] = [:]
        for tag in portfolio.stack.tags {
            tagsByName[tag.name] = tag
            canonical[tag.name.lowercased()] = tag.name
        }
        for tag in portfolio.stack.tags {
            for alias in tag.aliases where canonical[alias.lowercased()] == nil { canonical[alias.lowercased()] = tag.name }
        }
        var usage: [String: [ItemRef]] = [:]
        var itemTags: [String: [String]] = [:]
        var unlisted: [String] = []
        for (section, items) in [(Section.services, portfolio.services), (.caseStudies, portfolio.caseStudies)] {
            for (index, item) in items.enumerated() {
                var names: [String] = []
                for raw in item.tags {
                    let name = canonical[raw.lowercased()] ?? raw
                    if canonical[raw.lowercased()] == nil { canonical[raw.lowercased()] = raw; unlisted.append(raw) }
                    guard !names.contains(name) else { continue }
                    names.append(name)
                    usage[name, default: []].append(ItemRef(section: section, index: index))
                }
                itemTags[item.id] = names
            }
        }
        var profileTags: [String] = []
        for raw in portfolio.profile.tags {
            let name = canonical[raw.lowercased()] ?? raw
            if canonical[raw.lowercased()] == nil { canonical[raw.lowercased()] = raw; unlisted.append(raw) }
            if !profileTags.contains(name) { profileTags.append(name) }
        }
        self.profileTags = profileTags
        var rows: [StackRow] = []
        for group in portfolio.stack.groups {
            rows.append(.group(group.name))
            rows += group.tags.map { .tag($0, usedBy: usage[$0]?.count ?? 0) }
        }
        let grouped = Set(portfolio.stack.groups.flatMap(\.tags))
        var seenLoose = Set<String>()
        let loose = (portfolio.stack.tags.map(\.name) + unlisted).filter { !grouped.contains($0) && seenLoose.insert($0).inserted }
        if !loose.isEmpty {
            rows.append(.group("Other tags"))
            rows += loose.map { .tag($0, usedBy: usage[$0]?.count ?? 0) }
        }
        var groupsByTag: [String: [String]] = [:]
        for group in portfolio.stack.groups {
            for tag in group.tags where groupsByTag[tag]?.contains(group.name) != true { groupsByTag[tag, default: []].append(group.name) }
        }
        self.groupsByTag = groupsByTag
        var refsByID: [String: ItemRef] = [:]
        for section in [Section.services, .caseStudies] {
            for (i, item) in (section == .services ? portfolio.services : portfolio.caseStudies).enumerated() {
                refsByID[item.id] = refsByID[item.id] ?? ItemRef(section: section, index: i)
            }
        }
        self.refsByID = refsByID
        stackRows = rows
        stackEntryRows = rows.indices.filter { if case .tag = rows[$0] { true } else { false } }
        self.usage = usage
        self.canonicalNames = canonical
        self.itemTags = itemTags
        self.tagsByName = tagsByName
    }

    /// The `/` search index, built on the first call (the first `/`) and kept.
    public mutating func indexForSearch() -> TagIndex {
        if let searchIndex { return searchIndex }
        let index = TagIndex(portfolio: portfolio)
        searchIndex = index
        return index
    }

    public func items(_ section: Section) -> [Item] {
        switch section {
        case .services: portfolio.services
        case .caseStudies: portfolio.caseStudies
        default: []
        }
    }

    public func item(_ ref: ItemRef) -> Item { items(ref.section)[ref.index] }

    /// How many selectable entries a section's list has.
    public func entryCount(_ section: Section) -> Int {
        switch section {
        case .about: aboutPages.count
        case .services, .caseStudies: leadingEntries(section) + items(section).count
        case .stack: stackEntryRows.count
        case .contact, .inbox: 0
        }
    }

    /// A section's introduction (its folder's `_index.md`). It is not an item: it is the first
    /// entry of the section's list, before the items, and the detail pane shows it in full.
    public func introduction(_ section: Section) -> SectionIntroduction? {
        section.itemKind.flatMap { portfolio.introductions[$0] }
    }

    /// Entries before a section's items: its introduction, if it has one.
    func leadingEntries(_ section: Section) -> Int { introduction(section) == nil ? 0 : 1 }

    /// The item a list entry of Services or Case studies shows, or nil (the introduction, or
    /// out of range).
    public func ref(_ section: Section, entry: Int) -> ItemRef? {
        let index = entry - leadingEntries(section)
        return items(section).indices.contains(index) ? ItemRef(section: section, index: index) : nil
    }

    /// The list entry that shows an item.
    public func entry(of ref: ItemRef) -> Int { leadingEntries(ref.section) + ref.index }

    /// The tag name of a Stack list entry.
    public func stackTag(at entry: Int) -> String? {
        guard stackEntryRows.indices.contains(entry), case .tag(let name, _) = stackRows[stackEntryRows[entry]] else { return nil }
        return name
    }

    /// The entry shown on a Stack row (nil for a group heading); rows are sorted, so bisect.
    public func stackEntry(atRow row: Int) -> Int? {
        var lo = 0, hi = stackEntryRows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if stackEntryRows[mid] < row { lo = mid + 1 } else { hi = mid }
        }
        return lo < stackEntryRows.count && stackEntryRows[lo] == row ? lo : nil
    }

    /// The first Stack entry showing a tag.
    public func stackEntry(of tag: String) -> Int? {
        stackEntryRows.firstIndex { if case .tag(let name, _) = stackRows[$0] { name == tag } else { false } }
    }

    /// Items using a tag: services first, each in list order.
    public func items(using tag: String) -> [ItemRef] { usage[tag] ?? [] }

    /// An item's tags, resolved through aliases to stack names, duplicates removed.
    public func tags(of item: Item) -> [String] { itemTags[item.id] ?? item.tags }

    public func tag(named name: String) -> Tag? { tagsByName[name] }

    /// The stack-file groups a tag sits in (Helm sits in two).
    public func groups(of tag: String) -> [String] { groupsByTag[tag] ?? tagsByName[tag]?.groups ?? [] }

    /// Resolves a name or alias (any case) to the tag's stack name.
    public func canonicalTag(_ name: String) -> String? { canonicalNames[name.lowercased()] }

    /// An item's place by its id (`case-studies/bankvole`).
    public func ref(id: String) -> ItemRef? { refsByID[id] }

    /// Finds an item by `slug`, `kind/slug` (`case-studies/bankvole`) or its title.
    public func find(_ reference: String) -> ItemRef? {
        let ref = reference.hasSuffix("/") ? String(reference.dropLast()) : reference
        for section in [Section.services, .caseStudies] {
            let items = items(section)
            if let i = items.firstIndex(where: { $0.id == ref || $0.slug == ref || "\($0.kind.rawValue)/\($0.slug)" == ref }) {
                return ItemRef(section: section, index: i)
            }
        }
        for section in [Section.services, .caseStudies] {
            if let i = items(section).firstIndex(where: { $0.title.lowercased() == ref.lowercased() }) {
                return ItemRef(section: section, index: i)
            }
        }
        return nil
    }
}
