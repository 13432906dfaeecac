import FolioText
import Testing
@testable import FolioCore

/// Golden screens of each theme as styled cells: the text, then one letter per cell naming its
/// look (`.` is the terminal's own colour with no attribute), then what each letter means. A
/// change to a theme's table, or to the roles a view picks, shows up here cell by cell.
@Suite struct ThemeScreenTests {
    @Test(arguments: [("dark", Theme.dark), ("light", Theme.light)])
    func themes(_ name: String, _ theme: Theme) {
        var about = Fixtures.state(80, 24)
        about.press("1")
        var search = Fixtures.state(80, 24)
        search.press("/ p o s t")
        for colours in [256, 8] {
            Golden.check("theme-\(name)-\(colours)-about-80x24", Self.styledCells(render(about), theme, colours))
        }
        Golden.check("theme-\(name)-256-search-80x24", Self.styledCells(render(search), theme, 256))
    }

    static func styledCells(_ buffer: Buffer, _ theme: Theme, _ colours: Int) -> String {
        let plain = theme.look(.plain, colours: colours)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var looks: [Look] = []
        var rows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width where !buffer[x, y].isContinuation {
                let look = theme.look(buffer[x, y].style, colours: colours)
                if look == plain { row.append("."); continue }
                if !looks.contains(look) { looks.append(look) }
                let index = looks.firstIndex(of: look)!
                row.append(index < letters.count ? letters[index] : "?")
                // A wide cell takes two columns in the text above; keep the rows aligned.
                if buffer[x, y].width == 2 { row.append(row.last!) }
            }
            rows.append(row)
        }
        let legend = looks.enumerated().map { index, look in
            let fg = look.foreground.map { "colour \($0)" } ?? "default colour"
            let attributes = [(Attributes.bold, "bold"), (.dim, "dim"), (.italic, "italic"),
                              (.underline, "underline"), (.reverse, "reverse")]
                .filter { look.attributes.contains($0.0) }.map(\.1)
            return "\(index < letters.count ? letters[index] : "?")  \(([fg] + attributes).joined(separator: ", "))"
        }
        return (buffer.lines() + ["", "looks at \(colours) colours:"] + rows + [""] + legend).joined(separator: "\n")
    }
}
