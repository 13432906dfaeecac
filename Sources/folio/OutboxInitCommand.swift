import ArgumentParser
import FolioOutbox
import FolioText

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
          folio outbox init                             (a private outbox at the default place)
          sudo groupadd folio && sudo usermod -aG folio owner
          folio outbox init --shared --group folio /srv/folio/outbox
          FOLIO_OUTBOX=/srv/folio/outbox folio          (in each visitor's environment)

        EXIT STATUS
          0   created or repaired; what was done is printed
          65  unknown group
          73  unsafe outbox (symlink, not a directory)
          74  input/output error
          75  temporary failure (permission denied, read-only, disk full)
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
