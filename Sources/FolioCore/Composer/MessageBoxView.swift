import FolioOutbox
import FolioText

/// The message: a box of soft-wrapped lines with its size on the bottom edge and arrows where
/// lines are scrolled out of view. On short screens the box loses its border.
enum MessageBoxView {
    static func draw(_ state: AppState, _ layout: ComposerLayout, into buffer: inout Buffer) {
        let composer = state.composer
        guard let top = layout.rows[.message] else { return }
        ComposerView.drawLabel(.message, state, layout, y: top, into: &buffer)
        let value = composer.text(.message)
        let lines = composer.messageLayout(width: layout.text.width)
        let text = layout.text
        for offset in 0..<text.height {
            let index = composer.messageTop + offset
            guard lines.rows.indices.contains(index) else { break }
            let row = lines.rows[index]
            ComposerView.drawCharacters(value.characters[row.start..<row.end], x: text.x, y: text.y + offset,
                                        width: text.width + 1, style: .plain, into: &buffer)
        }
        let above = composer.messageTop
        let below = max(0, lines.rows.count - composer.messageTop - text.height)
        let count = composer.count(.message)
        let over = composer.size(.message) >= FieldLimits.messageBytes
        let countStyle = over ? ComposerView.warning : Styles.muted
        let focused = composer.focus == .field(.message)
        guard layout.bordered else {
            // No border to carry them: the size at the end of the button row, arrows before the text.
            buffer.putRight(" " + count, right: layout.right, y: layout.button, style: countStyle)
            if above > 0 { buffer.put(state.symbols.scrollUp, x: text.x - 1, y: text.y, style: Styles.muted) }
            if below > 0 { buffer.put(state.symbols.scrollDown, x: text.x - 1, y: text.maxY - 1, style: Styles.muted) }
            return
        }
        drawBorder(layout.box, state.glyphs, style: focused ? Style(.accent) : Styles.border, into: &buffer)
        let box = layout.box
        if box.width > DisplayWidth.of(count) + 6 {
            buffer.putRight(" \(count) ", right: box.maxX - 2, y: box.maxY - 1, style: countStyle)
        }
        if below > 0 {
            buffer.put(" \(state.symbols.scrollDown) \(below) more ", x: box.x + 2, y: box.maxY - 1, style: Styles.muted)
        }
        if above > 0 {
            buffer.putRight(" \(state.symbols.scrollUp) \(above) more ", right: box.maxX - 2, y: box.y, style: Styles.muted)
        }
    }

    private static func drawBorder(_ f: Rect, _ glyphs: Glyphs, style: Style, into buffer: inout Buffer) {
        guard f.width >= 2, f.height >= 2 else { return }
        buffer.fill(x: f.x + 1, y: f.y, width: f.width - 2, height: 1, with: glyphs.horizontal, style: style)
        buffer.fill(x: f.x + 1, y: f.maxY - 1, width: f.width - 2, height: 1, with: glyphs.horizontal, style: style)
        buffer.fill(x: f.x, y: f.y + 1, width: 1, height: f.height - 2, with: glyphs.vertical, style: style)
        buffer.fill(x: f.maxX - 1, y: f.y + 1, width: 1, height: f.height - 2, with: glyphs.vertical, style: style)
        buffer.put(glyphs.topLeft, x: f.x, y: f.y, style: style)
        buffer.put(glyphs.topRight, x: f.maxX - 1, y: f.y, style: style)
        buffer.put(glyphs.bottomLeft, x: f.x, y: f.maxY - 1, style: style)
        buffer.put(glyphs.bottomRight, x: f.maxX - 1, y: f.maxY - 1, style: style)
    }
}

/// A draft from an earlier session, shown before the composer so nothing opens over it
/// unasked: what it holds, and Enter to resume or d to discard.
enum DraftOfferView {
    static func draw(_ state: AppState, into buffer: inout Buffer) {
        guard let pending = state.composer.pendingDraft else { return }
        let area = Geometry(state).detail
        let x = area.x + (area.width >= 60 ? 3 : 1)
        let width = min(area.width, ComposerLayout.maxWidth) - (x - area.x) - 1
        var y = area.y
        func line(_ text: String, _ style: Style = .plain, indent: Int = 0) {
            guard y < area.maxY else { return }
            buffer.put(Text.clip(text, width: width - indent, ellipsis: state.glyphs.ellipsis), x: x + indent, y: y, style: style)
            y += 1
        }
        line("A draft from \(pending.savedAt) is waiting.", Style(.title, .bold))
        if area.height >= 10 { y += 1 }
        let e = pending.enquiry
        for field in [EnquiryField.name, .email, .subject] where !e[field].isEmpty {
            guard y < area.maxY - 2 else { break }
            buffer.put(field.label, x: x, y: y, style: Styles.muted)
            line(Sanitiser.cleanLine(e[field]), indent: 10)
        }
        let message = wrap([Span(Sanitiser.clean(e.message))], width: max(1, width - 10))
        let room = max(0, area.maxY - 2 - y)
        if !message.isEmpty && room > 0 {
            buffer.put(EnquiryField.message.label, x: x, y: y, style: Styles.muted)
            for part in message.prefix(room) { line(Text.plain(part), indent: 10) }
        }
        y = min(y + 1, area.maxY - 1)
        let keys = "\(state.symbols.enterKey) resume \(state.glyphs.dot) d discard \(state.glyphs.dot) Esc later"
        line(keys, Style(.accent, .bold))
    }
}
