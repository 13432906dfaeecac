import FolioOutbox

extension ComposerState {
    /// What the draft on disk needs now: the form saved, or removed when the form was emptied;
    /// nil when it already matches. The loop asks after each pause in typing, the shell on exit.
    public var draftEffect: Effect? {
        guard isDirty else { return nil }
        return isBlank ? .discardDraft : .saveDraft(enquiry)
    }
}

extension AppState {
    /// Outcomes the shell feeds back, and the pause that triggers autosave. They apply whether
    /// or not the composer is open: a save may finish after Esc.
    mutating func updateComposerOutcome(_ action: Action) -> [Effect] {
        switch action {
        case .typingPaused:
            return composer.draftEffect.map { [$0] } ?? []
        case .sendFinished(.saved(let id)):
            let name = Enquiry.normalised(composer.text(.name).text, as: .name)
            composer.clear()
            composer.notice = .saved(id: id, name: name)
            return [.discardDraft]
        case .sendFinished(.failed(let reason)):
            composer.notice = .failed(reason: reason)
            return composer.draftEffect.map { [$0] } ?? []
        case .sendFinished(.refused(let line)):
            composer.notice = .refused(line)
            return composer.draftEffect.map { [$0] } ?? []
        case .draft(.found(let enquiry, let savedAt)):
            if composer.isBlank && !composer.isDirty {
                composer.pendingDraft = PendingDraft(enquiry: enquiry, savedAt: savedAt)
            }
        case .draft(.saved(let at)):
            composer.savedRevision = composer.revision
            composer.draftStatus = .saved(at: at)
        case .draft(.discarded):
            composer.savedRevision = composer.revision
            composer.draftStatus = .none
        case .draft(.failed(let reason)):
            composer.draftStatus = .failed(reason: reason)
        default:
            break
        }
        return []
    }

    /// Keeps the composer's cursors on screen: the focused one-line field scrolled sideways,
    /// the message scrolled so the cursor's row shows, both moving as little as possible.
    mutating func normalizeComposer() {
        guard composer.isOpen, !composer.isOffering else { return }
        let layout = ComposerLayout(self)
        for field in ComposerLayout.lineFields {
            let value = composer.text(field)
            composer.offsets[field] = Self.offset(composer.offsets[field] ?? 0, value, width: layout.valueWidth)
        }
        composer.refreshCache(width: layout.text.width)
        let value = composer.text(.message)
        let lines = composer.messageLayout(width: layout.text.width)
        let row = lines.row(of: value.cursor)
        let height = max(1, layout.text.height)
        var top = min(max(composer.messageTop, row - height + 1), row)
        top = min(max(0, top), max(0, lines.rows.count - height))
        composer.messageTop = top
    }

    /// The first character to show of a one-line field `width` columns wide so the cursor's
    /// cell is visible; shows from the start whenever everything fits.
    static func offset(_ current: Int, _ value: EditableText, width: Int) -> Int {
        let chars = value.characters
        let room = max(1, width - 1)
        if EditorGlyph.width(chars[...]) <= room { return 0 }
        var offset = min(max(0, current), value.cursor)
        while offset < value.cursor && EditorGlyph.width(chars[offset..<value.cursor]) > room { offset += 1 }
        // Fill the view when text was deleted at the end.
        while offset > 0 && EditorGlyph.width(chars[(offset - 1)...]) <= room { offset -= 1 }
        return offset
    }
}
