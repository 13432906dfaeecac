import Foundation
import Testing
@testable import FolioContent

/// Whole-tree problems and checks across files.
@Suite struct LoaderTreeTests {
    @Test func missingDirectoryGivesAPlaceholderPortfolio() {
        let portfolio = ContentLoader.load(directory: "/nonexistent/folio-content")
        #expect(portfolio.diagnostics.map(\.description) == [
            "/nonexistent/folio-content:1:1: error: content directory not found",
        ])
        #expect(portfolio.profile.name == "(no profile)")
        #expect(portfolio.items.isEmpty && portfolio.hasErrors)
    }

    @Test func emptyDirectory() throws {
        let tree = try ScratchTree(profile: false, stack: false)
        defer { tree.remove() }
        try FileManager.default.removeItem(atPath: tree.path("services"))
        try FileManager.default.removeItem(atPath: tree.path("case-studies"))
        #expect(tree.load().diagnostics.map(\.description) == [
            "\(tree.root):1:1: error: content directory is empty: expected profile.md, stack.yml, services/ and case-studies/",
        ])
    }

    @Test func aFileInsteadOfADirectory() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        #expect(ContentLoader.load(directory: tree.path("profile.md")).diagnostics.map(\.description) == [
            "\(tree.path("profile.md")):1:1: error: not a directory; --content wants the folder that holds profile.md",
        ])
    }

    @Test func missingProfileIsAnErrorButTheRestLoads() throws {
        let tree = try ScratchTree(profile: false)
        defer { tree.remove() }
        try tree.write("services/a.md", "---\ntitle: A\n---\n")
        let portfolio = tree.load()
        #expect(ScratchTree.relative(portfolio.diagnostics, to: tree.root) == [
            "profile.md:1:1: error: missing profile.md: the name, headline and introduction go there",
        ])
        #expect(portfolio.profile.name == "(no profile)")
        #expect(portfolio.services.map(\.title) == ["A"])
    }

    @Test func missingStackFileAndFolders() throws {
        let tree = try ScratchTree(stack: false)
        defer { tree.remove() }
        try FileManager.default.removeItem(atPath: tree.path("case-studies"))
        try tree.write("services/a.md", "---\ntitle: A\ntags: [Anything]\n---\n")
        #expect(tree.diagnostics() == [
            "case-studies:1:1: warning: no case-studies/ folder: no case studies will show",
            "stack.yml:1:1: error: missing stack file (stack.yml or stack.toml): item tags cannot be checked",
        ])
    }

    @Test func duplicateSlugsKeepTheFirstFile() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/a.md", "---\ntitle: A\nslug: same\n---\n")
        try tree.write("case-studies/b.md", "---\ntitle: B\nslug: same\n---\n")
        try tree.write("case-studies/a.md", "---\ntitle: Also a\n---\n")
        let portfolio = tree.load()
        #expect(ScratchTree.relative(portfolio.diagnostics, to: tree.root) == [
            "case-studies/b.md:3:7: error: duplicate slug 'same': \(tree.root)/services/a.md already uses it; this file is skipped",
        ])
        #expect(portfolio.items.map(\.id) == ["services/same", "case-studies/a"])
    }

    @Test func nearDuplicateSlugsWarnWithASuggestion() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("case-studies/bankvole.md", "---\ntitle: Bankvole\n---\n")
        try tree.write("case-studies/bank-vole.md", "---\ntitle: Bank vole\n---\n")
        try tree.write("case-studies/crop2cash.md", "---\ntitle: Crop2Cash\n---\n")
        try tree.write("services/crop-2-cash.md", "---\ntitle: C2C\nslug: crop2cas\n---\n")
        #expect(tree.diagnostics() == [
            "case-studies/bankvole.md:1:1: warning: slug 'bankvole' is close to 'bank-vole' (\(tree.root)/case-studies/bank-vole.md); did you mean 'bank-vole'?",
            // Services load first, so the later file (the case study) gets the warning.
            "case-studies/crop2cash.md:1:1: warning: slug 'crop2cash' is close to 'crop2cas' (\(tree.root)/services/crop-2-cash.md); did you mean 'crop2cas'?",
        ])
        #expect(tree.load().items.count == 4)
    }

    @Test func tagsMatchAnyCaseAndAliasesAndOthersAreWarnings() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/t.md", "---\ntitle: T\ntags: [kafka, K8S, Kafak, Cobol, Helm, helm]\n---\n")
        let portfolio = tree.load()
        #expect(ScratchTree.relative(portfolio.diagnostics, to: tree.root) == [
            "services/t.md:3:20: warning: tag 'Kafak' is in no group of stack.yml; it shows under \"Other tags\"; did you mean 'Kafka'?",
            "services/t.md:3:27: warning: tag 'Cobol' is in no group of stack.yml; it shows under \"Other tags\"",
            "services/t.md:3:40: warning: tag 'Helm' is listed twice",
        ])
        // Any case or alias is the stack's tag, shown by its name; other tags stay as written.
        #expect(portfolio.services.first?.tags == ["Kafka", "Kubernetes", "Kafak", "Cobol", "Helm"])
        #expect(portfolio.users(ofTag: "Kubernetes") == ["services/t"])
        #expect(!portfolio.hasErrors)
    }

    @Test func orderThenTitleWithUnsetOrderLast() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/z.md", "---\ntitle: Zed\norder: 1\n---\n")
        try tree.write("services/b.md", "---\ntitle: beta\norder: 2\n---\n")
        try tree.write("services/a.md", "---\ntitle: Alpha\norder: 2\n---\n")
        try tree.write("services/u.md", "---\ntitle: Unordered\n---\n")
        try tree.write("services/_index.md", "---\ntitle: Hugo section page\n---\n")
        try tree.write("services/bundle/index.md", "---\ntitle: Bundle\norder: 3\n---\n")
        try tree.write("services/notes.txt", "not a page")
        let portfolio = tree.load()
        #expect(portfolio.diagnostics.isEmpty)
        #expect(portfolio.services.map(\.slug) == ["z", "a", "b", "bundle", "u"])
        #expect(portfolio.item(slug: "bundle")?.path == tree.path("services/bundle/index.md"))
    }
}
