import FolioCore
import FolioPOSIX

/// Something besides the terminal that the browser loop's one `poll` waits on, and the action
/// its readiness becomes: inotify on the outbox (`.inboxChanged`) or on the content folder
/// (`.reload`). A burst (an editor's write, rename and chmod; ten deliveries at once) becomes
/// one action, once the source has been quiet for `debounceMs` (or at most `maxDelayMs` after
/// the first change, so a steady trickle cannot postpone it for ever).
public struct WatchSource {
    public var descriptor: Int32
    public var action: Action
    public var debounceMs: Int64
    public var maxDelayMs: Int64
    /// Reads what made the descriptor readable, without blocking: true when something changed,
    /// false when nothing did, nil when the source failed (the loop stops watching it).
    public var drain: () -> Bool?

    public init(descriptor: Int32, action: Action, debounceMs: Int64, maxDelayMs: Int64? = nil,
                drain: @escaping () -> Bool?) {
        self.descriptor = descriptor; self.action = action; self.debounceMs = max(0, debounceMs)
        self.maxDelayMs = max(self.debounceMs, maxDelayMs ?? 10 * self.debounceMs); self.drain = drain
    }

    /// An inotify instance as a source: any event is a change.
    public init(_ inotify: Inotify, action: Action, debounceMs: Int64) {
        self.init(descriptor: inotify.descriptor, action: action, debounceMs: debounceMs) {
            switch inotify.drain() {
            case .empty: false
            case .changed: true
            case .failed: nil
            }
        }
    }
}

/// The loop's book of watch sources: which are still watched, and when each one's pending
/// action falls due. Pure bookkeeping on the loop's clock; the loop does the waiting.
struct WatchSchedule {
    private(set) var sources: [WatchSource]
    private var pending: [(first: Int64, due: Int64)?]

    init(_ sources: [WatchSource]) {
        self.sources = sources
        pending = Array(repeating: nil, count: sources.count)
    }

    var descriptors: [Int32] { sources.map(\.descriptor) }

    /// Milliseconds until the nearest pending action (0 when one is due), or -1 for none.
    func timeout(now: Int64) -> Int32 {
        guard let due = pending.compactMap({ $0?.due }).min() else { return -1 }
        return Int32(clamping: max(0, due - now))
    }

    /// Drains the sources poll found readable and drops those that failed.
    mutating func noteReady(_ ready: [Int32], failed: [Int32], now: Int64) {
        for (index, source) in sources.enumerated() where ready.contains(source.descriptor) {
            switch source.drain() {
            case true?:
                let first = pending[index]?.first ?? now
                pending[index] = (first, min(first + source.maxDelayMs, now + source.debounceMs))
            case false?:
                break
            case nil:
                pending[index] = nil
                sources[index].descriptor = -1
            }
        }
        for index in sources.indices where failed.contains(sources[index].descriptor) {
            sources[index].descriptor = -1
        }
        // A failed source fires what it had pending no more, and is never polled again.
        let keep = sources.indices.filter { sources[$0].descriptor >= 0 }
        sources = keep.map { sources[$0] }
        pending = keep.map { pending[$0] }
    }

    /// The actions due by `now`, each once.
    mutating func takeDue(now: Int64) -> [Action] {
        var actions: [Action] = []
        for index in pending.indices {
            guard let entry = pending[index], entry.due <= now else { continue }
            pending[index] = nil
            actions.append(sources[index].action)
        }
        return actions
    }
}
