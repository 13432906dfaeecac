import FolioText

/// Where each section's tab sits. Every tab is padded the same way and the current one
/// swaps its padding for brackets, so tabs never shift as you move between them.
struct TabBar {
    struct Tab { var section: Section; var label: String; var x: Int; var width: Int }
    let tabs: [Tab]
    var endX: Int { tabs.last.map { $0.x + $0.width } ?? 0 }

    init(_ state: AppState) {
        let variants: [(Section) -> String] = [{ $0.title }, { $0.shortTitle }, { String($0.rawValue + 1) }]
        var chosen: [Tab] = []
        for name in variants {
            var x = 0
            chosen = state.sections.map { section in
                let label = section == state.section ? "[\(name(section))]" : " \(name(section)) "
                defer { x += DisplayWidth.of(label) }
                return Tab(section: section, label: label, x: x, width: DisplayWidth.of(label))
            }
            if x <= state.width { break }
        }
        tabs = chosen
    }
}
