import FolioText

/// One enquiry for the browser's Inbox: its list entry and, once read, its decoded, sanitised body.
public struct InboxMessage: Sendable, Hashable {
    public var entry: OutboxEntry
    /// Decoded (quoted-printable, base64) and passed through `Sanitiser.clean`; nil until the
    /// message is first shown (`Maildir.body(of:)`), so a reading costs headers only.
    public var body: String?

    public init(entry: OutboxEntry, body: String?) { self.entry = entry; self.body = body }
}

/// What the browser's Inbox shows: the newest messages (at most `InboxListing.limit`),
/// newest first, and the counts over the whole inbox.
public struct InboxListing: Sendable, Hashable {
    /// More than an owner reads in one sitting; older ones stay for `folio outbox list`.
    public static let limit = 200
    /// Bytes of one message read for its body: above the largest enquiry (64 KiB of text is at
    /// most about 200 KiB quoted-printable), so the Inbox holds at most `limit` times this.
    public static let messageBytes = 256 * 1024

    public var messages: [InboxMessage]
    /// Every message in new/ and cur/.
    public var total: Int
    /// Those not seen (in new/, or in cur/ without the S flag).
    public var unread: Int

    public init(messages: [InboxMessage], total: Int, unread: Int) {
        self.messages = messages; self.total = total; self.unread = unread
    }
}

extension Maildir {
    /// The inbox for the browser: `list` (headers only), newest first, at most `limit`. A
    /// message's body never changes (a flag change renames the file, the id stays): bodies in
    /// `known` (by id, read earlier) come with their messages; the others are nil.
    public func inbox(limit: Int = InboxListing.limit, known: [String: String] = [:]) throws(OutboxError) -> InboxListing {
        let entries = try list()
        let shown = entries.reversed().prefix(max(0, limit)).map { InboxMessage(entry: $0, body: known[$0.id]) }
        return InboxListing(messages: Array(shown), total: entries.count, unread: entries.filter(\.isUnread).count)
    }

    /// The decoded, sanitised body of a listed message ("" when it vanished meanwhile), read up
    /// to `InboxListing.messageBytes`.
    public func body(of entry: OutboxEntry) -> String {
        guard let bytes = try? rawMessage(entry, limit: InboxListing.messageBytes) else { return "" }
        return Sanitiser.clean(ParsedMessage(bytes).body)
    }
}
