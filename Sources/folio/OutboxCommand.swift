import ArgumentParser
import FolioOutbox
import FolioText

/// `folio outbox`: the owner's view of the enquiries and the setup of a shared outbox.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Read, file, forward and set up the outbox Maildir where enquiries are saved.",
        discussion: """
        Every enquiry is one RFC 5322 message in a Maildir: new/ holds what no mail reader \
        has touched yet, cur/ the rest, with Maildir flags in the file name (S seen, \
        P passed to the MTA). Archived messages go to the .Archive sub-Maildir, deleted ones \
        to .Trash (the Maildir++ layout of Dovecot and Courier), so mutt -f DIR, an IMAP \
        server over the same directory, or Python's mailbox.Maildir see the same state. All \
        text shown is sanitised: control and bidi characters become visible markers.

        EXAMPLES
          folio outbox list --unread
          folio outbox show 1739440800.M4212   (an id, or a unique start of one)
          folio outbox archive 1739440800.M4212 1739440900.M0001
          folio outbox forward --watch
          folio outbox init --shared --group folio /srv/folio/outbox

        EXIT STATUS
          0   done
          65  bad argument, or no such message
          73  unsafe outbox (symlink, not a directory, unsafe modes)
          74  input/output error
          75  temporary failure (read-only, permission denied, disk full; for
              forward: the MTA did not accept every message)
        """,
        subcommands: [OutboxListCommand.self, OutboxShowCommand.self, OutboxArchiveCommand.self, OutboxDeleteCommand.self,
                      OutboxForwardCommand.self, OutboxInitCommand.self]
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
