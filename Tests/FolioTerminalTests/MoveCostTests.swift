import FolioContent
import FolioCore
import FolioText
import Testing

/// What one keystroke costs the terminal, counted on the frames the loop hands the backend for
/// the bundled content at 80×24: the cells `Buffer.diff` passes on (the backend writes no
/// others, except blanks whose colour changes with their neighbours), the rows they are on, and
/// their text. `scripts/bench --only bytes` measures the bytes ncurses sends for them.
@Suite struct MoveCostTests {
    static let bundled = ContentLoader.load(directory: ContentLocator.repositoryContent)

    struct Cost { var cells = 0, runs = 0, textBytes = 0, rows: Set<Int> = [] }

    static func cost(_ new: Buffer, from old: Buffer) -> Cost {
        var c = Cost()
        for run in new.diff(from: old) {
            c.runs += 1
            c.rows.insert(run.y)
            for cell in run.cells where !cell.isContinuation {
                c.cells += 1
                c.textBytes += max(1, cell.text.utf8.count)
            }
        }
        return c
    }

    /// The frames the loop draws for `keys` (the first is About's), and the state after each.
    static func frames(_ keys: [Key]) -> (frames: [Buffer], states: [AppState]) {
        let f = LoopFixture(script: keys.map { .key($0) })
        var state = AppState(portfolio: bundled, width: 80, height: 24)
        f.state = state
        _ = f.run()
        var states = [state]
        for key in keys { _ = handle(&state, key); states.append(state) }
        return (f.terminal.frames, states)
    }

    @Test func theBundledContentLoads() {
        #expect(Self.bundled.diagnostics.isEmpty)
        #expect(Self.bundled.services.count >= 2)
    }

    /// j and k between two services whose previews differ: the list rows, the breadcrumb, the
    /// card (title, summary) and the tags change. The whole preview of before wrote ~650 cells
    /// per move.
    @Test func aMoveInTheServicesListRewritesTheCardNotThePage() {
        let keys: [Key] = [.char("2"), .char("j"), .char("k"), .char("j"), .char("k")]
        let (frames, states) = Self.frames(keys)
        #expect(frames.count == keys.count + 1)
        guard frames.count == keys.count + 1 else { return }
        for i in 2..<frames.count {
            let c = Self.cost(frames[i], from: frames[i - 1])
            #expect(c.cells > 0)
            #expect(c.cells <= 320, "cells written by move \(i - 1): \(c.cells)")
            #expect(c.textBytes <= 340, "text bytes of move \(i - 1): \(c.textBytes)")
            #expect(c.runs <= 26, "runs (cursor moves) of move \(i - 1): \(c.runs)")
            // Detail rows: the card's title and summary, up to three rows of tags; never the rows
            // between them (the whole preview of before wrote 16 of the 18).
            let detail = Geometry(states[i]).detail
            let rows = c.rows.filter { $0 >= detail.y && $0 < detail.maxY }
            #expect(rows.count <= 8, "detail rows written by move \(i - 1): \(rows.sorted())")
        }
    }

    /// Down and Up in the / results (no preview): only the two rows' pointers and names.
    @Test func aMoveInTheSearchResultsWritesTwoRows() {
        let (frames, _) = Self.frames([.char("/"), .down, .up])
        #expect(frames.count == 4)
        guard frames.count == 4 else { return }
        for i in 2..<4 {
            let c = Self.cost(frames[i], from: frames[i - 1])
            #expect(c.rows.count == 2)
            #expect(c.cells <= 60, "cells: \(c.cells)")
        }
    }
}
