import FolioContent
import FolioText

/// The portfolio as plain wrapped text, for `folio show` and for when there is no usable
/// terminal. Built from the same documents as the detail pane, without styles.
public struct PlainText {
    let catalog: Catalog
    let glyphs: Glyphs
    let width: Int

    public init(portfolio: Portfolio, width: Int, glyphs: Glyphs = .unicode) {
        catalog = Catalog(portfolio)
        self.glyphs = glyphs
        self.width = max(20, width)
    }

    /// One item (`bankvole`, `case-studies/bankvole`, or its title) or stack tag, or nil.
    public func show(_ reference: String) -> [String]? {
        if let ref = catalog.find(reference) { return item(ref) }
        if let tag = catalog.canonicalTag(reference) { return document(.tag(tag)) }
        return nil
    }

    /// Everything: About, Services, Case studies, Stack and Contact, each under a heading.
    public func portfolio() -> [String] {
        var out: [String] = []
        func section(_ title: String, _ body: [String]) {
            if !out.isEmpty { out += ["", ""] }
            out += [title, String(repeating: glyphs.horizontal, count: min(width, DisplayWidth.of(title)))]
            out += body
        }
        section("About", catalog.aboutPages.indices.flatMap { page in
            [""] + document(.about(page)) + (page == 0 ? tagLines(catalog.profileTags) : [])
        })
        for kind in [Section.services, .caseStudies] {
            let refs = catalog.items(kind).indices.map { ItemRef(section: kind, index: $0) }
            section(kind.title, introduction(kind) + refs.flatMap { [""] + item($0) })
        }
        section("Stack", stack())
        section("Contact", [""] + document(.contact))
        return out
    }

    /// The section's `_index.md`, above its items.
    private func introduction(_ section: Section) -> [String] {
        guard let intro = catalog.introduction(section) else { return [] }
        let title = intro.title.isEmpty ? [] : wrap([Span(intro.title)], width: width).map(Text.plain)
        return [""] + title + Layout.lines(Markdown.parse(intro.body, glyphs: glyphs), width: width, glyphs: glyphs).map(Text.plain)
    }

    private func item(_ ref: ItemRef) -> [String] {
        document(.item(ref)) + tagLines(catalog.tags(of: catalog.item(ref)))
    }

    private func tagLines(_ tags: [String]) -> [String] {
        guard !tags.isEmpty else { return [] }
        return [""] + wrap([Span("Tags: " + tags.joined(separator: ", "))], width: width).map(Text.plain)
    }

    private func stack() -> [String] {
        var lines: [String] = []
        for row in catalog.stackRows {
            switch row {
            case .group(let name): lines += ["", name]
            case .tag(let name, let count):
                let users = catalog.items(using: name).map { catalog.item($0).title }
                let text = "  \(name) (used by \(count)\(users.isEmpty ? "" : ": " + users.joined(separator: ", ")))"
                lines += wrap([Span(text)], width: width - 4).enumerated().map { $0 == 0 ? Text.plain($1) : "    " + Text.plain($1) }
            }
        }
        return lines
    }

    private func document(_ id: DocumentID) -> [String] {
        DocumentBuilder(catalog: catalog, glyphs: glyphs).build(id, width: width).lines.map(Text.plain)
    }
}
