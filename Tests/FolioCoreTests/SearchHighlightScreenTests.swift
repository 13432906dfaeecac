import FolioText
@testable import FolioCore
import Testing

/// The `/` prompt highlights the matched letters in the results, and only those.
@Suite struct SearchHighlightScreenTests {
    /// Cells on the row that shows `name`, from its first letter, with their roles.
    private func cells(of name: String, in buffer: Buffer) -> [(String, Role)]? {
        for (y, line) in buffer.lines().enumerated() {
            guard let range = line.range(of: name) else { continue }
            // Column of the name: display width of what precedes it.
            var x = DisplayWidth.of(String(line[..<range.lowerBound]))
            var out: [(String, Role)] = []
            for _ in name {
                let cell = buffer[x, y]
                out.append((cell.text, cell.style.role))
                x += max(1, Int(cell.width))
            }
            return out
        }
        return nil
    }

    /// The first result is also the selected row: its highlight must survive the selection.
    @Test func prefixMatchHighlightsThoseLettersOnly() throws {
        var state = Fixtures.state(80, 24)
        state.press("/ p o s t")
        let row = try #require(cells(of: "PostgreSQL", in: render(state)))
        #expect(row.prefix(4).allSatisfy { $0.1 == .match })
        #expect(row.dropFirst(4).allSatisfy { $0.1 != .match })
    }

    @Test func subsequenceMatchHighlightsScatteredLetters() throws {
        var state = Fixtures.state(80, 24)
        state.press("/ p g s q")
        let row = try #require(cells(of: "PostgreSQL", in: render(state)))
        let highlighted = row.enumerated().filter { $0.element.1 == .match }.map(\.offset)
        // P…g…S Q: four scattered letters, in order.
        #expect(highlighted.count == 4)
        #expect(highlighted.first == 0)
        #expect(highlighted.map { row[$0].0.uppercased() }.joined() == "PGSQ")
    }

    @Test func aliasMatchHighlightsTheAliasNotTheName() throws {
        var state = Fixtures.state(80, 24)
        state.press("/ k 8 s")
        let row = try #require(cells(of: "Kubernetes (k8s)", in: render(state)))
        #expect(row.prefix(10).allSatisfy { $0.1 != .match })          // Kubernetes
        #expect(row.dropFirst(12).prefix(3).allSatisfy { $0.1 == .match })  // k8s
    }
}
