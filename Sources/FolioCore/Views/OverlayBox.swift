import FolioText

/// A bordered box drawn over the browser, with a title on its top edge and a note on its bottom edge.
struct OverlayBox {
    let frame: Rect
    var inner: Rect { Rect(x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2) }

    func draw(title: String, topRight: String = "", bottom: String = "", glyphs: Glyphs, into buffer: inout Buffer) {
        let f = frame
        guard f.width >= 4, f.height >= 2 else { return }
        buffer.fill(x: f.x, y: f.y, width: f.width, height: f.height)
        buffer.fill(x: f.x + 1, y: f.y, width: f.width - 2, height: 1, with: glyphs.horizontal, style: Styles.border)
        buffer.fill(x: f.x + 1, y: f.maxY - 1, width: f.width - 2, height: 1, with: glyphs.horizontal, style: Styles.border)
        buffer.fill(x: f.x, y: f.y + 1, width: 1, height: f.height - 2, with: glyphs.vertical, style: Styles.border)
        buffer.fill(x: f.maxX - 1, y: f.y + 1, width: 1, height: f.height - 2, with: glyphs.vertical, style: Styles.border)
        buffer.put(glyphs.topLeft, x: f.x, y: f.y, style: Styles.border)
        buffer.put(glyphs.topRight, x: f.maxX - 1, y: f.y, style: Styles.border)
        buffer.put(glyphs.bottomLeft, x: f.x, y: f.maxY - 1, style: Styles.border)
        buffer.put(glyphs.bottomRight, x: f.maxX - 1, y: f.maxY - 1, style: Styles.border)
        let titleWidth = buffer.put(" \(title) ", x: f.x + 2, y: f.y, style: Style(.title, .bold), maxWidth: f.width - 4)
        if !topRight.isEmpty {
            let room = f.width - 4 - titleWidth - 1
            if DisplayWidth.of(topRight) + 2 <= room {
                buffer.putRight(" \(topRight) ", right: f.maxX - 2, y: f.y, style: Styles.muted)
            }
        }
        if !bottom.isEmpty {
            buffer.putRight(" \(bottom) ", right: f.maxX - 2, y: f.maxY - 1, style: Styles.muted)
        }
    }
}
