import FolioOutbox

extension AppState {
    /// `c` from anywhere, or Enter in Contact. Esc later goes back to where `c` was pressed.
    mutating func openComposer() {
        // Without the profile's email no enquiry could be saved: the Contact page says how to
        // get in touch instead.
        guard !portfolio.profile.email.isEmpty else {
            section = .contact
            return
        }
        if !composer.isOpen { composer.returnTo = section == .contact ? nil : section }
        section = .contact
        composer.isOpen = true
    }

    mutating func leaveComposer() {
        composer.isOpen = false
        if let back = composer.returnTo { section = back }
        composer.returnTo = nil
    }

    /// Actions while the composer is open (and no overlay is over it).
    mutating func updateComposer(_ action: Action) -> [Effect] {
        if composer.isOffering { return updateOffer(action) }
        switch action {
        case .insert(let text): insert(text)
        case .deleteBackward: editFocused { $0.deleteBackward() }
        case .clearInput: editFocused { $0.killToLineStart() }
        case .up: vertical(-1)
        case .down: vertical(1)
        case .pageUp, .halfPageUp: vertical(-messagePage, leaving: false)
        case .pageDown, .halfPageDown: vertical(messagePage, leaving: false)
        case .activate: return composerAction(.enter)
        case .closeOverlay: leaveComposer()
        case .openHelp: overlay = .help(scroll: 0)
        case .click(let x, let y): composerClick(x: x, y: y)
        case .wheel(let lines, _, _): if composer.focus == .field(.message) { vertical(lines, leaving: false) }
        case .composer(let action): return composerAction(action)
        default: break
        }
        return []
    }

    private mutating func updateOffer(_ action: Action) -> [Effect] {
        guard let pending = composer.pendingDraft else { return [] }
        switch action {
        case .composer(.resumeDraft), .activate:
            composer.pendingDraft = nil
            composer.load(pending.enquiry)
            composer.draftStatus = .saved(at: pending.savedAt)
        case .composer(.discardDraft):
            composer.pendingDraft = nil
            return [.discardDraft]
        case .composer(.leave), .closeOverlay:
            leaveComposer()
        case .click(let x, let y) where y == Geometry(self).tabRow:
            leaveComposer()
            click(x: x, y: y)
        default:
            break
        }
        return []
    }

    private mutating func composerAction(_ action: ComposerAction) -> [Effect] {
        switch action {
        case .left: editFocused { $0.moveLeft() }
        case .right: editFocused { $0.moveRight() }
        case .wordLeft: editFocused { $0.moveWordBackward() }
        case .wordRight: editFocused { $0.moveWordForward() }
        case .lineStart: editFocused { $0.moveToLineStart() }
        case .lineEnd: editFocused { $0.moveToLineEnd() }
        case .deleteForward: editFocused { $0.deleteForward() }
        case .deleteWordBackward: editFocused { $0.deleteWordBackward() }
        case .deleteWordForward: editFocused { $0.deleteWordForward() }
        case .killToLineStart: editFocused { $0.killToLineStart() }
        case .killToLineEnd: editFocused { $0.killToLineEnd() }
        case .nextField: stepFocus(1)
        case .previousField: stepFocus(-1)
        case .enter:
            switch composer.focus {
            case .send: return send()
            case .field(.message): insert("\n")
            case .field: stepFocus(1)
            }
        case .send: return send()
        case .leave: leaveComposer()
        case .resumeDraft, .discardDraft: break
        }
        return []
    }

    /// Ctrl-S or Enter on [ Send ]: validate everything, show what is wrong, or ask the shell
    /// to deliver. Nothing here says "sent": only `.sendFinished(.saved)` does.
    private mutating func send() -> [Effect] {
        let enquiry = composer.enquiry
        let errors = EnquiryValidator.validate(enquiry)
        guard errors.isEmpty else {
            composer.touched = Set(EnquiryField.allCases)
            composer.notice = .invalid(count: Set(errors.map(\.field)).count)
            moveFocus(to: .field(errors[0].field))
            return []
        }
        return [.send(enquiry)]
    }

    // MARK: Text

