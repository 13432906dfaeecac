import Glibc
import Testing
@testable import FolioOutbox

@Suite struct MailCommandTests {
    @Test func splitsWordsWithQuotesAndAppendsTheRecipient() {
        #expect(MailCommand.standard.arguments(recipient: "me@example.com") == ["sendmail", "-oi", "--", "me@example.com"])
        let command = MailCommand(parsing: "  msmtp --from='a b@c.d' \"-a\"  work\t")
        #expect(command?.words == ["msmtp", "--from=a b@c.d", "-a", "work"])
        #expect(MailCommand(parsing: "x ''")?.words == ["x", ""])
        #expect(MailCommand(parsing: "") == nil)
        #expect(MailCommand(parsing: "   ") == nil)
        #expect(MailCommand(parsing: "msmtp 'open") == nil)
        #expect(MailCommand(parsing: String(repeating: "a", count: 5_000)) == nil)
    }
}

@Suite struct ForwarderTests {
    final class Calls: @unchecked Sendable {
        var arguments: [[String]] = []
        var inputs: [[UInt8]] = []
        var outcomes: [HandOff] = []
    }

    func forwarder(_ maildir: Maildir, _ calls: Calls) -> Forwarder {
        Forwarder(maildir: maildir, command: MailCommand.standard, recipient: "owner@example.com") { arguments, input, _ in
            calls.arguments.append(arguments)
            calls.inputs.append(input)
            return calls.outcomes.isEmpty ? .accepted : calls.outcomes.removeFirst()
        }
    }

    func deliver(_ maildir: Maildir, _ subject: String) throws -> String {
        try maildir.deliver(Enquiry(name: "A", email: "a@example.org", subject: subject, message: "m\n"),
                            to: "owner@example.com", origin: Origin())
    }

    @Test func acceptedMessagesGetPassedOnceAndKeepTheirBytes() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        let first = try deliver(maildir, "one")
        let second = try deliver(maildir, "two")
        let bytes = contents(temp.path + "/new/" + first)
        let calls = Calls()
        let report = try forwarder(maildir, calls).forwardPending()
        #expect(report.forwarded == [first, second] && report.pending == 0)
        #expect(calls.arguments.first == ["sendmail", "-oi", "--", "owner@example.com"])
        #expect(calls.inputs.first == bytes)
        #expect(entries(temp.path + "/cur") == [first + ":2,P", second + ":2,P"].sorted())
        #expect(try maildir.list().allSatisfy { $0.isForwarded && $0.isUnread })
        #expect(try forwarder(maildir, calls).forwardPending().forwarded.isEmpty)
        #expect(calls.inputs.count == 2)
    }

    @Test func transportDownStopsTheRunAndMarksNothing() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        for subject in ["a", "b", "c"] { _ = try deliver(maildir, subject) }
        let calls = Calls()
        calls.outcomes = [.refused(75)]
        let report = try forwarder(maildir, calls).forwardPending()
        #expect(report.stopped && report.pending == 3 && report.forwarded.isEmpty)
        #expect(calls.inputs.count == 1)
        #expect(entries(temp.path + "/new").count == 3 && entries(temp.path + "/cur").isEmpty)
        #expect(try forwarder(maildir, calls).forwardPending().forwarded.count == 3)
    }

    @Test func aRefusedMessageIsSkippedAndRetriedLater() throws {
        let temp = TempDirectory()
        let maildir = Maildir(path: temp.path)
        let bad = try deliver(maildir, "bad")
        let good = try deliver(maildir, "good")
        let calls = Calls()
        calls.outcomes = [.refused(65)]
        let report = try forwarder(maildir, calls).forwardPending()
        #expect(report.forwarded == [good] && report.failed.map(\.id) == [bad] && !report.stopped && report.pending == 1)
        #expect(try maildir.list().filter { !$0.isForwarded }.map(\.id) == [bad])
    }

    @Test func handOffOutcomesAndTransportDown() {
        #expect(ChildProcess.decode(0) == .accepted)
        #expect(ChildProcess.decode(75 << 8) == .refused(75))
        #expect(ChildProcess.decode(9) == .killed(9))
        #expect(HandOff.refused(75).transportDown && HandOff.refused(69).transportDown && HandOff.timedOut.transportDown)
        #expect(!HandOff.refused(65).transportDown && !HandOff.accepted.transportDown)
    }

    @Test func childProcessPipesTheMessageAndReportsItsStatus() {
        let temp = TempDirectory()
        let out = temp.file("got")
        let input = Array("From: a\n\nbody ✓\n".utf8)
        #expect(ChildProcess.run(["sh", "-c", "cat > \"$0\"", out], input: input, timeoutMilliseconds: 10_000) == .accepted)
        #expect(contents(out) == input)
        #expect(ChildProcess.run(["sh", "-c", "exit 75"], input: input, timeoutMilliseconds: 10_000) == .refused(75))
        #expect(ChildProcess.run(["sleep", "30"], input: [], timeoutMilliseconds: 200) == .timedOut)
        guard case .unavailable = ChildProcess.run(["/nonexistent/sendmail"], input: [], timeoutMilliseconds: 1_000) else {
            Issue.record("a missing program must be unavailable")
            return
        }
    }
}
