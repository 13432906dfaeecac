/// The Maildir++ mailboxes folio moves messages between. Archive and Trash are sub-Maildirs of
/// the outbox named ".Archive" and ".Trash", as Dovecot and Courier lay them out, so mutt
/// (`mutt -f outbox/.Trash`) and an IMAP server over the same directory show them as folders.
public enum Mailbox: String, Sendable, Hashable, CaseIterable {
    case inbox, archive, trash

    /// The directory under the outbox; "" for the outbox itself.
    public var directory: String {
        switch self {
        case .inbox: ""
        case .archive: ".Archive"
        case .trash: ".Trash"
        }
    }
}

/// What the owner (or the forwarder) does to one message.
public enum MessageOperation: String, Sendable, Hashable, CaseIterable {
    /// `outbox show`, `r` on an unread message: seen.
    case read
    /// `r` on a read message: no longer seen.
    case unread
    /// Out of the inbox into .Archive, seen.
    case archive
    /// Out of the inbox into .Trash, flags kept (not T: Dovecot would expunge it at once).
    case delete
    /// The MTA accepted it: passed.
    case forwarded
}

/// Where one message is: mailbox, new/ or cur/, and its file name (which carries the flags).
/// The state machine is `applying(_:)`: pure, so it is tested without files; `Maildir.apply`
/// performs the rename it describes.
public struct MessageLocation: Sendable, Hashable {
    public var mailbox: Mailbox
    /// "new" or "cur".
    public var folder: String
    public var fileName: String

    public init(mailbox: Mailbox = .inbox, folder: String, fileName: String) {
        self.mailbox = mailbox; self.folder = folder; self.fileName = fileName
    }

    public var name: MaildirName { MaildirName(fileName: fileName) }
    public var isUnread: Bool { !name.flags.contains(.seen) }
    public var isForwarded: Bool { name.flags.contains(.passed) }

    /// Where the message goes after `operation`. Every change lands in cur/ with the flags in
    /// the file name ("new/ holds only what no reader has touched"); a change that alters
    /// nothing returns `self`, so no rename happens.
    public func applying(_ operation: MessageOperation) -> MessageLocation {
        var target = name
        var mailbox = self.mailbox
        switch operation {
        case .read: target = target.with(.seen)
        case .unread: target = target.with(.seen, false)
        case .archive:
            mailbox = .archive
            target = target.with(.seen)
        case .delete: mailbox = .trash
        case .forwarded: target = target.with(.passed)
        }
        // Nothing changes: stay put (an untouched message in new/ stays there when marked unread).
        if mailbox == self.mailbox && target == name && (folder == "cur" || operation == .unread || operation == .delete) {
            return self
        }
        return MessageLocation(mailbox: mailbox, folder: "cur", fileName: target.curName)
    }
}
