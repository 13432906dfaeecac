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
    static func rowCount(_ state: AppState) -> Int {
        state.section == .stack ? state.catalog.stackRows.count : state.catalog.entryCount(state.section)
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
        }
    }
}
