import FolioCore
import FolioOutbox
import FolioPOSIX

/// The owner's Inbox: reads the outbox for the browser and performs the Inbox's effects (read,
/// unread, archive), feeding back a fresh reading as `.inboxLoaded`. The browser's loop waits
/// on its inotify watch so new messages appear while it is open. A reading is headers only;
/// a body is read when the Inbox first shows it (`.readMessage`) and kept for later readings.
public final class InboxWiring {
    public let maildir: Maildir
    private var bodies: [String: String] = [:]
    private var entries: [String: OutboxEntry] = [:]

    init(maildir: Maildir) { self.maildir = maildir }

    /// The Inbox of the outbox at `path`, its inotify watch on new/ and cur/ (nil when it cannot
    /// be set up: the Inbox then changes only on r and a), and its first reading, taken after
    /// the watch starts so nothing delivered in between is missed. Nil when there is no Inbox
    /// for this user: in a kiosk, or when the outbox does not exist or cannot be read (it
    /// belongs to someone else, its folders are unsafe, new/ is not readable).
    public static func open(path: String, kiosk: Bool) -> (wiring: InboxWiring, watch: Inotify?, listing: InboxListing)? {
        guard !kiosk, case .success = FileStatus.of(path) else { return nil }
        let wiring = InboxWiring(maildir: Maildir(path: path))
        let watch = try? wiring.maildir.watchFolders()
        guard let listing = try? wiring.read() else { return nil }
        return (wiring, watch, listing)
    }

    /// Runs an Inbox effect; nil for the others.
    public func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .scanInbox:
            return scan()
        case .readMessage(let id):
            let body = entries[id].map(maildir.body(of:)) ?? ""
            bodies[id] = body
            return .messageRead(id: id, body: body)
        case .changeMessage(let id, let operation):
            do throws(OutboxError) { try maildir.apply(operation, to: id) } catch { return .inboxFailed(error.reason) }
            return scan()
        default:
            return nil
        }
    }

    func scan() -> Action {
        do throws(OutboxError) { return .inboxLoaded(try read()) } catch { return .inboxFailed(error.reason) }
    }

    /// A reading; the bodies kept are those of the messages it holds (at most `InboxListing.limit`).
    private func read() throws(OutboxError) -> InboxListing {
        let listing = try maildir.inbox(known: bodies)
        entries = Dictionary(listing.messages.map { ($0.entry.id, $0.entry) }, uniquingKeysWith: { first, _ in first })
        bodies = bodies.filter { entries[$0.key] != nil }
        return listing
    }
}
