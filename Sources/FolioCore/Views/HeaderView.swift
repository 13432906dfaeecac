import FolioText

enum HeaderView {
    static func draw(_ state: AppState, _ g: Geometry, into buffer: inout Buffer) {
        if let row = g.titleRow {
            let profile = state.portfolio.profile
            let name = profile.name.isEmpty ? "folio" : profile.name
            let glyphs = state.glyphs
            var x = 1 + buffer.put(Text.clip(name, width: state.width - 2, ellipsis: glyphs.ellipsis), x: 1, y: row, style: Style(.title, .bold))
            if !profile.headline.isEmpty && state.width - 1 - x > 8 {
                x += buffer.put(" \(glyphs.dot) ", x: x, y: row, style: Styles.muted)
                buffer.put(Text.clip(profile.headline, width: state.width - 1 - x, ellipsis: glyphs.ellipsis), x: x, y: row, style: Style(.heading))
            }
        }
        let bar = TabBar(state)
        for tab in bar.tabs {
            let current = tab.section == state.section
            buffer.put(tab.label, x: tab.x, y: g.tabRow, style: current ? Style(.title, .bold) : Styles.muted)
        }
        // The breadcrumb sits right-aligned beside the tabs, or on the rule below when the tabs fill the row.
        let room = state.width - bar.endX - 3
        if room >= 16 {
            buffer.putRight(breadcrumb(state, width: room), right: state.width - 1, y: g.tabRow, style: Styles.muted)
        } else {
            buffer.put(" " + breadcrumb(state, width: state.width - 4) + " ", x: 1, y: g.topRule, style: Styles.muted)
        }
    }

    /// "Case studies › Bankvole", or the trail of followed links: "Bankvole › Kafka › SeekMake".
    static func breadcrumb(_ state: AppState) -> String {
        crumbs(state).joined(separator: " \(state.symbols.separator) ")
    }

    /// The breadcrumb within `width` columns: leading crumbs give way first ("… › Kafka › SeekMake"),
    /// then the last one is clipped.
    static func breadcrumb(_ state: AppState, width: Int) -> String {
        let sep = " \(state.symbols.separator) "
        var crumbs = crumbs(state)
        var text = crumbs.joined(separator: sep)
        while DisplayWidth.of(text) > width && crumbs.count > 1 {
            crumbs.removeFirst()
            text = state.glyphs.ellipsis + sep + crumbs.joined(separator: sep)
        }
        if DisplayWidth.of(text) > width { text = Text.clip(crumbs.last ?? "", width: width, ellipsis: state.glyphs.ellipsis) }
        return text
    }

    private static func crumbs(_ state: AppState) -> [String] {
        let here = label(state.location, state)
        if state.history.isEmpty { return here == state.section.title ? [here] : [state.section.title, here] }
        return state.history.map { label($0, state) } + [here]
    }

    static func label(_ location: Location, _ state: AppState) -> String {
        let catalog = state.catalog
        let entry = location.pane.selected
        switch location.section {
        case .about:
            return catalog.aboutPages.indices.contains(entry) ? catalog.aboutPages[entry].title : "About"
        case .services, .caseStudies:
            if let ref = catalog.ref(location.section, entry: entry) { return catalog.item(ref).title }
            return location.section.title
        case .stack:
            return catalog.stackTag(at: entry) ?? "Stack"
        case .contact:
            return "Contact"
        case .inbox:
            let messages = state.inbox?.messages ?? []
            return messages.indices.contains(entry) && !messages[entry].entry.subject.isEmpty ? messages[entry].entry.subject : "Inbox"
        }
    }

    /// Keeps the end of a trail (where you are), eliding its start.
    static func clipLeft(_ s: String, _ width: Int, _ glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(s) > width else { return s }
        var kept = 0, used = 0
        let room = width - DisplayWidth.of(glyphs.ellipsis)
        for c in s.reversed() {
            used += DisplayWidth.of(c)
            if used > room { break }
            kept += 1
        }
        return glyphs.ellipsis + String(s.suffix(kept))
    }
}
