import FolioContent
import FolioCore
import FolioSession
import FolioTerminal

/// A small portfolio and a loop wired to a fake terminal, recording what it performs.
final class LoopFixture {
    static let portfolio = Portfolio(
        profile: Profile(name: "Ann Example", headline: "Backend engineering", tagline: "Small, tested, clear.",
                         email: "ann@example.org", links: [], body: "Hello.\n\nA second paragraph.", path: "profile.md",
                         tags: ["Swift"]),
        services: [
            Item(kind: .service, slug: "apis", title: "APIs", summary: "Narrow APIs.", order: 1, tags: ["Swift"],
                 body: "APIs that survive retries."),
            Item(kind: .service, slug: "etl", title: "ETL", summary: "Data movement.", order: 2, tags: [],
                 body: "Moving data correctly."),
        ],
        caseStudies: [
            Item(kind: .caseStudy, slug: "bank", title: "Bank", summary: "A bank.", order: 1, tags: ["Swift"],
                 body: "Balances and transfers."),
        ],
        stack: Stack(groups: [TagGroup(name: "Languages", tags: ["Swift"])], tags: [Tag(name: "Swift")]))

    let terminal: FakeTerminal
    var loop = BrowserLoop()
    var state: AppState
    /// Effects handed to `perform`, in order.
    private(set) var performed: [Effect] = []
    /// The state each time `onPause` ran.
    private(set) var pauses: [AppState] = []
    /// What `perform` answers for each effect (nil: no outcome).
    var outcome: (Effect) -> Action? = { _ in nil }

    init(width: Int = 80, height: Int = 24, script: [FakeTerminal.Step] = []) {
        terminal = FakeTerminal(width: width, height: height, script: script)
        state = AppState(portfolio: Self.portfolio, width: width, height: height)
        let terminal = terminal
        loop.now = { terminal.now }
        loop.clock = SessionClock(idleTimeoutSeconds: nil, sessionLimitSeconds: nil, start: terminal.now)
        loop.perform = { [unowned self] effect in
            performed.append(effect)
            return outcome(effect)
        }
        loop.onPause = { [unowned self] in pauses.append($0) }
    }

    func run() -> ExitReason { loop.run(&state, on: terminal) }

    /// What `render` draws for the fixture's portfolio after these keys, without any loop.
    static func expectedFrame(width: Int = 80, height: Int = 24, after keys: [Key]) -> Buffer {
        var state = AppState(portfolio: portfolio, width: width, height: height)
        for key in keys { _ = handle(&state, key) }
        return render(state)
    }
}

extension FakeTerminal.Step {
    static func key(_ key: Key) -> Self { .input(.key(key)) }
}

extension Buffer {
    var text: String { lines().joined(separator: "\n") }
}
