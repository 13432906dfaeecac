import FolioOutbox
import FolioText

/// The composer in the body of the Contact section (see `ComposerLayout` for where things go).
enum ComposerView {
    static let warning = Style(.warning, .bold)
    static let label = Style(.heading)

    static func draw(_ state: AppState, into buffer: inout Buffer) {
        if state.composer.isOffering {
            DraftOfferView.draw(state, into: &buffer)
            return
        }
        let layout = ComposerLayout(state)
        let composer = state.composer
        drawHeading(state, layout, into: &buffer)
        for field in ComposerLayout.lineFields { drawLineField(field, state, layout, into: &buffer) }
        MessageBoxView.draw(state, layout, into: &buffer)
        for (field, y) in layout.errorRows {
            guard let error = composer.errors(field).first else { continue }
            buffer.put("! " + error.message, x: layout.valueX, y: y, style: warning, maxWidth: layout.right - layout.valueX)
        }
        drawButton(state, layout, into: &buffer)
        for (i, line) in layout.links.enumerated() {
            buffer.put(line, x: layout.labelX, y: layout.linksRow + i, style: Styles.muted, maxWidth: layout.right - layout.labelX)
        }
    }

    /// The status bar's reminder, while the composer is closed, of text not yet sent.
    static func statusNote(_ state: AppState) -> String {
        let composer = state.composer
        guard !composer.isOpen else { return "" }
        if let pending = composer.pendingDraft { return "draft from \(pending.savedAt) waiting (c)" }
        return composer.isBlank ? "" : "message not sent yet (c)"
    }

    /// Where the terminal's cursor goes: the focused field's cursor (none on the button).
    static func cursor(_ state: AppState) -> (x: Int, y: Int)? {
        let composer = state.composer
        guard !composer.isOffering, let field = composer.focusedField else { return nil }
        let layout = ComposerLayout(state)
        let value = composer.text(field)
        if field == .message {
            let lines = composer.messageLayout(width: layout.text.width)
            let (row, column) = lines.position(of: value.cursor, in: value.characters)
            let y = layout.text.y + row - composer.messageTop
            guard y >= layout.text.y && y < layout.text.maxY else { return nil }
            return (layout.text.x + column, y)
        }
        guard let y = layout.rows[field] else { return nil }
        let offset = min(composer.offsets[field] ?? 0, value.cursor)
        return (layout.valueX + EditorGlyph.width(value.characters[offset..<value.cursor]), y)
    }

    private static func drawHeading(_ state: AppState, _ layout: ComposerLayout, into buffer: inout Buffer) {
        let profile = state.portfolio.profile
        if let y = layout.heading {
            let status = draftStatus(state.composer.draftStatus)
            let statusWidth = DisplayWidth.of(status.text)
            let room = layout.right - layout.labelX - (statusWidth > 0 ? statusWidth + 2 : 0)
            let title = profile.contactPrompt.isEmpty ? "Write a message" : Sanitiser.cleanLine(profile.contactPrompt)
            buffer.put(Text.clip(title, width: room, ellipsis: state.glyphs.ellipsis), x: layout.labelX - (layout.labelX > 1 ? 2 : 0),
                       y: y, style: Style(.title, .bold))
            if statusWidth > 0 && room >= 10 {
                buffer.putRight(status.text, right: layout.right, y: y, style: status.style)
            }
        }
        if let y = layout.toRow {
            buffer.put("To", x: layout.labelX, y: y, style: Styles.muted)
            let name = Sanitiser.cleanLine(profile.name)
            let to = name.isEmpty ? profile.email : "\(name) <\(profile.email)>"
            buffer.put(Text.clip(to, width: layout.right - layout.valueX, ellipsis: state.glyphs.ellipsis),
                       x: layout.valueX, y: y, style: Styles.muted)
        }
    }

    static func draftStatus(_ status: DraftStatus) -> (text: String, style: Style) {
        switch status {
        case .none: ("", .plain)
        case .saved(let at): ("draft saved \(at)", Styles.muted)
        case .failed(let reason): ("draft not saved: \(reason)", warning)
        }
    }

