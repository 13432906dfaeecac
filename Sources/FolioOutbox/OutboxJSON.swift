import FolioText

/// `folio outbox list --json`: one object per message, keys in a fixed order. Bump
/// `schemaVersion` on any incompatible change; README documents the fields.
public enum OutboxJSON {
    public static let schemaVersion = 1

    public static func document(outbox: String, entries: [OutboxEntry]) -> JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("outbox", .string(Sanitiser.cleanLine(outbox))),
            ("messages", .array(entries.map(message))),
        ])
    }

    public static func message(_ entry: OutboxEntry) -> JSONValue {
        .object([
            ("id", .string(entry.id)),
            ("time", .int(entry.time)),
            ("date", .string(entry.date)),
            ("from", .string(entry.from)),
            ("subject", .string(entry.subject)),
            ("company", entry.company.map(JSONValue.string) ?? .null),
            ("folder", .string(entry.folder)),
            ("flags", .string(entry.location.name.flagLetters)),
            ("unread", .bool(entry.isUnread)),
            ("forwarded", .bool(entry.isForwarded)),
            ("size", .int(entry.size)),
        ])
    }
}
