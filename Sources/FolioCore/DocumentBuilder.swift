import FolioContent
import FolioOutbox
import FolioText

/// Turns portfolio content into detail-pane lines at a given width.
struct DocumentBuilder {
    let catalog: Catalog
    let glyphs: Glyphs
    var inbox: InboxListing? = nil
    /// False in a kiosk: the help leaves out the owner's keys.
    var owner = true

    static let title = Style(.title, .bold)
    static let muted = Style(.muted)

    func build(_ id: DocumentID, width: Int) -> Document {
        let width = max(1, width)
        switch id {
        case .about(let page): return Document(lines: about(page, width), links: [])
        case .item(let ref): return Document(lines: item(catalog.item(ref), width), links: [])
        case .introduction(let section): return Document(lines: introduction(section, width), links: [])
        case .tag(let name): return tag(name, width)
        case .contact: return Document(lines: contact(width), links: [])
        case .empty(let section): return Document(lines: empty(section, width), links: [])
        case .help: return Document(lines: HelpView.lines(width: width, symbols: Symbols(matching: glyphs), owner: owner), links: [])
        case .message(let id): return Document(lines: message(id, width), links: [])
        }
    }

    private func markdown(_ source: String, _ width: Int) -> [StyledLine] {
        source.allSatisfy(\.isWhitespace) ? [] : Layout.lines(Markdown.parse(source, glyphs: glyphs), width: width, glyphs: glyphs)
    }

    private func text(_ s: String, _ style: Style, _ width: Int) -> [StyledLine] {
        s.isEmpty ? [] : wrap([Span(s, style)], width: width)
    }

    private func about(_ index: Int, _ width: Int) -> [StyledLine] {
        guard catalog.aboutPages.indices.contains(index) else { return [] }
        let page = catalog.aboutPages[index]
        let profile = catalog.portfolio.profile
        var lines: [StyledLine] = []
        if index == 0 {
            // The name is already in the header; the page opens with what the person does.
            lines += text(profile.headline.isEmpty ? profile.name : profile.headline, Self.title, width)
            lines += text(profile.tagline, Style(.emphasis, .italic), width)
        } else {
            lines += text(page.title, Self.title, width)
        }
        let body = markdown(page.markdown, width)
        if !body.isEmpty { lines += [[]] + body }
        return lines
    }

    private func item(_ item: Item, _ width: Int) -> [StyledLine] {
        var lines = text(item.title, Self.title, width)
        let meta = [item.kind.displayName, item.sector, item.date.map(DateLabel.display)].compactMap { $0 }.filter { !$0.isEmpty }
        lines += text(meta.joined(separator: " \(glyphs.dot) "), Self.muted, width)
        if !item.summary.isEmpty { lines += [[]] + text(item.summary, Style(.emphasis, .italic), width) }
        let body = markdown(item.body, width)
        if !body.isEmpty { lines += [[]] + body }
        return lines
    }

    /// A section's `_index.md`: its title, what the list below it holds, then its text.
    private func introduction(_ section: Section, _ width: Int) -> [StyledLine] {
        guard let intro = catalog.introduction(section) else { return empty(section, width) }
        var lines = text(intro.title.isEmpty ? section.title : intro.title, Self.title, width)
        let count = catalog.items(section).count
        let noun = count == 1 ? (section == .services ? "service" : "case study") : section.title.lowercased()
        lines += text(count == 0 ? "Introduction" : "Introduction \(glyphs.dot) \(count) \(noun)",
                      Self.muted, width)
        let body = markdown(intro.body, width)
        if !body.isEmpty { lines += [[]] + body }
        if count == 0 { lines += [[]] + empty(section, width) }
        return lines
    }