    static func drawLabel(_ field: EnquiryField, _ state: AppState, _ layout: ComposerLayout, y: Int, into buffer: inout Buffer) {
        let focused = state.composer.focus == .field(field)
        let hasError = !state.composer.errors(field).isEmpty
        let style = hasError ? warning : focused ? Style(.accent, .bold) : label
        buffer.put(field.label, x: layout.labelX, y: y, style: style)
        if focused && layout.labelX >= 2 { buffer.put(state.glyphs.pointer, x: layout.labelX - 2, y: y, style: Style(.accent, .bold)) }
    }

    private static func drawLineField(_ field: EnquiryField, _ state: AppState, _ layout: ComposerLayout,
                                      into buffer: inout Buffer) {
        guard let y = layout.rows[field] else { return }
        let composer = state.composer
        let focused = composer.focus == .field(field)
        drawLabel(field, state, layout, y: y, into: &buffer)
        let value = composer.text(field)
        if value.isEmpty && !focused && !field.isRequired {
            buffer.put("(optional)", x: layout.valueX, y: y, style: Styles.muted)
        }
        let offset = min(composer.offsets[field] ?? 0, value.characters.count)
        let whole = drawCharacters(value.characters[offset...], x: layout.valueX, y: y, width: layout.valueWidth,
                                   style: Style(.normal, focused ? .bold : []), into: &buffer)
        // Scrolled sideways: an ellipsis on the side where text is hidden.
        if offset > 0 { buffer.put(state.glyphs.ellipsis, x: layout.valueX - 1, y: y, style: Styles.muted) }
        if !whole { buffer.put(state.glyphs.ellipsis, x: layout.valueX + layout.valueWidth, y: y, style: Styles.muted) }
        // Every field shows its size and limit; the focused one stands out, a full one warns.
        let full = composer.size(field) >= FieldLimits.limit(for: field)
        buffer.putRight(composer.count(field), right: layout.right, y: y,
                        style: full ? warning : focused ? .plain : Styles.muted)
    }

    /// Characters from the start of `chars` that fit `width` columns; controls shown as markers.
    /// Returns false when some did not fit.
    @discardableResult
    static func drawCharacters(_ chars: ArraySlice<Character>, x: Int, y: Int, width: Int, style: Style,
                               into buffer: inout Buffer) -> Bool {
        var column = 0
        for c in chars {
            let shown = EditorGlyph.shown(c)
            let w = DisplayWidth.of(shown)
            if column + w > width { return false }
            let marker = shown != String(c) && c != "\t"
            buffer.put(shown, x: x + column, y: y, style: marker ? warning : style)
            column += w
        }
        return true
    }

    private static func drawButton(_ state: AppState, _ layout: ComposerLayout, into buffer: inout Buffer) {
        let composer = state.composer
        let focused = composer.focus == .send
        if focused && layout.labelX >= 2 {
            buffer.put(state.glyphs.pointer, x: layout.labelX - 2, y: layout.button, style: Style(.accent, .bold))
        }
        var x = layout.valueX + buffer.put(ComposerLayout.buttonLabel, x: layout.valueX, y: layout.button,
                                           style: focused ? Styles.selected : Style(.accent, .bold))
        let beside: String
        let style: Style
        if let notice = composer.notice, layout.notice.isEmpty {
            (beside, style) = (notice.text.replacingNewlines, notice.isGood ? Style(.success, .bold) : warning)
        } else {
            (beside, style) = (composer.isBlank ? "" : "Esc keeps the draft", Styles.muted)
        }
        x += 3
        // Unboxed, the message's size sits at the end of this row (see MessageBoxView).
        let end = layout.bordered ? layout.right : layout.right - DisplayWidth.of(composer.count(.message)) - 2
        if !beside.isEmpty && end - x >= min(DisplayWidth.of(beside), 12) {
            buffer.put(Text.clip(beside, width: end - x, ellipsis: state.glyphs.ellipsis), x: x, y: layout.button, style: style)
        }
        guard let notice = composer.notice else { return }
        for (i, line) in layout.notice.enumerated() {
            buffer.put(line, x: layout.labelX, y: layout.noticeRow + i,
                       style: notice.isGood ? Style(.success, .bold) : warning, maxWidth: layout.right - layout.labelX)
        }
    }
}

extension String {
    fileprivate var replacingNewlines: String { String(map { $0.isNewline ? " " : $0 }) }
}
