import Glibc
import Testing
@testable import FolioOutbox

@Suite struct MaildirTests {
    let enquiry = Enquiry(name: "山田 太郎", email: "taro@example.jp", company: "ACME",
                          subject: "Hello 🎉", message: "Hi,\nplease call me.\n")

    func deliver(_ path: String, identity: SystemIdentity = SystemIdentity()) throws(OutboxError) -> String {
        try Maildir(path: path, identity: identity).deliver(enquiry, to: "hello@example.com", origin: Origin())
    }

    @Test func deliversIntoNewAndCreatesTheLayout() throws {
        let temp = TempDirectory()
        let outbox = temp.file("a/b/outbox")
        let id = try deliver(outbox)
        #expect(mode(outbox) == 0o700)
        #expect(["tmp", "new", "cur"].allSatisfy { mode(outbox + "/" + $0) == 0o700 })
        #expect(entries(outbox + "/new") == [id])
        #expect(entries(outbox + "/tmp").isEmpty)
        #expect(mode(outbox + "/new/" + id) == 0o600)
        let parsed = ParsedMessage(contents(outbox + "/new/" + id))
        #expect(parsed.header("From") == "山田 太郎 <taro@example.jp>")
        #expect(parsed.header("Subject") == "Hello 🎉")
        #expect(parsed.header("X-Folio-Company") == "ACME")
        #expect(parsed.body == enquiry.message)
    }

    @Test func uniqueNamesFollowTheConvention() {
        let identity = SystemIdentity(now: { Timestamp(seconds: 1_700_000_000, microseconds: 42) },
                                      hostName: "a/b:c\\d", processID: 7, random: { 1 })
        let name = Maildir(path: "/x", identity: identity).uniqueName()
        #expect(name == "1700000000.M000042P7R00000000000000010000000000000001.a\\057b\\072c\\134d")
    }

    @Test func manyDeliveriesGetDistinctNames() throws {
        let temp = TempDirectory()
        let ids = try (0..<200).map { _ in try deliver(temp.path) }
        #expect(Set(ids).count == 200)
        #expect(entries(temp.path + "/new").count == 200)
    }

    @Test func symlinkAsOutboxIsRefused() throws {
        let temp = TempDirectory()
        mkdir(temp.file("real"), 0o700)
        symlink(temp.file("real"), temp.file("link"))
        #expect(throws: OutboxError.self) { try deliver(temp.file("link")) }
        #expect(entries(temp.file("real")).isEmpty)
        do throws(OutboxError) {
            _ = try deliver(temp.file("link"))
        } catch {
            #expect(error.kind == .unsafeOutbox)
            #expect(error.reason.contains("symlink"))
            #expect(!error.isTemporary)
        }
    }

    @Test(arguments: ["tmp", "new"])
    func symlinkAsQueueDirectoryIsRefused(_ queue: String) throws {
        let temp = TempDirectory()
        let outbox = temp.file("outbox")
        try Maildir(path: outbox).prepare()
        mkdir(temp.file("elsewhere"), 0o700)
        rmdir(outbox + "/" + queue)
        symlink(temp.file("elsewhere"), outbox + "/" + queue)
        #expect(throws: OutboxError.self) { try deliver(outbox) }
        #expect(entries(temp.file("elsewhere")).isEmpty)
    }

    @Test func symlinkPlantedInTmpIsNeverFollowed() throws {
        let temp = TempDirectory()
        let outbox = temp.file("outbox")
        let identity = SystemIdentity(now: { Timestamp(seconds: 1, microseconds: 2) }, hostName: "h",
                                      processID: 3, random: { 4 })
        let maildir = Maildir(path: outbox, identity: identity)
        try maildir.prepare()
        let planted = outbox + "/tmp/" + maildir.uniqueName()
        symlink(temp.file("target"), planted)
        #expect(throws: OutboxError.self) { try deliver(outbox, identity: identity) }
        var info = stat()
        #expect(lstat(temp.file("target"), &info) != 0)  // nothing created through the link
        #expect(entries(outbox + "/new").isEmpty)
    }

    @Test func notADirectoryIsRefused() throws {
        let temp = TempDirectory()
        writeFile(temp.file("file"), "x")
        #expect(throws: OutboxError.self) { try deliver(temp.file("file")) }
    }

    /// Writable by others is refused, sticky or not, for the root and each of tmp/ new/ cur/.
    @Test(arguments: ["", "/tmp", "/new", "/cur"])
    func writableByOthersIsRefusedStickyOrNot(sub: String) throws {
        let temp = TempDirectory()
        let outbox = temp.file("outbox")
        try Maildir(path: outbox).prepare()
        for mode: mode_t in [0o777, 0o1777, 0o703] {
            chmod(outbox + sub, mode)
            do throws(OutboxError) {
                _ = try deliver(outbox)
                Issue.record("delivered with \(outbox + sub) at mode \(String(mode, radix: 8))")
            } catch {
                #expect(error.kind == .unsafeOutbox && error.path == outbox + sub)
                #expect(error.reason.hasPrefix("writable by others") && error.reason.contains("chmod o-w \(outbox + sub)"))
            }
        }
        chmod(outbox + sub, 0o700)
        _ = try deliver(outbox)
    }

