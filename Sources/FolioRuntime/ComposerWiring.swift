import FolioCore
import FolioOutbox
#if canImport(Glibc)
import Glibc
#endif

/// Performs the composer's effects with FolioOutbox and turns each outcome into the action
/// `update` expects. The only composer code that touches the file system; the shell (the
/// browser loop and `folio browse`) calls it, `update` never does.
public struct ComposerWiring: Sendable {
    /// A kiosk's answer before delivery: go ahead (and how to give the slot back if delivery
    /// then fails), or a line to show instead ("Not sent: at most 3 enquiries an hour…").
    public enum Admission: Sendable {
        case allowed(refund: @Sendable () -> Void)
        case refused(String)
    }

    public var outbox: String
    public var drafts: DraftPolicy
    public var recipient: String
    public var origin: Origin
    /// Asked just before each delivery; the default lets everything through.
    public var admit: @Sendable () -> Admission = { .allowed(refund: {}) }

    public init(outbox: String, drafts: DraftPolicy, recipient: String, origin: Origin) {
        self.outbox = outbox; self.drafts = drafts; self.recipient = recipient; self.origin = origin
    }

    var store: DraftStore { DraftStore(directory: drafts.directory, name: drafts.name) }

    /// Runs one effect; returns the outcome to feed back to `update` (nil for `.quit`).
    public func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .quit, .repaint, .suspend, .terminal:   // the terminal loop's own
            return nil
        case .openURL:                               // LinkOpener's
            return nil
        case .scanInbox, .changeMessage, .readMessage, .reloadContent:   // InboxWiring's and ContentWiring's
            return nil
        case .saveDraft(let enquiry):
            do throws(OutboxError) {
                try store.save(enquiry)
                return .draft(.saved(at: Self.clock(Int(time(nil)))))
            } catch {
                return .draft(.failed(reason: error.reason))
            }
        case .discardDraft:
            store.discard()
            return .draft(.discarded)
        case .send(let enquiry):
            let refund: @Sendable () -> Void
            switch admit() {
            case .refused(let line): return .sendFinished(.refused(line))
            case .allowed(let giveBack): refund = giveBack
            }
            do throws(OutboxError) {
                let id = try Maildir(path: outbox).deliver(enquiry, to: recipient, origin: origin)
                return .sendFinished(.saved(id: id))
            } catch {
                refund()
                return .sendFinished(.failed(reason: error.reason))
            }
        }
    }

    /// At start-up: tells `state` about a waiting draft, if the policy offers one.
    public func offerDraft(into state: inout AppState) {
        guard drafts.offersResume, case .draft(let enquiry, let savedAt) = store.read() else { return }
        _ = update(&state, .draft(.found(enquiry, savedAt: savedAt.map { Self.when($0) } ?? "an earlier visit")))
    }

    /// On every way out (quit, Ctrl-C, hang-up, a signal, a time limit): saves what the draft
    /// lacks (or removes it when the form was emptied). Returns what became of the draft, for
    /// the goodbye, and the reason when saving failed.
    @discardableResult
    public func saveOnExit(_ state: AppState) -> DraftOnExit {
        state.composer.draftOnExit(after: state.composer.draftEffect.flatMap(perform))
    }

    // MARK: Times, in local time without Foundation

    /// "12:04".
    static func clock(_ seconds: Int) -> String {
        guard let t = local(seconds) else { return "now" }
        return two(t.tm_hour) + ":" + two(t.tm_min)
    }

    /// "12:04" today, otherwise "2025-02-13 12:04".
    static func when(_ seconds: Int, now: Int = Int(time(nil))) -> String {
        guard let t = local(seconds), let today = local(now) else { return "an earlier visit" }
        if t.tm_year == today.tm_year && t.tm_yday == today.tm_yday { return clock(seconds) }
        return "\(t.tm_year + 1900)-\(two(t.tm_mon + 1))-\(two(t.tm_mday)) \(clock(seconds))"
    }

    private static func local(_ seconds: Int) -> tm? {
        var value = time_t(seconds)
        var result = tm()
        return localtime_r(&value, &result) == nil ? nil : result
    }

    private static func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
