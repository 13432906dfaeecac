import Testing
@testable import FolioContent

/// Fields of the wrong type, missing, unknown or skipped.
@Suite struct LoaderFieldTests {
    @Test func tagsGivenAsOneNameInsteadOfAList() throws {
        #expect(try ScratchTree.diagnostics(service: "one.md", "---\ntitle: One\ntags: Kafka\n---\n") == [
            "services/one.md:3:7: error: 'tags' must be a list, not 'Kafka'; write [Kafka]",
        ])
    }

    @Test func otherWrongTypes() throws {
        let text = "---\ntitle: [a, b]\norder: first\ndraft: maybe\nsummary: {a: 1}\ntags: [Kafka, [x]]\n---\n"
        #expect(try ScratchTree.diagnostics(service: "types.md", text) == [
            "services/types.md:2:8: error: 'title' must be text, not a list",
            "services/types.md:3:8: error: 'order' must be a whole number, not 'first'",
            "services/types.md:4:8: error: 'draft' must be true or false, not 'maybe'",
            "services/types.md:5:10: error: 'summary' must be text, not a mapping",
            "services/types.md:6:15: error: each entry of 'tags' must be text, not a list",
        ])
    }

    @Test func wrongTypeInTOMLIsFoundOnItsLine() throws {
        #expect(try ScratchTree.diagnostics(service: "t.md", "+++\ntitle = \"T\"\norder = \"x\"\n+++\n") == [
            "services/t.md:3:9: error: 'order' must be a whole number, not 'x'",
        ])
    }

    @Test func missingAndEmptyTitle() throws {
        #expect(try ScratchTree.diagnostics(service: "none.md", "---\nsummary: no title\n---\n") == [
            "services/none.md:2:1: error: missing 'title' in front matter",
        ])
        #expect(try ScratchTree.diagnostics(service: "empty.md", "---\ntitle: \"  \"\n---\n") == [
            "services/empty.md:2:8: error: 'title' is empty",
        ])
    }

    @Test func unknownKeysWarnWithASuggestionAndTheItemStillLoads() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/keys.md", "---\ntitle: Keys\ntitel: x\ncolour: red\nlayout: post\n---\n")
        #expect(tree.diagnostics() == [
            "services/keys.md:3:1: warning: unknown key 'titel'; did you mean 'title'?",
            "services/keys.md:4:1: warning: unknown key 'colour' is ignored",
        ])
        #expect(tree.load().services.map(\.title) == ["Keys"])
        #expect(tree.load().hasErrors == false)
    }

    @Test func synonymsRepeatedWarnAndTheFirstWins() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/s.md", "---\ntitle: S\nsummary: first\ndescription: second\n---\n")
        #expect(tree.diagnostics() == [
            "services/s.md:4:1: warning: 'description' repeats 'summary' (line 3); using 'summary'",
        ])
        #expect(tree.load().services.first?.summary == "first")
    }

    @Test func invalidExplicitSlug() throws {
        #expect(try ScratchTree.diagnostics(service: "s.md", "---\ntitle: S\nslug: Not OK\n---\n") == [
            "services/s.md:3:7: error: slug 'Not OK' may hold only lowercase letters, digits, '-', '_' and '.'",
        ])
    }

    @Test func draftsAndUnpublishedPagesAreSkippedQuietly() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/draft.md", "---\ntitle: Draft\ndraft: true\n---\n")
        try tree.write("services/hidden.md", "+++\ntitle = \"Hidden\"\npublished = false\n+++\n")
        try tree.write("services/live.md", "---\ntitle: Live\ndraft: false\n---\n")
        #expect(tree.diagnostics() == [])
        #expect(tree.load().services.map(\.slug) == ["live"])
    }

    @Test func hugoAndJekyllKeysAreRead() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("case-studies/hugo.md", """
            +++
            title = "Hugo"
            description = "From Hugo"
            weight = 2
            date = 2024-05-01
            tags = ["Kafka", "k8s"]
            categories = ["ignored quietly"]
            +++
            Body.
            """)
        try tree.write("case-studies/jekyll.md", "---\ntitle: Jekyll\nsummary: From Jekyll\norder: 1\nsector: fintech\nlayout: post\n---\n")
        let portfolio = tree.load()
        #expect(portfolio.diagnostics.isEmpty)
        #expect(portfolio.caseStudies.map(\.title) == ["Jekyll", "Hugo"])
        let hugo = portfolio.caseStudies[1]
        #expect(hugo.summary == "From Hugo")
        #expect(hugo.order == 2)
        #expect(hugo.date == "2024-05-01")
        #expect(hugo.tags == ["Kafka", "Kubernetes"])
        #expect(hugo.body == "Body.")
        #expect(portfolio.caseStudies[0].sector == "fintech")
    }
}
