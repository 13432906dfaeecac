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

    /// One file skipped (a broken field), one loaded despite an unknown tag (an error the loader
    /// works around), one loaded with only a warning: the page says which is which.
    static let mixed: Portfolio = {
        var p = Fixtures.portfolio
        p.services[0].path = "Content/services/tagged.md"
        p.caseStudies[0].path = "Content/case-studies/warned.md"
        p.diagnostics = [
            Diagnostic(path: "Content/services/bad.md", line: 3, column: 7, message: "'tags' must be a list, not 'Kafka'"),
            Diagnostic(path: "Content/services/tagged.md", line: 4, column: 9,
                       message: "tag 'Kafak' is not in Content/stack.yml; did you mean 'Kafka'?"),
            Diagnostic(path: "Content/case-studies/warned.md", line: 2, column: 1, severity: .warning, message: "unknown key 'sumary'"),
        ]
        return p
    }()

    @Test func aboutSaysWhichFilesWereSkippedAndWhichLoaded() {
        var state = Fixtures.state(120, 40, Self.mixed)
        state.press("G enter")
        let page = state.catalog.aboutPages.last?.markdown ?? ""
        #expect(page.hasPrefix("2 errors and 1 warning while loading. 1 file was skipped and is not shown; the rest loaded."))
        #expect(page.contains("`Content/services/bad.md:3:7` error: 'tags' must be a list, not 'Kafka' (file skipped)"))
        #expect(page.contains("did you mean 'Kafka'? (file loaded)"))
        #expect(page.contains("`Content/case-studies/warned.md:2:1` warning: unknown key 'sumary' (file loaded)"))
        Golden.check("content-problems-120x40", render(state).lines().joined(separator: "\n"))

        var loadedOnly = Self.mixed
        loadedOnly.diagnostics.removeFirst()
        let text = Fixtures.state(120, 40, loadedOnly).catalog.aboutPages.last?.markdown ?? ""
        #expect(text.hasPrefix("1 error and 1 warning while loading. No file was skipped."))
        #expect(!text.contains("skipped and"))
    }

    /// A kiosk visitor sees neither the count nor the page, nor any server path, on any screen.
    @Test func kioskHidesProblemsAndPaths() {
        var state = AppState(portfolio: Self.mixed, width: 120, height: 40, kiosk: true)
        #expect(state.kiosk && state.portfolio.diagnostics.isEmpty)
        #expect(!state.catalog.aboutPages.contains { $0.title == AboutPage.problemsTitle })
        Golden.check("kiosk-about-120x40", render(state).lines().joined(separator: "\n"))
        for keys in ["", "G", "G enter", "2", "2 enter", "3 enter", "4", "5", "?"] {
            var visit = state
            visit.press(keys)
            let screen = render(visit).lines().joined(separator: "\n")
            #expect(!screen.contains("problem"), "\(keys)")
            #expect(!screen.contains("Content/"), "\(keys)")
            #expect(!screen.contains("Kafak") && !screen.contains("sumary"), "\(keys)")
        }
        // The same portfolio outside a kiosk shows both (so the checks above can fail).
        state = AppState(portfolio: Self.mixed, width: 120, height: 40)
        #expect(render(state).lines()[39].contains("3 content problems (About)"))
    }

    @Test func cleanContentShowsNoProblems() {
        let state = Fixtures.state(100, 24)
        let screen = render(state).lines().joined(separator: "\n")
        #expect(!screen.contains("content problem"))
        #expect(!state.catalog.aboutPages.contains { $0.title == AboutPage.problemsTitle })
    }
}
