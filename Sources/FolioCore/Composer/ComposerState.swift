import FolioOutbox

/// What has the composer's keyboard: a field, or the [ Send ] button after the message.
public enum ComposerFocus: Sendable, Hashable {
    case field(EnquiryField)
    case send

    /// Tab order: the five fields, then the button.
    static let order: [ComposerFocus] = EnquiryField.allCases.map { .field($0) } + [.send]
}

/// A draft found at start-up, offered before the composer opens over it.
public struct PendingDraft: Sendable, Hashable {
    public var enquiry: Enquiry
    /// When it was saved, as the shell formats it ("12:04", or a date when older).
    public var savedAt: String
    public init(enquiry: Enquiry, savedAt: String) { self.enquiry = enquiry; self.savedAt = savedAt }
}

/// The one line the composer says about the last send.
public enum ComposerNotice: Sendable, Hashable {
    case saved(id: String, name: String)
    case failed(reason: String)
    case refused(String)             // a kiosk's rate limit, phrased by the session
    case invalid(count: Int)

    var text: String {
        switch self {
        case .saved(let id, let name):
            // The thanks on a line of its own, so a long id never splits the name.
            return "Saved to the outbox as \(id).\nThank you" + (name.isEmpty ? "." : ", \(name).")
        case .failed(let reason): return "Not saved: \(reason). Your text is kept; Ctrl-S tries again."
        case .refused(let line): return line
        case .invalid(let count):
            return "Not saved: \(count == 1 ? "one field needs" : "\(count) fields need") attention."
        }
    }

    var isGood: Bool { if case .saved = self { true } else { false } }
}

/// What became of the last draft save, for the corner of the composer.
public enum DraftStatus: Sendable, Hashable {
    case none
    case saved(at: String)
    case failed(reason: String)
}

/// The contact composer: five fields, where the cursor is, what was said about the last send
/// and the draft. Lives in `AppState` for the whole session, so leaving and coming back keeps
/// the text.
public struct ComposerState: Sendable {
    public internal(set) var isOpen = false
    public internal(set) var focus = ComposerFocus.field(.name)
    public internal(set) var notice: ComposerNotice?
    public internal(set) var draftStatus = DraftStatus.none
    public internal(set) var pendingDraft: PendingDraft?
    var fields: [EnquiryField: EditableText] = [:]
    /// Fields whose errors show: left after typing, or all of them after a send attempt.
    var touched: Set<EnquiryField> = []
    /// Bumped by every edit; equal to `savedRevision` when the draft on disk matches the form.
    var revision = 0
    var savedRevision = 0
    /// First message row shown, and first character shown of each one-line field.
    var messageTop = 0
    var offsets: [EnquiryField: Int] = [:]
    /// The column Up/Down aim for in the message, kept across short lines.
    var goalColumn: Int?
    /// Where Esc goes back to when `c` opened the composer from another section.
    var returnTo: Section?
    /// Bumped by every change to the message; keys `cache`.
    var messageVersion = 0
    /// The message's wrapped rows, size and problems, worked out once per change (and width)
    /// rather than on every look: a 64 KiB message is walked once per keystroke.
    var cache = MessageCache()

    public init() {}

    public func text(_ field: EnquiryField) -> EditableText { fields[field] ?? EditableText() }

    public var enquiry: Enquiry {
        var e = Enquiry()
        for field in EnquiryField.allCases { e[field] = text(field).text }
        if e.company?.isEmpty ?? true { e.company = nil }
        return e
    }

    /// True when the form holds text the draft on disk does not.
    public var isDirty: Bool { revision != savedRevision }

    public var isBlank: Bool { EnquiryField.allCases.allSatisfy { text($0).isEmpty } }

    public var focusedField: EnquiryField? {
        if case .field(let f) = focus { return f }
        return nil
    }

    /// The offer of a waiting draft is on screen (it comes before any editing).
    public var isOffering: Bool { isOpen && pendingDraft != nil }

    /// Problems to show under `field`: only once it has been left or a send was tried.
    public func errors(_ field: EnquiryField) -> [FieldError] {
        guard touched.contains(field) else { return [] }
        if field == .message && cache.version == messageVersion { return cache.errors }
        return EnquiryValidator.validate(text(field).text, as: field)
    }

    /// The field's size in its unit (characters; the message's bytes).
    func size(_ field: EnquiryField) -> Int {
        if field == .message && cache.version == messageVersion { return cache.bytes }
        return FieldLimits.count(Enquiry.normalised(text(field).text, as: field), for: field)
    }

    /// "12/128" under the limit; the message counts bytes ("212 / 65536").
    func count(_ field: EnquiryField) -> String {
        let limit = FieldLimits.limit(for: field)
        return field == .message ? "\(size(field)) / \(limit)" : "\(size(field))/\(limit)"
    }

    /// The message wrapped at `width`, from the cache when it is current.
    func messageLayout(width: Int) -> MessageLayout {
        if cache.version == messageVersion, let layout = cache.layout, layout.width == max(2, width) { return layout }
        return MessageLayout(text(.message).characters, width: width)
    }

    /// Brings the cache up to date; `update` calls it so the views find it warm.
    mutating func refreshCache(width: Int) {
        if cache.version != messageVersion {
            let message = text(.message).text
            cache = MessageCache(version: messageVersion, layout: nil, bytes: message.utf8.count,
                                 errors: EnquiryValidator.validate(message, as: .message))
        }
        if cache.layout?.width != max(2, width) { cache.layout = MessageLayout(text(.message).characters, width: width) }
    }

    mutating func edit(_ field: EnquiryField, _ change: (inout EditableText) -> Void) {
        let before = fields[field]?.edits ?? 0
        change(&fields[field, default: EditableText()])    // in place: no copy of a long message
        if fields[field]?.edits != before {
            revision += 1
            if field == .message { messageVersion += 1 }
            // A confirmation or a list of problems is stale once typing starts again; a failed
            // save stays in view until the next try.
            switch notice {
            case .saved?, .invalid?: notice = nil
            default: break
            }
        }
    }

    /// Empties the form after a successful send; nothing is left to save.
    mutating func clear() {
        fields = [:]
        offsets = [:]
        touched = []
        messageTop = 0
        goalColumn = nil
        focus = .field(.name)
        messageVersion += 1
        revision += 1
        savedRevision = revision
    }

    /// Fills the form from a draft, which is then what is on disk.
    mutating func load(_ enquiry: Enquiry) {
        // The message as it would be typed: a hand-edited draft may hold controls or CR LF.
        for field in EnquiryField.allCases {
            fields[field] = EditableText(field.isSingleLine ? enquiry[field] : Enquiry.normalised(enquiry[field], as: field))
        }
        messageVersion += 1
        touched = Set(EnquiryField.allCases.filter { !enquiry[$0].isEmpty })
        revision += 1
        savedRevision = revision
        focus = .field(EnquiryField.allCases.first { $0.isRequired && enquiry[$0].isEmpty } ?? .message)
    }
}

/// See `ComposerState.cache`. The message is kept normalised as it is typed, so its size is
/// its UTF-8 length.
struct MessageCache: Sendable {
    var version = -1
    var layout: MessageLayout?
    var bytes = 0
    var errors: [FieldError] = []
}