    private func tag(_ name: String, _ width: Int) -> Document {
        var lines = text(name, Self.title, width)
        let refs = catalog.items(using: name)
        let groups = catalog.groups(of: name)
        let place = groups.isEmpty ? "not in the stack file" : groups.joined(separator: ", ")
        lines += text("\(place) \(glyphs.dot) used by \(refs.count)", Self.muted, width)
        if let aliases = catalog.tag(named: name)?.aliases, !aliases.isEmpty {
            lines += text("also: " + aliases.joined(separator: ", "), Self.muted, width)
        }
        lines.append([])
        var links: [Document.Link] = []
        // Labels in a column when every title fits beside them; above the titles otherwise.
        let longest = refs.map { DisplayWidth.of(catalog.item($0).title) }.max() ?? 0
        let column = width - 15 >= max(20, longest) ? 15 : 0
        func group(_ label: String, _ entries: [(String, LinkTarget)]) {
            guard !entries.isEmpty else { return }
            if column == 0 { lines.append([Span(label, Style(.heading, .bold))]) }
            for (i, (title, target)) in entries.enumerated() {
                let indent = column > 0 ? column : 2
                let lead = Text.pad(column > 0 && i == 0 ? label : "", width: indent)
                let shown = Text.clip(title, width: max(0, width - indent), ellipsis: glyphs.ellipsis)
                links.append(Document.Link(line: lines.count, target: target))
                lines.append([Span(lead, Style(.heading, .bold)), Span(shown, Style(.link))])
            }
        }
        if catalog.profileTags.contains(name), let intro = catalog.aboutPages.first {
            group("About", [(intro.title + " (the work overall)", .about)])
        }
        for section in [Section.services, .caseStudies] {
            group(section.title, refs.filter { $0.section == section }.map { (catalog.item($0).title, .item($0)) })
        }
        if refs.isEmpty {
            if !links.isEmpty { lines.append([]) }
            lines += text("No item uses \(name) yet.", Self.muted, width)
        }
        return Document(lines: lines, links: links)
    }

    private func contact(_ width: Int) -> [StyledLine] {
        let profile = catalog.portfolio.profile
        let heading = profile.contactPrompt.isEmpty ? "Get in touch" : Sanitiser.cleanLine(profile.contactPrompt)
        var lines = text(heading, Self.title, width)
        lines.append([])
        var rows: [(String, String)] = []
        if !profile.email.isEmpty { rows.append(("Email", profile.email)) }
        // A bare URL is its own label: show it once, in the value column.
        rows += profile.links.map { ($0.label == $0.url ? "" : $0.label, $0.url) }
        let column = min(12, (rows.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2)
        for (label, value) in rows {
            if width >= column + 20 {
                let wrapped = wrap([Span(value, Style(.url))], width: width - column)
                for (i, part) in wrapped.enumerated() {
                    lines.append([Span(Text.pad(i == 0 ? label : "", width: column), Self.muted)] + part)
                }
            } else {
                lines += text(label, Self.muted, width) + wrap([Span(value, Style(.url))], width: width)
            }
        }
        lines.append([])
        if !profile.email.isEmpty {
            lines += text("Write to \(profile.email): a few lines about the project and its timeline are plenty.", .plain, width)
        } else if !profile.links.isEmpty {
            lines += text("There is no contact form here: get in touch through the links above.", .plain, width)
        } else {
            lines += text("There is no contact form here, and the profile lists no way to get in touch yet.", Self.muted, width)
        }
        return lines
    }

    private func empty(_ section: Section, _ width: Int) -> [StyledLine] {
        text(section.emptyText, Self.muted, width)
    }

    /// An enquiry: subject, sender, date and company, then the body as written (plain text,
    /// never Markdown). Every string was sanitised when the outbox was read.
    private func message(_ id: String, _ width: Int) -> [StyledLine] {
        guard let message = inbox?.messages.first(where: { $0.entry.id == id }) else { return empty(.inbox, width) }
        let entry = message.entry
        var lines = text(entry.subject.isEmpty ? "(no subject)" : entry.subject, Self.title, width)
        for (label, value) in [("From", entry.from), ("Company", entry.company ?? ""), ("Date", entry.date)] where !value.isEmpty {
            lines += wrap([Span(label + ": ", Self.muted), Span(value)], width: width)
        }
        lines.append([])
        for line in (message.body ?? "…").split(separator: "\n", omittingEmptySubsequences: false) {
            let expanded = String(line)   // wrap counts a tab as one space
            lines += expanded.isEmpty ? [[]] : wrap([Span(expanded)], width: width)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
