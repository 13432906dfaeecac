import Foundation
import Testing
@testable import FolioContent

/// The committed fixture trees, also used by Tests/e2e/test_cli_content.py.
@Suite struct FixtureTreeTests {
    let fixtures = TestSupport.fixture("")

    func relative(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { $0.description.replacingOccurrences(of: fixtures, with: "") }
    }

    @Test func goodTreeLoadsClean() {
        let portfolio = ContentLoader.load(directory: TestSupport.fixture("good"))
        #expect(relative(portfolio.diagnostics) == [])
        #expect(portfolio.services.map(\.slug) == ["streams", "bundled"])
        #expect(portfolio.caseStudies.map(\.title) == ["TOML case"])   // the draft is skipped
        #expect(portfolio.caseStudies.first?.date == "2024-05-01")
        #expect(portfolio.stack.tag(named: "Helm")?.groups == ["Data", "Infra"])
        #expect(portfolio.users(ofTag: "Kafka") == ["services/streams", "case-studies/tomlcase"])
        #expect(portfolio.users(ofTag: "Unused") == [])
    }

    /// Every line `folio check broken` prints, bar the summary, comes from the loader.
    @Test func brokenTreeGivesTheExpectedDiagnostics() throws {
        let expected = try String(contentsOfFile: TestSupport.fixture("broken.expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init).dropLast()
        let portfolio = ContentLoader.load(directory: TestSupport.fixture("broken"))
        #expect(relative(portfolio.diagnostics) == Array(expected))
        // The rest still loads: the good pages, and a placeholder name for the profile.
        #expect(portfolio.services.map(\.slug) == ["twin", "unknown-tags", "unknown-key"])
        #expect(portfolio.caseStudies.map(\.slug) == ["stream", "streams"])
        #expect(portfolio.profile.name == "(no profile)" && portfolio.profile.headline == "A broken fixture")
    }
}