    /// Issue 11 item 8: another account's directory inside the outbox is refused whatever its
    /// mode, since its owner could delete what folio writes there.
    @Test(.enabled(if: geteuid() == 0, "needs root to give a directory away"), arguments: ["", "/tmp", "/new", "/cur"])
    func directoriesOfAnotherAccountAreRefused(sub: String) throws {
        let temp = TempDirectory()
        let outbox = temp.file("outbox")
        try Maildir(path: outbox).prepare()
        let before = entries(outbox + "/new")
        chown(outbox + sub, 12_345, gid_t.max)
        do throws(OutboxError) {
            _ = try deliver(outbox)
            Issue.record("delivered with \(outbox + sub) owned by uid 12345")
        } catch {
            #expect(error.kind == .unsafeOutbox && error.path == outbox + sub)
            #expect(error.reason.hasPrefix("owned by uid 12345, not by the outbox's owner"))
        }
        #expect(entries(outbox + "/new") == before)
        chown(outbox + sub, geteuid(), gid_t.max)
        _ = try deliver(outbox)
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores permission bits; the e2e tests use a read-only mount"))
    func readOnlyOutboxIsATemporaryFailure() throws {
        let temp = TempDirectory()
        let outbox = temp.file("outbox")
        try Maildir(path: outbox).prepare()
        chmod(outbox + "/tmp", 0o500)
        do throws(OutboxError) {
            _ = try deliver(outbox)
            Issue.record("delivered into a read-only tmp/")
        } catch {
            #expect(error.isTemporary)
            #expect(error.reason.hasPrefix("permission denied"))
        }
        #expect(entries(outbox + "/new").isEmpty)
        chmod(outbox + "/tmp", 0o700)
        _ = try deliver(outbox)  // retry works once the cause is fixed
    }

    @Test func systemErrorsExplainThemselves() {
        let cases: [(Int32, String, Bool)] = [
            (ENOSPC, "disk full", true), (EROFS, "read-only file system", true),
            (EACCES, "permission denied", true), (EDQUOT, "disk quota exceeded", true),
            (ENAMETOOLONG, "file name too long", false),
        ]
        for (code, reason, temporary) in cases {
            let error = OutboxError.system(code, "write", path: "/x")
            #expect(error.reason == reason + " (write)")
            #expect(error.isTemporary == temporary)
        }
    }

    @Test func invalidEnquiryWritesNothing() throws {
        let temp = TempDirectory()
        var bad = enquiry
        bad.subject = "Hi\r\nBcc: x@y"
        #expect(throws: OutboxError.self) {
            try Maildir(path: temp.path).deliver(bad, to: "hello@example.com", origin: Origin())
        }
        #expect(entries(temp.path).isEmpty)
    }
}

@Suite struct FsyncFailureTests {
    let enquiry = Enquiry(name: "A", email: "a@b.c", subject: "s", message: "m")

    /// Records each descriptor fsync is called on, failing the first `failures` calls with EIO.
    final class FailingSync: @unchecked Sendable {
        var calls: [Int32] = []
        var tmpAtFailure: [[String]] = []
        let failures: Int
        let tmp: String
        init(failures: Int, tmp: String) { self.failures = failures; self.tmp = tmp }

        func sync(_ descriptor: Int32) -> Int32 {
            calls.append(descriptor)
            if calls.count <= failures {
                tmpAtFailure.append(entries(tmp))
                errno = EIO
                return -1
            }
            return fsync(descriptor)
        }
    }

    @Test func aFailedFsyncRewritesTheMessageIntoAFreshFile() throws {
        let temp = TempDirectory()
        let recorder = FailingSync(failures: 1, tmp: temp.path + "/tmp")
        var maildir = Maildir(path: temp.path)
        maildir.syncFile = { recorder.sync($0) }
        let id = try maildir.deliver(enquiry, to: "me@example.com", origin: Origin())
        #expect(recorder.calls.count == 2)
        #expect(recorder.tmpAtFailure.first?.count == 1)
        #expect(recorder.tmpAtFailure.first != [id])  // the rewrite used a new name
        #expect(entries(temp.path + "/new") == [id])
        #expect(entries(temp.path + "/tmp").isEmpty)
        #expect(ParsedMessage(contents(temp.path + "/new/" + id)).body == "m")
    }

    @Test func twoFailedFsyncsReportNotSaved() {
        let temp = TempDirectory()
        let recorder = FailingSync(failures: 2, tmp: temp.path + "/tmp")
        var maildir = Maildir(path: temp.path)
        maildir.syncFile = { recorder.sync($0) }
        do throws(OutboxError) {
            _ = try maildir.deliver(enquiry, to: "me@example.com", origin: Origin())
            Issue.record("reported saved")
        } catch {
            #expect(error.reason == "input/output error (fsync)")
            #expect(error.isTemporary)
        }
        #expect(recorder.calls.count == 2)
        #expect(entries(temp.path + "/new").isEmpty)
        #expect(entries(temp.path + "/tmp").isEmpty)
    }
}
