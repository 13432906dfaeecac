import FolioText

/// Draws the whole screen for `state`. The buffer is cleared (resized to the state's size
/// when it differs) and redrawn from scratch; the backend diffs it against the previous frame.
public func render(_ state: AppState, into buffer: inout Buffer) {
    if buffer.width == state.width && buffer.height == state.height {
        buffer.clear()
    } else {
        buffer = Buffer(width: state.width, height: state.height)
    }
    let g = Geometry(state)
    if g.tooSmall {
        TooSmallView.draw(state, into: &buffer)
        return
    }
    FrameView.draw(state, g, into: &buffer)
    HeaderView.draw(state, g, into: &buffer)
    if state.composer.isOpen {
        ComposerView.draw(state, into: &buffer)
    } else {
        ListPaneView.draw(state, g, into: &buffer)
        DetailPaneView.draw(state, g, into: &buffer)
    }
    StatusBarView.draw(state, g, into: &buffer)
    switch state.overlay {
    case .help(let scroll)?: HelpView.draw(state, scroll: scroll, into: &buffer)
    case .search(let prompt)?: PromptView.draw(state, prompt, into: &buffer)
    case .link(let url)?: LinkView.draw(state, url, into: &buffer)
    case nil: break
    }
}

/// Where the terminal's cursor belongs, if anywhere: at the caret of a text prompt or the
/// composer's focused field. The backend shows its own cursor there (input methods and screen
/// readers follow it).
public func cursorPosition(_ state: AppState) -> (x: Int, y: Int)? {
    guard !Geometry(state).tooSmall else { return nil }
    switch state.overlay {
    case .search(let prompt)?: return PromptView.caretPosition(state, prompt)
    case .help?, .link?: return nil
    case nil: return state.composer.isOpen ? ComposerView.cursor(state) : nil
    }
}

/// Convenience for tests and `folio render`.
public func render(_ state: AppState) -> Buffer {
    var buffer = Buffer(width: state.width, height: state.height)
    render(state, into: &buffer)
    return buffer
}

enum Styles {
    static let selected = Style(.selection, [.reverse, .bold])
    static let muted = Style(.muted)
    static let border = Style(.border)
    static let key = Style(.accent, .bold)
    static let heading = Style(.heading, .bold)
}

extension Buffer {
    /// Writes text ending at column `right` (exclusive); returns where it starts.
    @discardableResult
    mutating func putRight(_ s: String, right: Int, y: Int, style: Style) -> Int {
        let x = right - DisplayWidth.of(s)
        put(s, x: x, y: y, style: style)
        return x
    }
}

