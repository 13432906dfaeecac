/// What became of the draft as a session ended, so the goodbye says exactly that and no more.
public enum DraftOnExit: Sendable, Hashable {
    /// Nothing to keep: the form was never filled in, was sent, or was emptied (and any
    /// earlier draft removed).
    case none
    /// Nothing changed since the autosave at this time ("12:04"): the draft on disk is the form.
    case savedEarlier(at: String)
    /// Saved as the session ended.
    case savedNow
    /// The save failed; the shell prints the reason once the terminal is restored.
    case failed(reason: String)

    /// The goodbye's sentence about the draft; nil when there is nothing to say.
    public var sentence: String? {
        switch self {
        case .none: nil
        case .savedEarlier(let at): "Your draft was saved at \(at)."
        case .savedNow: "Your draft was saved."
        case .failed: "Your draft could not be saved."
        }
    }
}

extension ComposerState {
    /// What the draft is at the end of a session, given the outcome of `draftEffect` performed
    /// (nil when there was none to perform).
    public func draftOnExit(after outcome: Action?) -> DraftOnExit {
        switch (draftEffect, outcome) {
        case (nil, _):
            if case .saved(let at) = draftStatus { return .savedEarlier(at: at) }
            return .none
        case (_, .draft(.saved)?): return .savedNow
        case (_, .draft(.failed(let reason))?): return .failed(reason: reason)
        default: return .none   // discarded: the form was emptied
        }
    }
}
