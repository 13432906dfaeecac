import FolioCore
import FolioOutbox
import FolioPOSIX

/// The owner's Inbox: reads the outbox for the browser and performs the Inbox's effects (read,
/// unread, archive), feeding back a fresh reading as `.inboxLoaded`. The browser's loop waits
/// on `watch()` so new messages appear while it is open.
public struct InboxWiring: Sendable {
    public let maildir: Maildir

    /// The Inbox of the outbox at `path`, with its first reading; nil when there is no Inbox
    /// for this user: in a kiosk, or when the outbox does not exist or cannot be read (it
    /// belongs to someone else, its folders are unsafe, new/ is not readable).
    public static func open(path: String, kiosk: Bool) -> (InboxWiring, InboxListing)? {
        guard !kiosk else { return nil }
        let wiring = InboxWiring(maildir: Maildir(path: path))
        guard case .success = FileStatus.of(path), let listing = try? wiring.maildir.inbox() else { return nil }
        return (wiring, listing)
    }

    /// inotify on new/ and cur/; nil when it cannot be set up (the Inbox then only changes on r/a).
    public func watch() -> Inotify? { try? maildir.watchFolders() }

    /// Runs an Inbox effect; nil for the others.
    public func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .scanInbox:
            return scan()
        case .changeMessage(let id, let operation):
            do throws(OutboxError) { try maildir.apply(operation, to: id) } catch { return .inboxFailed(error.reason) }
            return scan()
        default:
            return nil
        }
    }

    func scan() -> Action {
        do throws(OutboxError) { return .inboxLoaded(try maildir.inbox()) } catch { return .inboxFailed(error.reason) }
    }
}
