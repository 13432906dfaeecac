import FolioOutbox

/// Editing in the contact composer. Shared moves (up/down, paging, insert, delete backward,
/// clicks) use the browser's actions; these are the composer's own.
public enum ComposerAction: Sendable, Hashable {
    case left, right, wordLeft, wordRight, lineStart, lineEnd
    case deleteForward, deleteWordBackward, deleteWordForward, killToLineStart, killToLineEnd
    case nextField, previousField
    /// Enter: the next field, a new line in the message, or send on the button.
    case enter
    case send
    /// Esc: back to the browser; the text stays (and is saved as a draft).
    case leave
    case resumeDraft, discardDraft
}

/// What became of a `.send` effect, fed back to `update` by the shell.
public enum SendResult: Sendable, Hashable {
    /// Delivered into the outbox's new/ under this id.
    case saved(id: String)
    /// Not delivered; `reason` is short and human ("disk full (write message)").
    case failed(reason: String)
    /// Not attempted, for a reason the session phrases in full (a kiosk's rate limit).
    case refused(String)
}

/// Draft news from the shell: one found at start-up, or the outcome of a save or discard.
public enum DraftEvent: Sendable, Hashable {
    case found(Enquiry, savedAt: String)
    case saved(at: String)
    case failed(reason: String)
    case discarded
}
