import FolioContent
@testable import FolioCore
import Testing

/// A broken file is skipped at load time; the browser must keep saying so.
@Suite struct ContentProblemsTests {
    static let broken: Portfolio = {
        var p = Fixtures.portfolio
        p.diagnostics = [
            Diagnostic(path: "Content/services/bad.md", line: 3, column: 7, message: "'tags' must be a list, not 'Kafka'"),
            Diagnostic(path: "Content/profile.md", line: 2, column: 1, severity: .warning, message: "unknown key 'emial'"),
        ]
        return p
    }()

    @Test func statusBarCountsProblemsAndAboutListsThem() {
        var state = Fixtures.state(100, 24, Self.broken)
        let screen = render(state).lines()
        #expect(screen[23].hasSuffix("2 content problems (About) "))
        state.press("G enter")
        let page = render(state).lines().joined(separator: "\n")
        #expect(page.contains("1 error and 1 warning while loading"))
        #expect(page.contains("Content/services/bad.md:3:7 error: 'tags' must be a list"))
        #expect(page.contains("Content/profile.md:2:1 warning: unknown key 'emial'"))
    }

    @Test func cleanContentShowsNoProblems() {
        let state = Fixtures.state(100, 24)
        let screen = render(state).lines().joined(separator: "\n")
        #expect(!screen.contains("content problem"))
        #expect(!state.catalog.aboutPages.contains { $0.title == AboutPage.problemsTitle })
    }
}
