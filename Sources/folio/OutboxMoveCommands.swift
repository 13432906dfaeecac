import ArgumentParser
import FolioOutbox

/// `folio outbox archive` and `delete`: the same move, to .Archive or to .Trash.
protocol OutboxMoveCommand: ParsableCommand {
    var outboxOptions: OutboxOptions { get }
    var ids: [String] { get }
    static var operation: MessageOperation { get }
}

extension OutboxMoveCommand {
    func run() throws {
        let maildir = Maildir(path: outboxOptions.path)
        let name = "outbox \(Self.configuration.commandName ?? "")"
        for id in ids {
            let location = try runOutbox(name) { () throws(OutboxError) in try maildir.apply(Self.operation, to: id) }
            Console.out("\(id) → \(location.mailbox.directory)/\(location.folder)/")
        }
    }
}

/// The EXIT STATUS section archive and delete share.
func exitStatus(done: String) -> String {
    """
    EXIT STATUS
      0   \(done)
      65  no such message, or the start of more than one id
      73  unsafe outbox (symlink, not a directory, unsafe modes)
      74  input/output error
      75  temporary failure (permission denied, read-only, disk full)
    """
}

struct OutboxArchiveCommand: OutboxMoveCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Move enquiries out of the inbox into the .Archive sub-Maildir, marked seen.",
        discussion: """
        .Archive is a Maildir++ folder inside the outbox (as Dovecot lays out folders); it is \
        created on first use with tmp/ new/ cur/. Each message keeps its flags and gains S. \
        IDs are processed in order; the first that fails stops the command.

        EXAMPLES
          folio outbox archive 1739440800.M4212
          folio outbox list --json | jq -r '.messages[] | select(.forwarded) | .id' | xargs folio outbox archive
          mutt -f ~/.local/share/folio/outbox/.Archive

        \(exitStatus(done: "every message archived"))
        """
    )
    static let operation = MessageOperation.archive

    @OptionGroup var outboxOptions: OutboxOptions
    @Argument(help: "Ids (or unique starts of them).") var ids: [String]
}

struct OutboxDeleteCommand: OutboxMoveCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Move enquiries into the .Trash sub-Maildir (nothing is unlinked).",
        discussion: """
        .Trash is the Maildir++ trash folder Dovecot and mutt (with Maildir++ folders) use; \
        it is created on first use. Messages keep their flags (no T flag, which would let an \
        IMAP server expunge them). Empty the trash with any mail reader, or rm. IDs are \
        processed in order; the first that fails stops the command.

        EXAMPLES
          folio outbox delete 1739440800.M4212
          mutt -f ~/.local/share/folio/outbox/.Trash

        \(exitStatus(done: "every message moved to .Trash"))
        """
    )
    static let operation = MessageOperation.delete

    @OptionGroup var outboxOptions: OutboxOptions
    @Argument(help: "Ids (or unique starts of them).") var ids: [String]
}
