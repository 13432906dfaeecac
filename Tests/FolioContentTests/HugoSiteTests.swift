import Testing
@testable import FolioContent

/// Fixtures/hugo is a Hugo `content/` folder in the style of gohugoio/hugoBasicExample, read in
/// place: TOML, YAML and JSON front matter, `.md`, `.Markdown` and `.mdown` files, a nested
/// folder, a page bundle, a section introduction and a folder no section reads.
@Suite struct HugoSiteTests {
    let root = TestSupport.fixture("hugo")
    var portfolio: Portfolio { ContentLoader.load(directory: root) }

    @Test func folioTomlMapsPostsToCaseStudies() {
        let portfolio = portfolio
        #expect(portfolio.caseStudies.map(\.slug) == ["emoji-support", "markdown-syntax", "placeholder-text", "rich-content"])
        #expect(portfolio.caseStudies.map(\.title) == ["Emoji Support", "Markdown Syntax Guide", "Placeholder Text", "Rich Content"])
        #expect(portfolio.services.map(\.slug) == ["writing"])
    }

    @Test func sectionIntroductionIsNotAnItem() throws {
        let intro = try #require(portfolio.introductions[.caseStudy])
        #expect(intro.title == "Posts")
        #expect(intro.body.hasPrefix("Posts from the example site"))
        #expect(portfolio.introductions[.service] == nil)
        let exported = portfolio.json.rendered()
        #expect(exported.contains("\"introductions\": {\n    \"services\": null,\n    \"caseStudies\": {\n      \"title\": \"Posts\","))
    }

    @Test func tagsResolveByCaseAndAliasOthersWarn() throws {
        let portfolio = portfolio
        let emoji = try #require(portfolio.caseStudies.first { $0.slug == "emoji-support" })
        #expect(emoji.tags == ["emoji", "Hugo"])
        let syntax = try #require(portfolio.caseStudies.first { $0.slug == "markdown-syntax" })
        #expect(syntax.tags == ["Markdown", "CSS", "HTML"])
        #expect(syntax.date == "2019-03-11")
    }

    @Test func diagnosticsAreWarningsOnly() {
        let lines = ScratchTree.relative(portfolio.diagnostics, to: root)
        #expect(lines == [
            "notes:1:1: warning: 1 Markdown page that no section reads; to show them as case studies, put 'case-studies = [\"post\", \"notes\"]' in folio.toml",
            "post/2019/emoji-support.Markdown:6:12: warning: tag 'emoji' is in no group of stack.yml; it shows under \"Other tags\"",
            "post/placeholder-text.mdown:4:18: warning: tag 'text' is in no group of stack.yml; it shows under \"Other tags\"",
            "post/rich-content/index.md:6:14: warning: tag 'shortcodes' is in no group of stack.yml; it shows under \"Other tags\"",
            "profile.md:1:1: warning: no 'email': the contact form is off and the Contact section shows your links instead; add 'email: you@example.com'",
        ])
        #expect(!portfolio.hasErrors)
    }
}

@Suite struct SiteLayoutTests {
    @Test func extensionsInAnyCaseNestedFoldersAndBundles() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/a.MD", "---\ntitle: A\n---\n")
        try tree.write("services/deep/er/b.markdown", "---\ntitle: B\n---\n")
        try tree.write("services/bundle/index.mdown", "---\ntitle: C\n---\n")
        try tree.write("services/bundle/inner.md", "---\ntitle: Not a page of its own\n---\n")
        try tree.write("services/notes.txt", "not Markdown")
        try tree.write("services/_draft.md", "---\ntitle: Hidden\n---\n")
        let portfolio = tree.load()
        #expect(portfolio.services.map(\.slug).sorted() == ["a", "b", "bundle"])
        #expect(portfolio.diagnostics.isEmpty)
    }

    @Test func yamlSiteConfigAndItsProblems() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("folio.yml", "services: [offers]\ncase-studies: [work, ../escape]\ncolour: blue\n")
        try tree.write("offers/x.md", "---\ntitle: X\n---\n")
        try tree.write("blog/y.md", "---\ntitle: Y\n---\n")
        let portfolio = tree.load()
        #expect(portfolio.services.map(\.slug) == ["x"])
        #expect(ScratchTree.relative(portfolio.diagnostics, to: tree.root) == [
            "blog:1:1: warning: 1 Markdown page that no section reads; to show them as case studies, put 'case-studies: [\"work\", \"blog\"]' in folio.yml",
            "folio.yml:2:22: error: '../escape' must be a folder inside the content folder",
            "folio.yml:3:1: warning: unknown key 'colour' is ignored",
            "work:1:1: warning: no work/ folder, which folio.yml maps to case studies",
        ])
    }

    @Test func theDefaultFoldersNeedNoConfig() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("posts/z.md", "---\ntitle: Z\n---\n")
        #expect(tree.diagnostics() == [
            "posts:1:1: warning: 1 Markdown page that no section reads; to show them as case studies, put 'case-studies = [\"case-studies\", \"posts\"]' in folio.toml",
        ])
    }
}
