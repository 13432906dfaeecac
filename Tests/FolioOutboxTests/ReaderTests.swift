import Glibc
import Testing
@testable import FolioOutbox

@Suite struct ReaderTests {
    @Test func listAndShowDecodeAndSanitise() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        let id = try maildir.deliver(Enquiry(name: "Zoë", email: "z@example.org", subject: "Bidi \u{202E}evil",
                                             message: "Body \u{202E}x\n"), to: "me@example.com", origin: Origin())
        // A message another account could have planted: raw escapes in headers and body.
        writeFile(temp.path + "/cur/1.M1P1R1.h:2,S", "From: \u{1B}]0;pwned\u{7}x@y\nSubject: =?utf-8?q?a=1B[2J?=\n\nhi\u{1B}[2J\n")
        let list = try maildir.list()
        #expect(list.map(\.id) == ["1.M1P1R1.h", id])
        #expect(list[1].from == "Zoë <z@example.org>")
        #expect(list[1].subject == "Bidi <U+202E>evil")
        #expect(list[1].folder == "new")
        #expect(!list[0].from.contains("\u{1B}") && !list[0].subject.contains("\u{1B}"))
        #expect(list[0].folder == "cur")
        let shown = try maildir.show(String(id.prefix(30)))
        #expect(shown.body == "Body <U+202E>x\n")
        #expect(shown.headers.first { $0.name == "To" }?.value == "<me@example.com>")
        let planted = try maildir.show("1.M1")
        #expect(!planted.body.contains("\u{1B}"))
        #expect(throws: OutboxError.self) { try maildir.show("nope") }
        #expect(throws: OutboxError.self) { try maildir.show("") }
    }

    @Test func readerSkipsWhatIsNotARegularFile() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        try maildir.prepare()
        mkfifo(temp.path + "/new/fifo", 0o600)
        writeFile(temp.file("secret"), "From: secret\n\nsecret\n")
        symlink(temp.file("secret"), temp.path + "/new/link")
        #expect(try maildir.list().isEmpty)
    }
}

@Suite struct SharedOutboxTests {
    @Test func initialiseSharedSetsModesAndDeliveryWrites0640() throws {
        let temp = TempDirectory()
        let outbox = temp.file("shared")
        try OutboxSetup.initialise(path: outbox, sharedGroup: String(getegid()))
        #expect(mode(outbox) == 0o710)
        #expect(mode(outbox + "/tmp") == 0o3730)
        #expect(mode(outbox + "/new") == 0o3730)
        #expect(mode(outbox + "/cur") == 0o700)
        let id = try Maildir(path: outbox).deliver(Enquiry(name: "A", email: "a@b.c", subject: "s", message: "m"),
                                                  to: "me@example.com", origin: Origin())
        #expect(mode(outbox + "/new/" + id) == 0o640)
        try OutboxSetup.initialise(path: outbox, sharedGroup: nil)
        #expect(mode(outbox + "/new") == 0o700)
    }

    @Test(arguments: [0o3770 as mode_t, 0o3734, 0o2730, 0o3731])
    func unsafeSharedModesAreRefused(_ newMode: mode_t) throws {
        let temp = TempDirectory()
        try OutboxSetup.initialise(path: temp.path, sharedGroup: String(getegid()))
        chmod(temp.path + "/new", newMode)
        #expect(throws: OutboxError.self) {
            try Maildir(path: temp.path).deliver(Enquiry(name: "A", email: "a@b.c", subject: "s", message: "m"),
                                                 to: "me@example.com", origin: Origin())
        }
        #expect(entries(temp.path + "/new").isEmpty)
    }

    @Test func halfSharedIsRefused() throws {
        let temp = TempDirectory()
        try OutboxSetup.initialise(path: temp.path, sharedGroup: String(getegid()))
        chmod(temp.path + "/tmp", 0o700)
        #expect(throws: OutboxError.self) { try Maildir(path: temp.path).prepare() }
    }

    @Test func unknownGroupIsRefused() {
        let temp = TempDirectory()
        #expect(throws: OutboxError.self) {
            try OutboxSetup.initialise(path: temp.path, sharedGroup: "no-such-group-folio")
        }
    }
}
