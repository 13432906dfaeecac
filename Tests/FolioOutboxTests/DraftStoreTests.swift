import Glibc
import Testing
@testable import FolioOutbox

@Suite struct DraftStoreTests {
    let enquiry = Enquiry(name: "Ada \\ \"L\"\n", email: "ada@example.org", company: "",
                          subject: "Tab\there\r\u{1}", message: "Line 1\n\nfolio-draft 1\nname: x\n界🎉\u{0}")

    @Test func saveAndLoadRoundTripEveryCharacter() throws {
        let temp = TempDirectory()
        let store = DraftStore(directory: temp.file("state/folio/drafts"))
        #expect(store.read() == .none)
        try store.save(enquiry)
        #expect(store.load() == enquiry)
        #expect(mode(temp.file("state/folio/drafts")) == 0o700)
        #expect(mode(store.path) == 0o600)
        #expect(entries(temp.file("state/folio/drafts")) == ["enquiry.draft"])  // no temp file left
        var nilCompany = enquiry
        nilCompany.company = nil
        try store.save(nilCompany)
        #expect(store.load() == nilCompany)
        store.discard()
        #expect(store.read() == .none)
    }

    @Test func savedTimeIsRecorded() throws {
        let temp = TempDirectory()
        let store = DraftStore(directory: temp.path, name: "s1",
                               identity: SystemIdentity(now: { Timestamp(seconds: 1234) }))
        try store.save(Enquiry(name: "a"))
        #expect(store.read() == .draft(Enquiry(name: "a"), savedAt: 1234))
        #expect(store.path == temp.path + "/s1.draft")
    }

    @Test(arguments: [
        ("", "no end of the header block"),
        ("garbage\n\nbody", "not a folio draft (version 1)"),
        ("folio-draft 1\nname: a\n\nbody", "no message length"),
        ("folio-draft 1\nlength: 10\n\nshort", "message is 5 bytes, expected 10 (truncated?)"),
        ("folio-draft 1\nname: bad \\q\nlength: 0\n\n", "bad escape in name"),
        ("folio-draft 1\nno colon\nlength: 0\n\n", "malformed line \"no colon\""),
    ])
    func corruptFilesGiveAReason(_ text: String, _ reason: String) {
        let temp = TempDirectory()
        let store = DraftStore(directory: temp.path)
        writeFile(store.path, text)
        #expect(store.read() == .corrupt(reason: reason))
        #expect(store.load() == nil)
        store.discard()
        #expect(store.read() == .none)
    }

    @Test func temporariesOfDeadProcessesAreCleanedUp() throws {
        let temp = TempDirectory()
        let store = DraftStore(directory: temp.path)
        writeFile(temp.file(".enquiry.2147483646.abc.tmp"), "half a draft")   // no such pid
        writeFile(temp.file(".enquiry.\(getpid()).abc.tmp"), "in progress")    // a live writer
        writeFile(temp.file(".other.2147483646.abc.tmp"), "another draft's")
        try store.save(Enquiry(name: "a"))
        #expect(entries(temp.path) == [".enquiry.\(getpid()).abc.tmp", ".other.2147483646.abc.tmp", "enquiry.draft"])
    }

    @Test func unknownFieldsAreIgnored() {
        let temp = TempDirectory()
        let store = DraftStore(directory: temp.path)
        writeFile(store.path, "folio-draft 1\nname: A\nfuture: x\nlength: 2\n\nhi")
        #expect(store.load() == Enquiry(name: "A", message: "hi"))
    }

    @Test func symlinkedDraftIsNotFollowed() throws {
        let temp = TempDirectory()
        let store = DraftStore(directory: temp.file("d"))
        try store.save(enquiry)
        unlink(store.path)
        writeFile(temp.file("secret"), "folio-draft 1\nlength: 0\n\n")
        symlink(temp.file("secret"), store.path)
        #expect(store.read() == .corrupt(reason: "the draft is a symlink"))
    }

    @Test func symlinkedDraftDirectoryIsRefused() throws {
        let temp = TempDirectory()
        mkdir(temp.file("real"), 0o700)
        symlink(temp.file("real"), temp.file("link"))
        #expect(throws: OutboxError.self) { try DraftStore(directory: temp.file("link")).save(enquiry) }
        #expect(entries(temp.file("real")).isEmpty)
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores permission bits"))
    func unwritableDirectoryReportsATemporaryError() throws {
        let temp = TempDirectory()
        chmod(temp.path, 0o500)
        do throws(OutboxError) {
            try DraftStore(directory: temp.path).save(enquiry)
            Issue.record("saved into a read-only directory")
        } catch {
            #expect(error.isTemporary)
        }
    }
}

@Suite struct OutboxPathsTests {
    @Test func outboxFollowsOptionThenVariableThenXDG() {
        #expect(OutboxPaths.outbox(explicit: "/x", environment: ["FOLIO_OUTBOX": "/y"]) == "/x")
        #expect(OutboxPaths.outbox(explicit: nil, environment: ["FOLIO_OUTBOX": "/y", "HOME": "/h"]) == "/y")
        #expect(OutboxPaths.outbox(environment: ["XDG_DATA_HOME": "/data/", "HOME": "/h"]) == "/data/folio/outbox")
        #expect(OutboxPaths.outbox(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"])
                == "/h/.local/share/folio/outbox")
        #expect(OutboxPaths.outbox(environment: ["FOLIO_OUTBOX": "", "HOME": "/h/"]) == "/h/.local/share/folio/outbox")
    }

    @Test func draftsFollowXDGState() {
        #expect(OutboxPaths.drafts(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/folio/drafts")
        #expect(OutboxPaths.drafts(environment: ["HOME": "/h"]) == "/h/.local/state/folio/drafts")
        #expect(OutboxPaths.drafts(environment: ["HOME": "/"]) == "/.local/state/folio/drafts")
    }
}
