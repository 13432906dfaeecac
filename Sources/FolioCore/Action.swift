import FolioContent
import FolioOutbox

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
    case nextInPage, previousInPage     // n/N where the last search's query is on the page
    case nextLink, previousLink         // focus the next / previous link of the document
    case openLink, copyLink             // Enter on the focused link; y: copy it (or the email)
    case toggleMouse
    case notice(String)                 // an effect's outcome to show (the link opener's)
    case insert(String), deleteBackward, clearInput
    case click(x: Int, y: Int), wheel(lines: Int, x: Int, y: Int)
    case resize(width: Int, height: Int)
    case quit
    case repaint, suspend               // Ctrl-L, Ctrl-Z: the terminal's business, asked for as effects
    case composer(ComposerAction)                    // editing in the contact composer
    case typingPaused                                // a pause in typing: time to save the draft
    case sendFinished(SendResult), draft(DraftEvent) // outcomes of effects, fed back by the shell
    // The owner's Inbox: keys, a change the runtime saw (inotify), and outcomes.
    case toggleRead, archiveMessage
    case inboxChanged
    case inboxLoaded(InboxListing), inboxFailed(String)
    case messageRead(id: String, body: String)
    // Live reload: R, or a change under the content folder (--watch); then the outcome.
    case reload
    case contentLoaded(Portfolio)
}

/// Work `update` asks the shell to do, so the state machine itself stays pure.
public enum Effect: Sendable, Hashable {
    case quit
    /// Clear and redraw the whole screen (after another program wrote to the tty).
    case repaint
    /// Give the terminal back to the shell until `fg`, then redraw at the size it has then.
    case suspend
    /// Save the composer's text as the draft (atomically), then feed back `.draft(.saved/.failed)`.
    case saveDraft(Enquiry)
    /// Remove the draft (sent, discarded or emptied), then feed back `.draft(.discarded)`.
    case discardDraft
    /// Deliver to the outbox, then feed back `.sendFinished`.
    case send(Enquiry)
    /// Read the outbox again, then feed back `.inboxLoaded` (or `.inboxFailed`).
    case scanInbox
    /// Move or re-flag one message (`MessageOperation`: read, unread, archive), then read the
    /// outbox again and feed back `.inboxLoaded`, or `.inboxFailed` with the reason.
    case changeMessage(id: String, MessageOperation)
    /// Read and decode one message's body (the Inbox shows it), then feed back `.messageRead`.
    case readMessage(id: String)
    /// Load the content folder again, then feed back `.contentLoaded`.
    case reloadContent
    /// Open a link with the visitor's own opener (never asked for in a kiosk); the outcome
    /// comes back as `.notice`.
    case openURL(String)
    /// Something only the terminal does (a clipboard copy, mouse reports on or off).
    case terminal(TerminalControl)
}
