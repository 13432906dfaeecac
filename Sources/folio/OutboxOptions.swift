import ArgumentParser
import Glibc
import FolioOutbox

/// `--outbox DIR`, shared by every command that reads or writes the outbox.
struct OutboxOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Outbox Maildir (default: $FOLIO_OUTBOX, else $XDG_DATA_HOME/folio/outbox, "
            + "i.e. ~/.local/share/folio/outbox).",
        valueName: "dir"))
    var outbox: String?

    /// The directory to use, after FOLIO_OUTBOX and the XDG default.
    var path: String { OutboxPaths.outbox(explicit: outbox) }
}
