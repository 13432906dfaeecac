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
        case .about(let page): return about(page, width)
        case .item(let ref): return item(catalog.item(ref), width)
        case .card(let ref): return card(catalog.item(ref), width)
        case .introduction(let section): return introduction(section, width)
        case .tag(let name): return tag(name, width)
        case .contact: return contact(width)
        case .empty(let section): return Document(lines: empty(section, width), links: [])
        case .help: return Document(lines: HelpView.lines(width: width, symbols: Symbols(matching: glyphs), owner: owner, inbox: inbox != nil), links: [])
        case .message(let id): return Document(lines: message(id, width), links: [])
        }
    }

    /// A body's lines and its links' targets (see `Markdown.parseLinked`).
    private func markdown(_ source: String, _ width: Int) -> (lines: [StyledLine], links: [String]) {
        guard !source.allSatisfy(\.isWhitespace) else { return ([], []) }
        let (blocks, links) = Markdown.parseLinked(source, glyphs: glyphs)
        return (Layout.lines(blocks, width: width, glyphs: glyphs), links)
    }

    /// Lines, then the body below a blank line, with the body's links as anchors.
    private func withBody(_ lines: [StyledLine], _ body: (lines: [StyledLine], links: [String])) -> Document {
        let all = body.lines.isEmpty ? lines : lines + [[]] + body.lines
        return Document(lines: all, links: [], anchors: Anchor.find(body.links, in: all),
                        bodyStart: body.lines.isEmpty ? nil : lines.count + 1)
    }

    private func text(_ s: String, _ style: Style, _ width: Int) -> [StyledLine] {
        s.isEmpty ? [] : wrap([Span(s, style)], width: width)
    }

    private func about(_ index: Int, _ width: Int) -> Document {
        guard catalog.aboutPages.indices.contains(index) else { return Document(lines: [], links: []) }
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
        return withBody(lines, markdown(page.markdown, width))
    }

    private func item(_ item: Item, _ width: Int) -> Document {
        withBody(head(item, width), markdown(item.body, width))
    }

    /// Title, kind, sector and date, and the summary: the top of an item, and its card.
    private func head(_ item: Item, _ width: Int) -> [StyledLine] {
        var lines = text(item.title, Self.title, width)
        let meta = [item.kind.displayName, item.sector, item.date.map(DateLabel.display)].compactMap { $0 }.filter { !$0.isEmpty }
        lines += text(meta.joined(separator: " \(glyphs.dot) "), Self.muted, width)
        if !item.summary.isEmpty { lines += [[]] + text(item.summary, Style(.emphasis, .italic), width) }
        return lines
    }

    /// What the list previews: the item's first lines up to its summary (the body's first
    /// block when it has no summary), exactly as they start the whole item, so opening it
    /// only adds the body below. Its links are plain here: they are focused once it is open.
    private func card(_ item: Item, _ width: Int) -> Document {
        let head = head(item, width)
        guard item.summary.isEmpty else { return Document(lines: head, links: []) }
        let whole = self.item(item, width).lines
        let lead = whole.dropFirst(head.count).drop(while: \.isEmpty).prefix(while: { !$0.isEmpty })
        let lines = lead.isEmpty ? head : head + [[]] + lead.map { $0.map { Span($0.text, Style($0.style.role, $0.style.attributes)) } }
        return Document(lines: lines, links: [])
    }

    /// A section's `_index.md`: its title, what the list below it holds, then its text.
    private func introduction(_ section: Section, _ width: Int) -> Document {
        guard let intro = catalog.introduction(section) else { return Document(lines: empty(section, width), links: []) }
        var lines = text(intro.title.isEmpty ? section.title : intro.title, Self.title, width)
        let count = catalog.items(section).count
        let noun = count == 1 ? (section == .services ? "service" : "case study") : section.title.lowercased()
        lines += text(count == 0 ? "Introduction" : "Introduction \(glyphs.dot) \(count) \(noun)",
                      Self.muted, width)
        var document = withBody(lines, markdown(intro.body, width))
        if count == 0 { document.lines += [[]] + empty(section, width) }
        return document
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

    private func contact(_ width: Int) -> Document {
        let profile = catalog.portfolio.profile
        let heading = profile.contactPrompt.isEmpty ? "Get in touch" : Sanitiser.cleanLine(profile.contactPrompt)
        var lines = text(heading, Self.title, width)
        lines.append([])
        var rows: [(String, String)] = []
        var targets: [String] = []
        if !profile.email.isEmpty { rows.append(("Email", profile.email)); targets.append("mailto:" + profile.email) }
        // A bare URL is its own label: show it once, in the value column.
        rows += profile.links.map { ($0.label == $0.url ? "" : $0.label, $0.url) }
        targets += profile.links.map(\.url)
        let column = min(12, (rows.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2)
        for (number, (label, value)) in rows.enumerated() {
            let style = Style(.url, link: number < Markdown.linkLimit ? UInt16(number + 1) : 0)
            if width >= column + 20 {
                let wrapped = wrap([Span(value, style)], width: width - column)
                for (i, part) in wrapped.enumerated() {
                    lines.append([Span(Text.pad(i == 0 ? label : "", width: column), Self.muted)] + part)
                }
            } else {
                lines += text(label, Self.muted, width) + wrap([Span(value, style)], width: width)
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
        return Document(lines: lines, links: [], anchors: Anchor.find(Array(targets.prefix(Markdown.linkLimit)), in: lines))
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
