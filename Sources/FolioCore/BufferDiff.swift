/// A run of changed cells on one row: the backend moves once, then writes the run.
public struct CellRun: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
}

extension Buffer {
    /// What changed since `old`, as row runs. A different size repaints every row.
    /// A run never starts on a continuation cell, so wide characters are written whole.
    public func diff(from old: Buffer) -> [CellRun] {
        let full = old.width != width || old.height != height
        var runs: [CellRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let i = y * width + x
                guard full || cells[i] != old.cells[i] else { x += 1; continue }
                var start = x
                if cells[i].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                while end < width {
                    let j = y * width + end
                    if !full && cells[j] == old.cells[j] && !cells[j].isContinuation { break }
                    end += 1
                }
                runs.append(CellRun(x: start, y: y, cells: Array(cells[(y * width + start)..<(y * width + end)])))
                x = end
            }
        }
        return runs
    }
}
