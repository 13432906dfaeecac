import Testing
@testable import FolioOutbox

@Suite struct MaildirNameTests {
    @Test func parsesAndRendersFlagsInASCIIOrder() {
        let name = MaildirName(fileName: "1.M1P1R1.host:2,TSRPFD")
        #expect(name.base == "1.M1P1R1.host")
        #expect(name.flags == Set(MaildirFlag.allCases))
        #expect(name.curName == "1.M1P1R1.host:2,DFPRST")
        #expect(MaildirName(fileName: "x:2,SP").curName == "x:2,PS")
        #expect(MaildirName(fileName: "x").flags.isEmpty)
        #expect(MaildirName(fileName: "x").curName == "x:2,")
    }

    @Test func keepsLettersItDoesNotKnowAndIgnoresExperimentalInfo() {
        let name = MaildirName(fileName: "x:2,Sa")
        #expect(name.flags == [.seen] && name.otherFlags == "a")
        #expect(name.with(.passed).curName == "x:2,PSa")
        #expect(MaildirName(fileName: "x:1,S").flags.isEmpty)
    }
}

@Suite struct MessageStateMachineTests {
    let fresh = MessageLocation(folder: "new", fileName: "1.M1.h")

    @Test func readMovesNewToCurWithSeen() {
        let read = fresh.applying(.read)
        #expect(read == MessageLocation(folder: "cur", fileName: "1.M1.h:2,S"))
        #expect(!read.isUnread)
        #expect(read.applying(.read) == read)
    }

    @Test func unreadClearsSeenButAnUntouchedMessageStaysInNew() {
        #expect(fresh.applying(.unread) == fresh)
        let read = fresh.applying(.read).applying(.forwarded)
        #expect(read.fileName == "1.M1.h:2,PS")
        let unread = read.applying(.unread)
        #expect(unread == MessageLocation(folder: "cur", fileName: "1.M1.h:2,P"))
        #expect(unread.isUnread && unread.isForwarded)
    }

    @Test func archiveMarksSeenInTheArchiveMailbox() {
        let archived = fresh.applying(.forwarded).applying(.archive)
        #expect(archived == MessageLocation(mailbox: .archive, folder: "cur", fileName: "1.M1.h:2,PS"))
        #expect(archived.applying(.archive) == archived)
    }

    @Test func deleteKeepsFlagsAndNeverSetsTrashed() {
        let deleted = fresh.applying(.delete)
        #expect(deleted == MessageLocation(mailbox: .trash, folder: "cur", fileName: "1.M1.h:2,"))
        #expect(deleted.isUnread)
        #expect(deleted.applying(.delete) == deleted)
        let readThenDeleted = fresh.applying(.read).applying(.delete)
        #expect(readThenDeleted.fileName == "1.M1.h:2,S" && !readThenDeleted.name.flags.contains(.trashed))
    }

    @Test func forwardedSetsPassedOnce() {
        let passed = fresh.applying(.forwarded)
        #expect(passed == MessageLocation(folder: "cur", fileName: "1.M1.h:2,P"))
        #expect(passed.isUnread && passed.isForwarded)
        #expect(passed.applying(.forwarded) == passed)
    }
}
