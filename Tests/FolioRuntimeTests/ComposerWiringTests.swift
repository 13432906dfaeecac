import FolioContent
import FolioOutbox
import Foundation
import Testing
@testable import FolioCore
@testable import FolioRuntime

/// The composer's effects performed for real, in temporary directories.
@Suite struct ComposerWiringTests {
    final class TempDir {
        let path: String
        init() {
            var template = Array((NSTemporaryDirectory() + "folio-composer-XXXXXX").utf8CString)
            path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func wiring(_ dir: TempDir, kiosk: Bool = false) -> ComposerWiring {
        ComposerWiring(outbox: dir.path + "/outbox",
                       drafts: DraftPolicy.session(kiosk: kiosk, visit: "1739440800-4242", directory: dir.path + "/drafts"),
                       recipient: "hello@example.org", origin: Origin())
    }

    /// Runs effects as the browser loop does, feeding outcomes back.
    static func run(_ effects: [Effect], _ wiring: ComposerWiring, _ state: inout AppState) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if let outcome = wiring.perform(effect) { queue += update(&state, outcome) }
        }
    }

    @Test func sendDeliversIntoNewAndDiscardsTheDraft() throws {
        let dir = TempDir()
        let wiring = Self.wiring(dir)
        var state = Visitor.filled()
        Self.run(update(&state, .typingPaused), wiring, &state)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/drafts/enquiry.draft"))
        Self.run(state.key(.ctrl("s")), wiring, &state)
        guard case .saved(let id, _)? = state.composer.notice else {
            Issue.record("not saved: \(String(describing: state.composer.notice))"); return
        }
        let message = try String(contentsOfFile: dir.path + "/outbox/new/" + id, encoding: .utf8)
        #expect(message.contains("Subject: =?utf-8?"))
        #expect(message.contains("To: <hello@example.org>"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/drafts/enquiry.draft"))
        #expect(state.composer.isBlank && state.composer.draftStatus == .none)
    }

    @Test func failureIsReportedAndTheDraftKeepsTheText() throws {
        let dir = TempDir()
        var wiring = Self.wiring(dir)
        wiring.outbox = dir.path + "/not-a-directory"
        #expect(FileManager.default.createFile(atPath: wiring.outbox, contents: Data("x".utf8)))
        var state = Visitor.filled()
        Self.run(state.key(.ctrl("s")), wiring, &state)
        guard case .failed(let reason)? = state.composer.notice else {
            Issue.record("expected a failure, got \(String(describing: state.composer.notice))"); return
        }
        #expect(render(state).lines().joined().contains("Not saved: \(reason)"))
        #expect(DraftStore(directory: dir.path + "/drafts").load() == Visitor.ada)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["drafts", "not-a-directory"])
        // Fixed: the same keys now deliver.
        try FileManager.default.removeItem(atPath: wiring.outbox)
        Self.run(state.key(.ctrl("s")), wiring, &state)
        guard case .saved? = state.composer.notice else { Issue.record("retry failed"); return }
    }

    final class Count: @unchecked Sendable { var value = 0 }   // touched by one test thread only

    @Test func kioskRefusalAndRefund() {
        let dir = TempDir()
        var wiring = Self.wiring(dir)
        wiring.admit = { .refused("Not sent: enquiries are turned off here.") }
        var state = Visitor.filled()
        Self.run(state.key(.ctrl("s")), wiring, &state)
        #expect(state.composer.notice == .refused("Not sent: enquiries are turned off here."))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/outbox"))
        // Let through, then failed: the slot is given back once; delivered: kept.
        let refunds = Count()
        wiring.admit = { .allowed(refund: { refunds.value += 1 }) }
        wiring.outbox = "/proc/folio-cannot-write-here"
        Self.run(state.key(.ctrl("s")), wiring, &state)
        #expect(refunds.value == 1)
        wiring.outbox = dir.path + "/outbox"
        Self.run(state.key(.ctrl("s")), wiring, &state)
        #expect(refunds.value == 1)
        guard case .saved? = state.composer.notice else { Issue.record("not saved"); return }
    }

    @Test func draftIsOfferedOnTheNextStartAndResumes() {
        let dir = TempDir()
        let wiring = Self.wiring(dir)
        var first = Visitor.filled()
        first.key(.esc)
        #expect(wiring.saveOnExit(first) == .savedNow)
        var next = Visitor.browsing()
        wiring.offerDraft(into: &next)
        #expect(next.composer.pendingDraft?.enquiry == Visitor.ada)
        #expect(!next.composer.isOpen)
        let offeredAt = next.composer.pendingDraft?.savedAt ?? ""
        next.key(.char("c")); next.key(.enter)
        #expect(next.composer.enquiry == Visitor.ada)
        // Nothing new to save: the draft on disk is the one resumed.
        #expect(wiring.saveOnExit(next) == .savedEarlier(at: offeredAt))
        next.key(.char("d"))                                         // typed: "d" is text now
        Self.run(update(&next, .typingPaused), wiring, &next)
        #expect(DraftStore(directory: dir.path + "/drafts").load()?.message == Visitor.ada.message + "d")
    }

    @Test func kioskVisitsNeverSeeAnotherVisitorsDraft() {
        let dir = TempDir()
        let own = Self.wiring(dir)
        var state = Visitor.filled()
        _ = own.saveOnExit(state)
        let kiosk = Self.wiring(dir, kiosk: true)
        #expect(kiosk.drafts.name == "visit-1739440800-4242" && !kiosk.drafts.offersResume)
        var visitor = Visitor.browsing()
        kiosk.offerDraft(into: &visitor)
        #expect(visitor.composer.pendingDraft == nil)
        state.key(.esc)
        _ = kiosk.saveOnExit(state)                               // the visit's own file, for the owner
        #expect(FileManager.default.fileExists(atPath: dir.path + "/drafts/visit-1739440800-4242.draft"))
        #expect(DraftPolicy.session(kiosk: true, visit: "../../etc/x").name == "visit-etcx")
    }

    @Test func draftTimesReadAsLocalClockOrDate() {
        let now = Int(time(nil))
        #expect(ComposerWiring.when(now, now: now).count == 5)           // "12:04"
        #expect(ComposerWiring.when(now - 3 * 86_400, now: now).count == 16)   // "2025-02-10 12:04"
    }
}
