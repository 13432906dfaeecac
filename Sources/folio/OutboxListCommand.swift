import ArgumentParser
import FolioOutbox
import FolioText
import Glibc

struct OutboxListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the enquiries in the outbox, oldest first.",
        discussion: """
        Columns: DATE (UTC), FLAGS (N unread, then the Maildir flags: S seen, P forwarded \
        to the MTA, R replied, F flagged), FROM, SUBJECT and the ID that folio outbox show \
        takes. On a terminal the table fits its width: the sender is kept whole as long as \
        the subject keeps a few columns, then shown as the bare address. Piped, nothing is cut.

        --json prints {"schemaVersion", "outbox", "messages": [...]}, each message with \
        id, time (seconds since the epoch), date, from, subject, company (or null), folder \
        (new or cur), flags, unread, forwarded and size.

        A missing or empty outbox prints "no enquiries yet" (with --json, an empty list).

        EXAMPLES
          folio outbox list
          folio outbox list --unread
          folio outbox list --json | jq -r '.messages[] | select(.unread) | .from'
          folio outbox list --width 200 | less -S

        EXIT STATUS
          0   listed (also when there are no enquiries)
          73  unsafe outbox (symlink, not a directory, unsafe modes)
          74  input/output error
          75  temporary failure (permission denied)
        """
    )

    @OptionGroup var outboxOptions: OutboxOptions
    @Option(help: "Line width (default: the terminal's; unlimited when piped).") var width: Int?
    @Flag(help: "Only messages not yet seen.") var unread = false
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Flag(help: "Show whole ids (file names) instead of their shortest unique start.") var long = false

    func run() throws {
        var entries = try runOutbox("outbox list") { () throws(OutboxError) in
            try Maildir(path: outboxOptions.path).list()
        }
        if unread { entries = entries.filter(\.isUnread) }
        if json {
            Console.out(String(OutboxJSON.document(outbox: outboxOptions.path, entries: entries).rendered().dropLast()))
            return
        }
        if entries.isEmpty {
            Console.out(unread ? "no unread enquiries" : "no enquiries yet")
            return
        }
        let lineWidth = width ?? (isatty(1) == 1 ? PlainOutput.terminalWidth() : nil)
        for line in OutboxTable(entries: entries, width: lineWidth, longIDs: long).lines() { Console.out(line) }
    }
}
