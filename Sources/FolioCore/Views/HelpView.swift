import FolioText

/// The `?` overlay: every binding in the key table, grouped by where it applies.
enum HelpView {
    static func frame(_ state: AppState) -> Rect {
        let width = min(state.width - 2, 78)
        let top = Geometry(state).topRule
        return Rect(x: (state.width - width) / 2, y: top, width: width, height: max(3, state.height - 1 - top))
    }

    static func textWidth(_ state: AppState) -> Int { max(10, frame(state).width - 4) }

    /// The help text at the overlay's width. Cached as a document: see `DocumentID.help`.
    /// `owner` false (a kiosk) leaves out the keys only the owner can use; `inbox` false (no
    /// readable outbox, and always in a kiosk) leaves out the Inbox's.
    static func lines(width inner: Int, symbols glyphs: Symbols, owner: Bool = true, inbox: Bool = true) -> [StyledLine] {
        let keyColumn = min(18, inner / 3)
        var lines: [StyledLine] = []
        for context in KeyContext.allCases {
            let bindings = KeyTable.standard.bindings.filter {
                $0.context == context && shown($0, owner: owner, inbox: inbox && owner)
            }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(context.title, Styles.heading)])
            for binding in bindings {
                let keys = binding.keyList(glyphs)
                let wrapped = wrap([Span(binding.help)], width: max(1, inner - keyColumn))
                // Keys too long for their column get a line to themselves.
                let ownLine = DisplayWidth.of(keys) > keyColumn - 1
                if ownLine { lines.append([Span(keys, Styles.key)]) }
                for (i, part) in wrapped.enumerated() {
                    let lead = i == 0 && !ownLine ? Text.pad(keys, width: keyColumn) : String(repeating: " ", count: keyColumn)
                    lines.append([Span(lead, i == 0 && !ownLine ? Styles.key : .plain)] + part)
                }
            }
        }
        return lines
    }

    /// Whether the help lists `binding`: the Inbox's keys only with an Inbox, the owner's only
    /// outside a kiosk.
    private static func shown(_ binding: Binding, owner: Bool, inbox: Bool) -> Bool {
        if binding.context == .inbox || binding.condition == .hasInbox { return inbox }
        return owner || binding.condition?.isOwners != true
    }

    static func maxScroll(_ state: AppState) -> Int {
        max(0, state.document(.help, width: textWidth(state)).lines.count - (frame(state).height - 2))
    }

    static func draw(_ state: AppState, scroll: Int, into buffer: inout Buffer) {
        let lines = state.document(.help, width: textWidth(state)).lines
        var rect = frame(state)
        rect.height = min(rect.height, lines.count + 2)     // no empty box below short help
        let box = OverlayBox(frame: rect)
        let inner = box.inner
        let shown = min(inner.height, max(0, lines.count - scroll))
        let more = lines.count - scroll - shown
        let note = more > 0 ? "\(state.symbols.scrollDown) \(more) more" : ""
        box.draw(title: "Keys", topRight: "Esc closes", bottom: note, glyphs: state.glyphs, into: &buffer)
        for offset in 0..<shown {
            buffer.put(lines[scroll + offset], x: inner.x, y: inner.y + offset, maxWidth: inner.width)
        }
    }
}
