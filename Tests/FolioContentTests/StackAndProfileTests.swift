import Testing
@testable import FolioContent

@Suite struct StackAndProfileTests {
    @Test func stackFileProblems() throws {
        let tree = try ScratchTree(stack: false)
        defer { tree.remove() }
        try tree.write("stack.yml", """
            intro: Tools.
            colour: blue
            groups:
              - name: Data
                tags: [Kafka, {name: PostgreSQL, aliases: [pg, Kafka]}, Kafka, kafka]
              - name: Infra
                tags: Helm
              - tags: [Go]
              - name: More
                tags: [{name: Go, aliases: [pg]}, [nested]]
                colour: red
            """)
        let portfolio = tree.load()
        #expect(ScratchTree.relative(portfolio.diagnostics, to: tree.root) == [
            "stack.yml:2:1: warning: unknown key 'colour' is ignored",
            "stack.yml:5:52: error: alias 'Kafka' of 'PostgreSQL' is the name of tag 'Kafka'",
            "stack.yml:5:61: warning: tag 'Kafka' is listed twice in group 'Data'",
            "stack.yml:5:68: warning: tag 'kafka' differs from 'Kafka' only in case; did you mean 'Kafka'?",
            "stack.yml:7:11: error: group 'Infra' needs 'tags' as a list, not 'Helm'",
            "stack.yml:8:5: error: a group needs a 'name' (text)",
            "stack.yml:10:33: error: alias 'pg' is given to both 'PostgreSQL' and 'Go'",
            "stack.yml:10:39: error: a tag must be a name or {name, aliases}, not a list",
            "stack.yml:11:5: warning: unknown key 'colour' in a group",
        ])
        #expect(portfolio.stack.groups.map(\.name) == ["Data", "More"])
        #expect(portfolio.stack.tags.map(\.name) == ["Kafka", "PostgreSQL", "kafka", "Go"])
    }

    @Test func stackFileInTOML() throws {
        let tree = try ScratchTree(stack: false)
        defer { tree.remove() }
        try tree.write("stack.toml", """
            intro = "Tools."
            [[groups]]
            name = "Languages"
            tags = ["Go", { name = "TypeScript", aliases = ["ts"] }]
            """)
        try tree.write("services/a.md", "---\ntitle: A\ntags: [ts, Go]\n---\n")
        let portfolio = tree.load()
        #expect(portfolio.diagnostics.isEmpty)
        #expect(portfolio.services.first?.tags == ["TypeScript", "Go"])
        #expect(portfolio.stack.tag(named: "TypeScript")?.aliases == ["ts"])
        #expect(portfolio.stack.intro == "Tools.")
    }

    @Test func profileFieldsAndProblems() throws {
        let tree = try ScratchTree(profile: false)
        defer { tree.remove() }
        try tree.write("profile.md", """
            ---
            name: "Engineering · Backend"
            headline: Backend
            tagline: Calm.
            email: nobody
            links:
              - {label: Site, url: "https://example.com", rel: me}
              - https://example.org
              - {label: No URL}
            tags: [Kafka, Cobol]
            ---
            Intro.
            """)
        let portfolio = tree.load()
        #expect(ScratchTree.relative(portfolio.diagnostics, to: tree.root) == [
            "profile.md:5:8: warning: 'email' does not look like an address: 'nobody'",
            "profile.md:7:47: warning: unknown key 'rel' in a link; a link has 'label' and 'url'",
            "profile.md:9:5: error: each link needs a 'url' (text)",
            "profile.md:10:15: warning: tag 'Cobol' is in no group of stack.yml; it shows under \"Other tags\"",
        ])
        let profile = portfolio.profile
        #expect(profile.name == "Engineering · Backend")
        #expect(profile.links == [Link(label: "Site", url: "https://example.com"),
                                  Link(label: "https://example.org", url: "https://example.org")])
        #expect(profile.tags == ["Kafka", "Cobol"])
        #expect(profile.body == "Intro.")
        #expect(portfolio.users(ofTag: "Kafka") == ["profile"])
    }

    @Test func profileWithoutANameKeepsAPlaceholderName() throws {
        let tree = try ScratchTree(profile: false)
        defer { tree.remove() }
        try tree.write("profile.md", "---\nheadline: Backend\n---\nIntro.\n")
        let portfolio = tree.load()
        #expect(ScratchTree.relative(portfolio.diagnostics, to: tree.root) == [
            "profile.md:2:1: error: missing 'name' in the profile's front matter",
        ])
        #expect(portfolio.profile.name == "(no profile)")
        #expect(portfolio.profile.headline == "Backend")
    }
}
