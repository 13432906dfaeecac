/// One row of a section's list. `entry` is nil for group headings (Stack), which the
/// selection skips.
public struct ListRow: Sendable, Hashable {
    public var text: String
    public var trailing: String
    public var entry: Int?
    /// The section's introduction, drawn as a heading though it can be selected.
    public var introduction = false
}

/// The list pane's rows, built on demand so only visible rows cost anything.
enum ListView {
    /// "30 Nov" from an RFC 5322 date ("Mon, 30 Nov 2026 13:23:20 +0000"); as written otherwise.
    static func shortDate(_ date: String) -> String {
        let words = date.split(separator: " ").drop { $0.hasSuffix(",") }
        guard words.count >= 2, let day = Int(words[words.startIndex]), (1...31).contains(day) else { return date }
        return "\(day) \(words[words.index(after: words.startIndex)])"
    }

    static func rowCount(_ state: AppState) -> Int {
        state.section == .stack ? state.catalog.stackRows.count : state.entryCount(state.section)
    }

    static func row(ofEntry entry: Int, _ state: AppState) -> Int {
        guard state.section == .stack else { return entry }
        let rows = state.catalog.stackEntryRows
        return rows.indices.contains(entry) ? rows[entry] : 0
    }

    static func row(_ index: Int, _ state: AppState) -> ListRow {
        let catalog = state.catalog
        switch state.section {
        case .about:
            return ListRow(text: catalog.aboutPages[index].title, trailing: "", entry: index)
        case .services, .caseStudies:
            guard let ref = catalog.ref(state.section, entry: index) else {
                let title = catalog.introduction(state.section)?.title ?? ""
                return ListRow(text: title.isEmpty ? "Introduction" : title, trailing: "", entry: index, introduction: true)
            }
            let item = catalog.item(ref)
            let trailing = state.section == .caseStudies ? (item.sector ?? "") : ""
            return ListRow(text: item.title, trailing: trailing, entry: index)
        case .stack:
            switch catalog.stackRows[index] {
            case .group(let name): return ListRow(text: name, trailing: "", entry: nil)
            case .tag(let name, let count):
                let entry = catalog.stackEntry(atRow: index)
                return ListRow(text: name, trailing: String(count), entry: entry)
            }
        case .contact:
            return ListRow(text: "", trailing: "", entry: nil)
        case .inbox:
            let entry = state.inbox?.messages[index].entry
            let mark = entry?.isUnread == true ? state.glyphs.bullets[0] + " " : "  "
            let title = entry.map { $0.subject.isEmpty ? $0.from : $0.subject } ?? ""
            return ListRow(text: mark + title, trailing: entry.map { Self.shortDate($0.date) } ?? "", entry: index)
        }
    }
}
