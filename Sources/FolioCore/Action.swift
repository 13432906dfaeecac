/// What the user means, independent of which key said it. Movement actions are read
/// according to what has focus (list selection, detail scroll, tag row, help, search results).
public enum Action: Sendable, Hashable {
    case up, down, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom
    case previousTag, nextTag
    case showSection(Section), nextSection, previousSection
    case focusList, focusDetail, focusTags
    case activate                       // open the tag or item under the cursor
    case back                           // one step back through history
    case openSearch, openHelp, openContact, closeOverlay
    case searchNextMatch, searchPreviousMatch
    case insert(String), deleteBackward, clearInput
    case click(x: Int, y: Int), wheel(lines: Int, x: Int, y: Int)
    case resize(width: Int, height: Int)
    case quit
}

/// Work `update` asks the shell to do, so the state machine itself stays pure.
public enum Effect: Sendable, Hashable {
    case quit
}
