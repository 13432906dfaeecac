/// One Maildir flag: the letters of a file name's info part (":2,FLAGS"), as mutt, Dovecot and
/// Python's `mailbox.MaildirMessage` read them.
public enum MaildirFlag: Character, Sendable, Hashable, CaseIterable, Comparable {
    case draft = "D"
    case flagged = "F"
    /// Passed: resent, forwarded or bounced. `folio outbox forward` sets it after the MTA accepted.
    case passed = "P"
    case replied = "R"
    case seen = "S"
    case trashed = "T"

    public static func < (a: MaildirFlag, b: MaildirFlag) -> Bool { a.rawValue < b.rawValue }
}

/// A message file's name split into its unique part and its flags. Names in new/ carry no info;
/// names in cur/ end in ":2," and the flag letters in ASCII order, as the Maildir specification
/// requires (so "DFPRST" is the order when all are set). Letters folio does not know (lower-case
/// keywords Dovecot adds) are kept as they are.
public struct MaildirName: Sendable, Hashable {
    /// The unique part: the file name up to the first ":".
    public var base: String
    public var flags: Set<MaildirFlag>
    /// Flag letters other programs set that folio keeps but does not interpret.
    public var otherFlags: String

    public init(base: String, flags: Set<MaildirFlag> = [], otherFlags: String = "") {
        self.base = base; self.flags = flags; self.otherFlags = otherFlags
    }

    /// Parses "base", "base:2,FLAGS" or "base:1,…" (experimental info, kept as no flags).
    public init(fileName: String) {
        guard let colon = fileName.firstIndex(of: ":") else {
            self.init(base: fileName)
            return
        }
        let info = fileName[fileName.index(after: colon)...]
        var flags: Set<MaildirFlag> = []
        var other = ""
        if info.hasPrefix("2,") {
            for letter in info.dropFirst(2) {
                if let flag = MaildirFlag(rawValue: letter) { flags.insert(flag) } else { other.append(letter) }
            }
        }
        self.init(base: String(fileName[..<colon]), flags: flags, otherFlags: other)
    }

    /// The name in cur/: "base:2," followed by the sorted flag letters.
    public var curName: String {
        let letters = flags.sorted().map(\.rawValue) + Array(otherFlags)
        return base + ":2," + String(letters.sorted())
    }

    /// "DS", "P", "" …: the flags as letters in order.
    public var flagLetters: String { String(flags.sorted().map(\.rawValue)) }

    public func with(_ flag: MaildirFlag, _ present: Bool = true) -> MaildirName {
        var copy = self
        if present { copy.flags.insert(flag) } else { copy.flags.remove(flag) }
        return copy
    }
}
