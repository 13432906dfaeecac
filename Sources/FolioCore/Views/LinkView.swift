import FolioText

/// A link shown in full over the browser, wrapped to the box, for the visitor to copy (y, or
/// the terminal's own selection): what Enter on a link does in a kiosk.
enum LinkView {
    static func draw(_ state: AppState, _ url: String, into buffer: inout Buffer) {
        let width = max(4, min(state.width - 4, max(40, DisplayWidth.of(url) + 4)))
        let lines = wrap([Span(url, Style(.url))], width: max(1, width - 4))
        let height = min(state.height - 2, lines.count + 4)
        guard height >= 5 else { return }
        let frame = Rect(x: (state.width - width) / 2, y: max(1, (state.height - height) / 2), width: width, height: height)
        let box = OverlayBox(frame: frame)
        box.draw(title: "Link", bottom: "y copy \(state.glyphs.dot) Esc close", glyphs: state.glyphs, into: &buffer)
        for (offset, line) in lines.prefix(box.inner.height - 2).enumerated() {
            buffer.put(line, x: box.inner.x, y: box.inner.y + 1 + offset, maxWidth: box.inner.width)
        }
    }
}
