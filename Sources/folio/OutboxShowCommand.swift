import ArgumentParser
import FolioOutbox

struct OutboxShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one enquiry (main headers, then the decoded message) and mark it seen.",
        discussion: """
        ID is a name from folio outbox list, or any unique start of one. Headers and body \
        are decoded (RFC 2047, quoted-printable) and sanitised. Showing marks the message \
        seen as a mail reader does: it moves from new/ to cur/ with the S flag (a link to \
        the new name, then an unlink of the old, so the file is never lost). --keep-unread \
        leaves it where it is.

        EXAMPLES
          folio outbox show 1739440800.M4212
          folio outbox show --keep-unread 1739440800.M4212 | less

        EXIT STATUS
          0   shown (and marked seen)
          65  no such message, or the start of more than one id
          73  unsafe outbox (symlink, not a directory, unsafe modes)
          74  input/output error
          75  temporary failure (permission denied; shown but could not be marked)
        """
    )

    @OptionGroup var outboxOptions: OutboxOptions
    @Flag(help: "Do not mark the message seen.") var keepUnread = false
    @Argument(help: "The enquiry's id (or a unique prefix).") var id: String

    static let shown = ["From", "To", "Subject", "Date", "Message-ID", "X-Folio-Company", "X-Folio-Origin",
                        "X-Folio-Session"]

    func run() throws {
        let maildir = Maildir(path: outboxOptions.path)
        let message = try runOutbox("outbox show") { () throws(OutboxError) in try maildir.show(id) }
        for name in Self.shown {
            if let field = message.headers.first(where: { $0.name.lowercased() == name.lowercased() }) {
                Console.out("\(name): \(field.value)")
            }
        }
        Console.out("")
        Console.out(message.body.hasSuffix("\n") ? String(message.body.dropLast()) : message.body)
        if !keepUnread {
            try runOutbox("outbox show") { () throws(OutboxError) in
                try maildir.apply(.read, to: message.entry.id)
            }
        }
    }
}
