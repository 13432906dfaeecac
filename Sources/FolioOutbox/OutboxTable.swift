import FolioText

/// The table `folio outbox list` prints: DATE (UTC), FLAGS, FROM, SUBJECT, ID. With a width
/// (a terminal) FROM keeps the whole sender as long as SUBJECT keeps a minimum, then falls back
/// to the bare address, and only then is clipped; without one (piped) nothing is cut.
public struct OutboxTable: Sendable {
    public var entries: [OutboxEntry]
    /// nil: untruncated.
    public var width: Int?
    /// Whole ids instead of their shortest unique start.
    public var longIDs: Bool

    public init(entries: [OutboxEntry], width: Int?, longIDs: Bool = false) {
        self.entries = entries; self.width = width; self.longIDs = longIDs
    }

    static let dateWidth = 16
    static let flagsWidth = 5
    static let minimumSubject = 12
    static let gap = "  "

    public func lines() -> [String] {
        let ids = longIDs ? entries.map(\.id) : Self.shortIDs(entries.map(\.id))
        let idWidth = max(2, ids.map { Text.width($0) }.max() ?? 0)
        let fullFrom = max(4, entries.map { Text.width($0.from) }.max() ?? 0)
        let fullSubject = max(7, entries.map { Text.width($0.subject) }.max() ?? 0)
        var fromWidth = fullFrom
        var subjectWidth = fullSubject
        if let width {
            let available = max(Self.minimumSubject + 4, width - Self.dateWidth - Self.flagsWidth - idWidth - 4 * Self.gap.count)
            if fromWidth + subjectWidth > available {
                fromWidth = min(fullFrom, max(4, available - min(fullSubject, Self.minimumSubject)))
                subjectWidth = max(0, available - fromWidth)
            }
        }
        let header = [Text.pad("DATE", width: Self.dateWidth), Text.pad("FLAGS", width: Self.flagsWidth),
                      Text.pad("FROM", width: fromWidth), Text.pad("SUBJECT", width: subjectWidth), "ID"]
        var out = [header.joined(separator: Self.gap)]
        for (entry, id) in zip(entries, ids) {
            out.append([
                Text.pad(Self.date(entry.time), width: Self.dateWidth),
                Text.pad(Self.flags(entry), width: Self.flagsWidth),
                Text.pad(Self.sender(entry.from, width: fromWidth), width: fromWidth),
                Text.pad(Text.clip(entry.subject, width: subjectWidth), width: subjectWidth),
                id,
            ].joined(separator: Self.gap))
        }
        return out
    }

    /// "N" when unread, then the Maildir flag letters: "N", "S", "PS", "NP".
    static func flags(_ entry: OutboxEntry) -> String {
        (entry.isUnread ? "N" : "") + entry.location.name.flagLetters
    }

    /// The whole "Name <address>" when it fits, else "<address>" alone, else clipped.
    static func sender(_ from: String, width: Int) -> String {
        if Text.width(from) <= width { return from }
        if let open = from.lastIndex(of: "<"), from.hasSuffix(">") {
            let address = String(from[open...])
            if Text.width(address) <= width { return address }
        }
        return Text.clip(from, width: width)
    }

    /// Each id cut to its shortest start that no other id shares, but never shorter than its
    /// time part ("1739440800.M000042"): `folio outbox show` accepts any unique start.
    public static func shortIDs(_ ids: [String]) -> [String] {
        let sorted = ids.sorted()
        return ids.map { id in
            let minimum = id.firstIndex(of: "P").map { id.distance(from: id.startIndex, to: $0) } ?? id.count
            guard let index = sorted.firstIndex(of: id) else { return id }
            let neighbours: [String?] = [index > 0 ? sorted[index - 1] : nil, index + 1 < sorted.count ? sorted[index + 1] : nil]
            let shared = neighbours.compactMap { $0 }.filter { $0 != id }
                .map { (other: String) -> Int in commonPrefixLength(other, id) }.max() ?? 0
            return String(id.prefix(max(minimum, shared + 1)))
        }
    }

    static func commonPrefixLength(_ a: String, _ b: String) -> Int {
        var count = 0
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            count += 1
        }
        return count
    }

    /// "2025-02-13 10:00" in UTC.
    public static func date(_ seconds: Int) -> String {
        let stamp = Timestamp(seconds: seconds).rfc5322  // "Thu, 13 Feb 2025 10:00:00 +0000"
        let parts = stamp.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, let month = months.firstIndex(of: String(parts[2])) else { return stamp }
        let day = parts[1].count == 1 ? "0" + parts[1] : String(parts[1])
        let monthText = month < 9 ? "0\(month + 1)" : "\(month + 1)"
        return "\(parts[3])-\(monthText)-\(day) \(parts[4].prefix(5))"
    }
}
