import FolioText

/// Below the minimum size: say so plainly, and what to do about it.
enum TooSmallView {
    static func draw(_ state: AppState, into buffer: inout Buffer) {
        let x = state.symbols.times
        let sentences = [
            "Terminal too small (need \(Geometry.minWidth)\(x)\(Geometry.minHeight), have \(state.width)\(x)\(state.height)).",
            "Make it larger, or run `folio show` for plain text.",
        ]
        let lines = sentences.flatMap { wrap([Span($0)], width: max(1, state.width - 1)) }
        for (y, line) in lines.prefix(state.height).enumerated() {
            buffer.put(line, x: state.width > 1 ? 1 : 0, y: y)
        }
    }
}
