import FolioOutbox
import FolioText

/// Where each part of the composer goes, worked out from the state alone so that `update`
/// (scrolling, Up/Down, clicks) and the view always agree.
///
/// Rows, top to bottom: heading, "To", the four one-line fields (each with an error row under
/// it when there is one and room), the message box, its error, the [ Send ] row, the notice,
/// and the profile's other links. The fields and a one-line message always show; the rest is
/// given room in order of importance, and the message takes whatever is left.
struct ComposerLayout {
    static let maxWidth = 100
    static let countWidth = 8          // "200/200" and a gap
    static let lineFields: [EnquiryField] = [.name, .email, .company, .subject]

    let area: Rect
    let labelX: Int
    let valueX: Int
    let right: Int                     // one past the last column used
    let valueWidth: Int                // a one-line field's text, cursor cell included
    let bordered: Bool                 // the message sits in a box (not on short screens)
    private(set) var heading: Int?
    private(set) var toRow: Int?
    private(set) var rows: [EnquiryField: Int] = [:]       // every field; the message's first row
    private(set) var errorRows: [EnquiryField: Int] = [:]
    private(set) var box = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The message text: `width` columns of wrapped text plus one more for the cursor.
    private(set) var text = Rect(x: 0, y: 0, width: 0, height: 0)
    private(set) var button = 0
    private(set) var notice: [String] = []
    private(set) var noticeRow = 0
    private(set) var links: [String] = []
    private(set) var linksRow = 0

    init(_ state: AppState) {
        let body = Geometry(state).detail
        area = body
        let wide = body.width >= 60
        labelX = body.x + (wide ? 3 : 1)
        valueX = labelX + (wide ? 10 : 9)
        right = body.x + min(body.width, Self.maxWidth) - (wide ? 2 : 1)
        valueWidth = max(4, right - valueX - Self.countWidth)
        bordered = body.height >= 10
        layRows(state.composer, state)
    }

    private mutating func layRows(_ composer: ComposerState, _ state: AppState) {
        let fixed = Self.lineFields.count + (bordered ? 2 : 0) + 2      // fields, borders, a line, button
        var spare = max(0, area.height - fixed)
        func take(_ n: Int) -> Bool {
            guard n <= spare else { return false }
            spare -= n
            return true
        }
        // The focused field's error first (it is what is being fixed), then the notice, then
        // the other errors.
        var failing = EnquiryField.allCases.filter { !composer.errors($0).isEmpty }
        var shownErrors: [EnquiryField] = []
        if let focused = composer.focusedField, failing.contains(focused), take(1) {
            shownErrors.append(focused)
            failing.removeAll { $0 == focused }
        }
        notice = Self.noticeLines(composer.notice, width: right - labelX, room: min(3, spare))
        _ = take(notice.count)
        shownErrors += failing.filter { _ in take(1) }
        let hasHeading = area.height >= 12 && take(1)
        let hasTo = area.height >= 16 && !state.portfolio.profile.email.isEmpty && take(1)
        var messageLines = 1 + min(spare, 3)
        spare -= messageLines - 1
        let linkText = Self.linkLines(state, width: right - labelX)
        if !linkText.isEmpty, take(linkText.count + 1) { links = linkText }
        messageLines += spare

        var y = area.y
        if hasHeading { heading = y; y += 1 }
        if hasTo { toRow = y; y += 1 }
        for field in Self.lineFields {
            rows[field] = y; y += 1
            if shownErrors.contains(field) { errorRows[field] = y; y += 1 }
        }
        rows[.message] = y
        if bordered {
            box = Rect(x: valueX, y: y, width: right - valueX, height: messageLines + 2)
            text = Rect(x: valueX + 2, y: y + 1, width: max(2, box.width - 4), height: messageLines)
        } else {
            box = Rect(x: valueX, y: y, width: right - valueX, height: messageLines)
            // Its size goes on the button row, so the text can use the full width.
            text = Rect(x: valueX, y: y, width: max(2, right - valueX - 1), height: messageLines)
        }
        y = box.maxY
        if shownErrors.contains(.message) { errorRows[.message] = y; y += 1 }
        button = y; y += 1
        noticeRow = y; y += notice.count
        linksRow = area.maxY - links.count
    }

    /// The notice wrapped to `room` lines; a shorter wording when the full one does not fit,
    /// so the saved message's id is always readable. With no room it goes beside the button.
    static func noticeLines(_ notice: ComposerNotice?, width: Int, room: Int) -> [String] {
        guard let notice, room > 0 else { return [] }
        let lines = wrap([Span(notice.text)], width: max(1, width)).map(Text.plain)
        if lines.count <= room { return lines }
        if case .saved(let id, _) = notice {
            let short = fold("Saved as \(id).", width: max(1, width))
            if short.count <= room { return short }
        }
        return Array(lines.prefix(room))
    }

    /// Cuts text into rows of `width` columns wherever the edge falls (an id has no spaces).
    static func fold(_ text: String, width: Int) -> [String] {
        var rows: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let row = Text.cut(String(rest), width: width)
            guard !row.isEmpty else { break }
            rows.append(row)
            rest = rest.dropFirst(row.count)
        }
        return rows
    }

    /// The profile's other ways to get in touch, for the bottom of the composer.
    static func linkLines(_ state: AppState, width: Int) -> [String] {
        let links = state.portfolio.profile.links
        guard !links.isEmpty else { return [] }
        let parts = links.map { "\(Sanitiser.cleanLine($0.label)) \(Sanitiser.cleanLine($0.url))" }
        return wrap([Span("Elsewhere: " + parts.joined(separator: " \(state.glyphs.dot) "))], width: max(1, width))
            .map(Text.plain)
    }

    /// The [ Send ] button's columns.
    static let buttonLabel = "[ Send  ^S ]"
    var buttonRange: Range<Int> { valueX..<(valueX + DisplayWidth.of(Self.buttonLabel)) }
}
