import FolioText

/// Links in the detail pane: Tab moves the focus, Enter opens (in a kiosk: shows in full),
/// y copies with OSC 52. The core only says what; the runtime and the terminal do it.
extension AppState {
    /// The links of the document in the detail pane.
    var anchors: [Anchor] { document(width: Geometry(self).text.width).anchors }

    /// The focused link, if any.
    public var focusedAnchor: Anchor? {
        guard let index = pane.anchor else { return nil }
        let anchors = anchors
        return anchors.indices.contains(index) ? anchors[index] : nil
    }

    /// Tab / Shift-Tab: the next or previous link, wrapping. With none focused yet, the first
    /// link at or below the top of the view (or the last above the bottom, going back).
    mutating func stepLink(_ delta: Int) {
        let anchors = anchors
        guard !anchors.isEmpty else { return }
        pane.focus = .detail
        if let index = pane.anchor, anchors.indices.contains(index) {
            pane.anchor = (index + delta + anchors.count) % anchors.count
        } else if delta > 0 {
            pane.anchor = anchors.firstIndex { $0.line >= pane.scroll } ?? 0
        } else {
            let bottom = pane.scroll + Geometry(self).text.height
            pane.anchor = anchors.lastIndex { $0.line < bottom } ?? anchors.count - 1
        }
    }

    /// Enter on a link: the visitor's opener runs it, except in a kiosk, where nothing on
    /// the server may run for a visitor: the link is shown in full to copy instead.
    mutating func openLink() -> [Effect] {
        if case .link = overlay { overlay = nil; return [] }
        guard let anchor = focusedAnchor else { return [] }
        if kiosk {
            overlay = .link(anchor.target)
            return []
        }
        guard Self.opens(anchor.target) else {
            notice = .said("only http, https and mailto links open; y copies it")
            return []
        }
        notice = .said("opening " + anchor.target)
        return [.openURL(anchor.target)]
    }

    /// The links Enter hands to an opener: http, https and mailto, which can never be taken
    /// for an option (they start with a letter) or name a local file or program.
    static func opens(_ target: String) -> Bool {
        let lower = target.lowercased()
        return ["http://", "https://", "mailto:"].contains { lower.hasPrefix($0) } && !target.containsBytes(" ")
    }

    /// y: the link shown in full, else the focused link, else the profile's email.
    mutating func copyLink() -> [Effect] {
        let text: String
        if case .link(let shown) = overlay {
            text = Anchor(target: shown, line: 0).copyText
        } else if let anchor = focusedAnchor {
            text = anchor.copyText
        } else if !portfolio.profile.email.isEmpty {
            text = portfolio.profile.email
        } else {
            return []
        }
        guard TerminalControl.osc52(text) != nil else {
            notice = .said("too long to copy")
            return []
        }
        notice = .said("copied " + text)
        return [.terminal(.copy(text))]
    }

    /// Whether y has something to copy here.
    var canCopy: Bool { focusedAnchor != nil || !portfolio.profile.email.isEmpty }
}
