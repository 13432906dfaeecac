import Glibc
import Testing
@testable import FolioOutbox

@Suite struct MaildirUpdateTests {
    func deliver(_ maildir: Maildir, subject: String = "s") throws -> String {
        try maildir.deliver(Enquiry(name: "Zoë", email: "z@example.org", subject: subject, message: "hi\n"),
                            to: "me@example.com", origin: Origin())
    }

    @Test func readRenamesNewToCurAndKeepsTheBytes() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        let id = try deliver(maildir)
        let before = contents(temp.path + "/new/" + id)
        let location = try maildir.apply(.read, to: String(id.prefix(25)))
        #expect(location.fileName == id + ":2,S")
        #expect(entries(temp.path + "/new").isEmpty)
        #expect(entries(temp.path + "/cur") == [id + ":2,S"])
        #expect(contents(temp.path + "/cur/" + id + ":2,S") == before)
        #expect(try maildir.list().map(\.isUnread) == [false])
        try maildir.apply(.unread, to: id)
        #expect(entries(temp.path + "/cur") == [id + ":2,"])
        #expect(try maildir.list().map(\.isUnread) == [true])
    }

    @Test func archiveAndDeleteMoveIntoMaildirPlusPlusFolders() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        let kept = try deliver(maildir, subject: "kept")
        let archived = try deliver(maildir, subject: "archived")
        let deleted = try deliver(maildir, subject: "deleted")
        try maildir.apply(.forwarded, to: archived)
        try maildir.apply(.archive, to: archived)
        try maildir.apply(.delete, to: deleted)
        #expect(try maildir.list().map(\.id) == [kept])
        #expect(entries(temp.path + "/.Archive/cur") == [archived + ":2,PS"])
        #expect(entries(temp.path + "/.Trash/cur") == [deleted + ":2,"])
        for folder in [".Archive", ".Trash"] {
            #expect(entries(temp.path + "/" + folder) == ["cur", "maildirfolder", "new", "tmp"])
            #expect(mode(temp.path + "/" + folder) == 0o700)
        }
        #expect(throws: OutboxError.self) { try maildir.apply(.archive, to: archived) }
    }

    @Test func aMessageMovedByAnotherReaderIsFollowed() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        let id = try deliver(maildir)
        // A mail reader marked it seen and flagged meanwhile: the forwarder's P joins those flags.
        rename(temp.path + "/new/" + id, temp.path + "/cur/" + id + ":2,FS")
        try maildir.apply(.forwarded, to: id)
        #expect(entries(temp.path + "/cur") == [id + ":2,FPS"])
    }

    @Test func anExistingTargetIsNeverOverwritten() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        let id = try deliver(maildir)
        writeFile(temp.path + "/cur/" + id + ":2,S", "already there\n")
        try maildir.apply(.read, to: id)
        #expect(entries(temp.path + "/new").isEmpty)
        #expect(contents(temp.path + "/cur/" + id + ":2,S") == Array("already there\n".utf8))
    }

    @Test func missingOutboxListsNothingAndIsNotCreated() throws {
        let temp = TempDirectory()
        #expect(try Maildir(path: temp.file("none")).list().isEmpty)
        #expect(entries(temp.path).isEmpty)
        #expect(throws: OutboxError.self) { try Maildir(path: temp.file("none")).apply(.read, to: "1") }
    }
}
