import ArgumentParser
import FolioOutbox
import FolioText

/// `folio outbox`: the owner's view of the enquiries and the setup of a shared outbox.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List, read and set up the outbox Maildir where enquiries are saved.",
        discussion: """
        Every enquiry is one RFC 5322 message in a Maildir: new/ holds what no mail reader \
        has seen yet, cur/ what one has. Any Maildir reader (mutt -f DIR, or Python's \
        mailbox.Maildir) reads it too. All text shown is sanitised: control and bidi \
        characters become visible markers.

        EXAMPLES
          folio outbox list
          folio outbox show 1739440800.M4212   (an id, or a unique start of one)
          folio outbox init --shared --group folio /srv/folio/outbox

        EXIT STATUS
          0   done
          65  bad argument, or no such message
          73  unsafe outbox (symlink, not a directory, unsafe modes)
          74  input/output error
          75  temporary failure (read-only, permission denied, disk full)
        """,
        subcommands: [OutboxListCommand.self, OutboxShowCommand.self, OutboxInitCommand.self]
    )
}

/// Runs an outbox operation, turning an `OutboxError` into a message and an exit code.
func runOutbox<T>(_ command: String, _ body: () throws(OutboxError) -> T) throws -> T {
    do throws(OutboxError) {
        return try body()
    } catch {
        Console.error("folio \(command): \(error)")
        throw ExitCode(ExitStatus.code(for: error))
    }
}

struct OutboxListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the saved enquiries, oldest first.",
        discussion: """
        Columns: DATE (UTC), N (* when still in new/), FROM, SUBJECT and the ID that \
        folio outbox show takes. Each field is clipped to fit; --width sets the line width.
        """
    )

    @OptionGroup var outboxOptions: OutboxOptions
    @Option(help: "Line width for the table.") var width: Int = 100
    @Flag(help: "Show whole ids (file names) instead of their shortest unique start.") var long = false

    func run() throws {
        let entries = try runOutbox("outbox list") { () throws(OutboxError) in
            try Maildir(path: outboxOptions.path).list()
        }
        if entries.isEmpty {
            Console.out("No enquiries in \(Sanitiser.cleanLine(outboxOptions.path)).")
            return
        }
        let ids = long ? entries.map(\.id) : Self.shortIDs(entries.map(\.id))
        // DATE 16, N 1, ID as is; FROM and SUBJECT share the rest.
        let idWidth = ids.map { Text.width($0) }.max() ?? 0
        let rest = max(20, width - 16 - 1 - idWidth - 8)
        let fromWidth = rest * 2 / 5
        let subjectWidth = rest - fromWidth
        Console.out([Text.pad("DATE", width: 16), "N", Text.pad("FROM", width: fromWidth),
                           Text.pad("SUBJECT", width: subjectWidth), "ID"].joined(separator: "  "))
        for (entry, id) in zip(entries, ids) {
            Console.out([
                Text.pad(Self.date(entry.time), width: 16),
                entry.folder == "new" ? "*" : " ",
                Text.pad(Text.clip(entry.from, width: fromWidth), width: fromWidth),
                Text.pad(Text.clip(entry.subject, width: subjectWidth), width: subjectWidth),
                id,
            ].joined(separator: "  "))
        }
    }

    /// Each id cut to its shortest start that no other id shares, but never shorter than its
    /// time part ("1739440800.M000042"): `folio outbox show` accepts any unique start.
    static func shortIDs(_ ids: [String]) -> [String] {
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
    static func date(_ seconds: Int) -> String {
        let stamp = Timestamp(seconds: seconds).rfc5322  // "Thu, 13 Feb 2025 10:00:00 +0000"
        let parts = stamp.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, let month = months.firstIndex(of: String(parts[2])) else { return stamp }
        let day = parts[1].count == 1 ? "0" + parts[1] : String(parts[1])
        let monthText = month < 9 ? "0\(month + 1)" : "\(month + 1)"
        return "\(parts[3])-\(monthText)-\(day) \(parts[4].prefix(5))"
    }
}

struct OutboxShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one enquiry: its main headers, then the decoded message.",
        discussion: "ID is a name from folio outbox list, or any unique start of one."
    )

    @OptionGroup var outboxOptions: OutboxOptions
    @Argument(help: "The enquiry's id (or a unique prefix).") var id: String

    static let shown = ["From", "To", "Subject", "Date", "Message-ID", "X-Folio-Company", "X-Folio-Origin",
                        "X-Folio-Session"]

    func run() throws {
        let message = try runOutbox("outbox show") { () throws(OutboxError) in
            try Maildir(path: outboxOptions.path).show(id)
        }
        for name in Self.shown {
            if let field = message.headers.first(where: { $0.name.lowercased() == name.lowercased() }) {
                Console.out("\(name): \(field.value)")
            }
        }
        Console.out("")
        Console.out(message.body.hasSuffix("\n") ? String(message.body.dropLast()) : message.body)
    }
}

struct OutboxInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or repair an outbox: private (0700), or shared with a group.",
        discussion: """
        Without --shared the outbox is private: every directory 0700.

        With --shared --group GROUP other accounts in GROUP can deliver enquiries but cannot \
        list or read them: tmp/ and new/ become 3730 (owner rwx; group write and search, \
        setgid, sticky; others nothing), the outbox itself 0710 and cur/ 0700, all in GROUP. \
        Messages they write are 0640 in GROUP, so the owner must be a member of GROUP to \
        read them. folio checks these modes before every delivery and refuses a shared \
        outbox whose tmp/ or new/ is readable by the group or others, or not sticky.

        EXAMPLES
          sudo groupadd folio && sudo usermod -aG folio owner
          folio outbox init --shared --group folio /srv/folio/outbox
          FOLIO_OUTBOX=/srv/folio/outbox folio          (in each visitor's environment)
        """
    )

    @Flag(help: "Let other accounts in --group deliver into this outbox.") var shared = false
    @Option(help: "The group allowed to deliver (a name or a number).") var group: String?
    @Argument(help: "The outbox directory (default: --outbox, $FOLIO_OUTBOX or the XDG default).")
    var directory: String?
    @OptionGroup var outboxOptions: OutboxOptions

    func validate() throws {
        if shared && group == nil { throw ValidationError("--shared needs --group GROUP") }
        if group != nil && !shared { throw ValidationError("--group is only for --shared") }
    }

    func run() throws {
        let path = directory ?? outboxOptions.path
        let report = try runOutbox("outbox init") { () throws(OutboxError) in
            try OutboxSetup.initialise(path: path, sharedGroup: shared ? group : nil)
        }
        for line in report { Console.out(Sanitiser.cleanLine(line)) }
    }
}