    /// Typed or pasted text into the focused field. One-line fields turn line breaks and tabs
    /// into spaces (other controls stay, for the validator to refuse visibly); the message drops
    /// controls but newline and tab. Either way the field never grows past its limit, so a huge
    /// paste is cut, at a character boundary, to what fits.
    mutating func insert(_ typed: String) {
        guard let field = composer.focusedField else { return }
        var text = FieldLimits.capped(typed, for: field)
        if field.isSingleLine {
            text = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        } else {
            text = Enquiry.normalised(text, as: .message)
        }
        let used = FieldLimits.count(composer.text(field).text, for: field)
        text = Self.prefix(text, fitting: FieldLimits.limit(for: field) - used, for: field)
        guard !text.isEmpty else { return }
        editFocused { $0.insert(text) }
    }

    /// The longest prefix of `text` whose size in the field's unit is at most `room`.
    static func prefix(_ text: String, fitting room: Int, for field: EnquiryField) -> String {
        guard room > 0 else { return "" }
        if FieldLimits.count(text, for: field) <= room { return text }
        var size = 0
        var end = text.startIndex
        for index in text.indices {
            let c = text[index]
            size += FieldLimits.unit(for: field) == .bytes ? c.utf8.count : c.unicodeScalars.count
            if size > room { break }
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    private mutating func editFocused(_ change: (inout EditableText) -> Void) {
        guard let field = composer.focusedField else { return }
        composer.goalColumn = nil
        composer.edit(field, change)
    }

    // MARK: Focus

    private mutating func stepFocus(_ delta: Int) {
        let order = ComposerFocus.order
        let at = order.firstIndex(of: composer.focus) ?? 0
        moveFocus(to: order[((at + delta) % order.count + order.count) % order.count])
    }

    /// Moves focus; the field left shows its errors from now on if anything was typed in it.
    mutating func moveFocus(to target: ComposerFocus) {
        if let left = composer.focusedField, !composer.text(left).isEmpty { composer.touched.insert(left) }
        composer.focus = target
        composer.goalColumn = nil
    }

    /// Up/Down: lines within the message, fields elsewhere. Leaving the message's first or last
    /// row goes to the field above or the button below; paging and the wheel stop at the ends.
    private mutating func vertical(_ delta: Int, leaving: Bool = true) {
        guard composer.focus == .field(.message) else {
            if leaving {
                let order = ComposerFocus.order
                let at = order.firstIndex(of: composer.focus) ?? 0
                if order.indices.contains(at + delta) { moveFocus(to: order[at + delta]) }
            }
            return
        }
        let value = composer.text(.message)
        let layout = composer.messageLayout(width: ComposerLayout(self).text.width)
        let (row, column) = layout.position(of: value.cursor, in: value.characters)
        let goal = composer.goalColumn ?? column
        let target = row + delta
        if leaving && (target < 0 || target >= layout.rows.count) {
            moveFocus(to: target < 0 ? .field(.subject) : .send)
            return
        }
        let index = layout.index(row: target, column: goal, in: value.characters)
        composer.edit(.message) { $0.cursor = index }
        composer.goalColumn = goal
    }

    private var messagePage: Int { max(1, ComposerLayout(self).text.height - 1) }

    // MARK: Mouse

    private mutating func composerClick(x: Int, y: Int) {
        if y == Geometry(self).tabRow {
            leaveComposer()
            click(x: x, y: y)
            return
        }
        let layout = ComposerLayout(self)
        if y == layout.button && layout.buttonRange.contains(x) {
            moveFocus(to: .send)
            return
        }
        if layout.text.contains(x: x, y: y) || (layout.box.contains(x: x, y: y) && y == layout.rows[.message]) {
            moveFocus(to: .field(.message))
            let value = composer.text(.message)
            let lines = composer.messageLayout(width: layout.text.width)
            let row = composer.messageTop + max(0, y - layout.text.y)
            let index = lines.index(row: min(row, lines.rows.count - 1), column: max(0, x - layout.text.x), in: value.characters)
            composer.edit(.message) { $0.cursor = index }
            return
        }
        for field in ComposerLayout.lineFields where layout.rows[field] == y && x >= layout.labelX && x < layout.right {
            moveFocus(to: .field(field))
            let value = composer.text(field)
            let offset = composer.offsets[field] ?? 0
            var column = 0, index = offset
            while index < value.characters.count {
                let w = EditorGlyph.width(value.characters[index])
                if valueColumn(x, layout) < column + w { break }
                column += w
                index += 1
            }
            composer.edit(field) { $0.cursor = index }
        }
    }

    private func valueColumn(_ x: Int, _ layout: ComposerLayout) -> Int { max(0, x - layout.valueX) }
}
