import Foundation
import Glibc
import FolioPOSIX
import Testing
@testable import FolioContent

/// `folio init`'s files: a portfolio that loads with no problem, written all or nothing.
@Suite struct StarterPortfolioTests {
    private func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("folio-init-\(UUID().uuidString)").path
    }

    @Test func writesAPortfolioThatChecksClean() throws {
        let root = scratch() + "/new/site"
        defer { try? FileManager.default.removeItem(atPath: Path.parent(Path.parent(root)!)!) }
        let outcome = StarterPortfolio.write(to: root)
        #expect(outcome == .written(["profile.md", "services/consulting.md", "case-studies/first-project.md", "stack.yml"]
            .map { root + "/" + $0 }))
        let portfolio = ContentLoader.load(directory: root)
        #expect(portfolio.diagnostics.map(\.description) == [])
        #expect(portfolio.profile.email == "you@example.com")
        #expect(portfolio.services.map(\.slug) == ["consulting"])
        #expect(portfolio.caseStudies.map(\.slug) == ["first-project"])
        // Every tag is in the stack file, through aliases too: nothing lands in "Other tags".
        #expect(portfolio.stack.tags.contains { $0.name == "Go" && $0.aliases == ["golang"] })
        #expect(portfolio.stack.tags.contains { $0.name == "PostgreSQL" && $0.aliases.contains("postgres") })
        // Each file explains itself.
        for file in StarterPortfolio.files { #expect(file.text.contains("# "), "\(file.path) has no comments") }
    }

    @Test func neverOverwritesAndWritesNothingWhenAnyFileExists() throws {
        let root = scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/services", withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: root + "/stack.yml"))
        try Data("mine too\n".utf8).write(to: URL(fileURLWithPath: root + "/services/consulting.md"))
        #expect(StarterPortfolio.write(to: root) == .exists([root + "/services/consulting.md", root + "/stack.yml"]))
        #expect(try String(contentsOfFile: root + "/stack.yml", encoding: .utf8) == "mine\n")
        #expect(NewFile.exists(root + "/profile.md") == .success(false))
        #expect(NewFile.exists(root + "/case-studies") == .success(false))
    }

    @Test func aSecondRunRefusesAndNamesEveryFile() {
        let root = scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        guard case .written(let paths) = StarterPortfolio.write(to: root) else {
            Issue.record("first run did not write")
            return
        }
        #expect(StarterPortfolio.write(to: root) == .exists(paths))
    }

    @Test func aTargetThatCannotBeCheckedIsAFailure() throws {
        let root = scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data().write(to: URL(fileURLWithPath: root))   // a file where the folder should be
        #expect(StarterPortfolio.write(to: root) == .failed(root + "/profile.md", SystemError(ENOTDIR)))
    }
}
