import FolioOutbox

extension AppState {
    /// The message selected in the Inbox, if that is where we are.
    public var selectedMessage: InboxMessage? {
        guard section == .inbox, let messages = inbox?.messages, messages.indices.contains(pane.selected) else { return nil }
        return messages[pane.selected]
    }

    /// Actions about the owner's Inbox and reloads. They come from the runtime at any time
    /// (whatever overlay is open), or from keys in the Inbox; a kiosk ignores them all.
    mutating func updateOwner(_ action: Action) -> [Effect] {
        guard !kiosk else { return [] }
        switch action {
        case .inboxChanged:
            return inbox == nil ? [] : [.scanInbox]
        case .inboxLoaded(let listing):
            showInbox(listing)
        case .inboxFailed(let reason):
            notice = .inboxFailed(reason)
        case .messageRead(let id, let body):
            if let index = inbox?.messages.firstIndex(where: { $0.entry.id == id }) {
                inbox?.messages[index].body = body
                documents = DocumentCache()   // its page was laid out without the body
            }
        case .toggleRead:
            guard let message = selectedMessage else { return [] }
            return [.changeMessage(id: message.entry.id, message.entry.isUnread ? .read : .unread)]
        case .archiveMessage:
            guard let message = selectedMessage else { return [] }
            return [.changeMessage(id: message.entry.id, .archive)]
        case .reload:
            return [.reloadContent]
        case .contentLoaded(let portfolio):
            reload(with: portfolio)
        default:
            break
        }
        return []
    }

    /// The body the Inbox shows and does not have yet: read it (the runtime answers at once,
    /// before the next frame).
    func messageToRead() -> [Effect] {
        guard !kiosk, let message = selectedMessage, message.body == nil else { return [] }
        return [.readMessage(id: message.entry.id)]
    }

    /// Takes a fresh reading of the outbox. The selection stays on the same message when it is
    /// still there (new ones arrive above it); otherwise on the same row (the next older one).
    mutating func showInbox(_ listing: InboxListing) {
        let previous = inbox.flatMap { old in
            old.messages.indices.contains(panes[Section.inbox.rawValue].selected)
                ? old.messages[panes[Section.inbox.rawValue].selected].entry.id : nil
        }
        if inbox == nil { documents = DocumentCache() }   // the help now lists the Inbox's keys
        inbox = listing
        var place = panes[Section.inbox.rawValue]
        if let previous, let index = listing.messages.firstIndex(where: { $0.entry.id == previous }) {
            place.selected = index
        } else if previous != nil {
            place.scroll = 0
        }
        panes[Section.inbox.rawValue] = place
    }
}
