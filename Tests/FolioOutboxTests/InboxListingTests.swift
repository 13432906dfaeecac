import FolioPOSIX
import Glibc
import Testing
@testable import FolioOutbox

/// The browser's Inbox reading: newest first, counts, bodies decoded and sanitised, a limit;
/// and the inotify watch on new/ and cur/ it waits on.
@Suite struct InboxListingTests {
    @Test func newestFirstDecodedAndSanitised() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        try maildir.prepare()
        writeFile(temp.path + "/cur/100.M1P1R1.h:2,S", "From: Bo <bo@example.org>\nSubject: old\n\nread already\n")
        writeFile(temp.path + "/new/200.M1P1R1.h", """
            From: =?utf-8?q?Zo=C3=AB?= <z@example.org>\nSubject: =?utf-8?b?Q2Fmw6kg4pyT?=\n\
            Content-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 au lait=\n, s'il vous pla=C3=AEt\u{1B}[2J\n
            """)
        let inbox = try maildir.inbox()
        #expect(inbox.total == 2 && inbox.unread == 1)
        #expect(inbox.messages.map(\.entry.id) == ["200.M1P1R1.h", "100.M1P1R1.h"])
        let newest = inbox.messages[0]
        #expect(newest.entry.from == "Zoë <z@example.org>")
        #expect(newest.entry.subject == "Café ✓")
        #expect(newest.entry.isUnread)
        #expect(newest.body == nil)   // a reading is headers only
        let body = maildir.body(of: newest.entry)
        #expect(body.hasPrefix("Café au lait, s'il vous plaît"))
        #expect(!body.contains("\u{1B}"))
        #expect(try maildir.inbox(known: [newest.entry.id: body]).messages[0].body == body)
        #expect(!inbox.messages[1].entry.isUnread)
        #expect(try maildir.inbox(limit: 1).messages.map(\.entry.id) == ["200.M1P1R1.h"])
        #expect(try maildir.inbox(limit: 1).total == 2)
    }

    @Test func theWatchSeesDeliveriesAndMoves() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        try maildir.prepare()
        let watch = try maildir.watchFolders()
        #expect(watch.drain() == .empty)
        let id = try maildir.deliver(Enquiry(name: "A", email: "a@b.c", subject: "s", message: "m"),
                                     to: "me@example.com", origin: Origin())
        guard case .changed = watch.drain() else { Issue.record("no event for a delivery"); return }
        try maildir.apply(.archive, to: id)   // out of new/: an unlink the Inbox must see
        guard case .changed = watch.drain() else { Issue.record("no event for an archive"); return }
        #expect(watch.drain() == .empty)
    }
}
