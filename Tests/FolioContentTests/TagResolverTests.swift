import Testing
@testable import FolioContent

/// `TagResolver.resolve` returns the tags untouched when they are all stack names spelled
/// exactly and none repeats; every other list goes the general way. Both must agree.
@Suite struct TagResolverTests {
    static let stack = Stack(tags: [
        Tag(name: "Kafka", aliases: ["kfk"]), Tag(name: "PostgreSQL", aliases: ["pg", "Postgres"]),
        Tag(name: "Café"), Tag(name: "Cafe\u{301}s"), Tag(name: "Straße"), Tag(name: "Go"), Tag(name: "go lang"),
    ])

    static func general(_ tags: [String], resolver: TagResolver) -> ([String], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let positions = tags.indices.map { SourcePosition(line: 3, column: 10 + $0) }
        let resolved = ContentChecks.resolveTags(tags, positions: positions, path: "p.md", stack: stack,
                                                 index: resolver.index, stackFile: "stack.yml", into: &diagnostics)
        return (resolved, diagnostics)
    }

    @Test func agreesWithTheGeneralPath() {
        let resolver = TagResolver(stack: Self.stack, stackFile: "stack.yml")
        let lists: [[String]] = [
            [], ["Kafka"], ["Kafka", "Go", "Straße"], ["Kafka", "Kafka"], ["Kafka", "Go", "Kafka"],
            ["kafka"], ["pg"], ["Postgres", "PostgreSQL"], ["Kafka", "Cobol"], ["Café", "Cafe\u{301}"],
            ["Cafe\u{301}"], ["Café", "Café"], ["Cafés", "Caf\u{E9}s"], ["GO"], ["go lang", "Go Lang"], [""],
            ["Kafka", "Go", "PostgreSQL", "Café", "Straße", "go lang", "Go"],
        ]
        for tags in lists {
            var diagnostics: [Diagnostic] = []
            let positions = tags.indices.map { SourcePosition(line: 3, column: 10 + $0) }
            let resolved = resolver.resolve(tags, positions: positions, path: "p.md", into: &diagnostics)
            let (want, wantDiagnostics) = Self.general(tags, resolver: resolver)
            #expect(resolved == want, "\(tags)")
            #expect(diagnostics == wantDiagnostics, "\(tags)")
        }
    }

    @Test func exactNamesComeBackAsTheyAre() {
        let resolver = TagResolver(stack: Self.stack, stackFile: "stack.yml")
        var diagnostics: [Diagnostic] = []
        let tags = ["Straße", "Kafka", "Go"]
        #expect(resolver.resolve(tags, positions: [], path: "p.md", into: &diagnostics) == tags)
        #expect(diagnostics.isEmpty)
        // An NFD spelling of a name is that name (String equality), so listing both repeats it.
        let twice = resolver.resolve(["Café", "Cafe\u{301}"], positions: [], path: "p.md", into: &diagnostics)
        #expect(twice == ["Café"])
        #expect(diagnostics.map(\.message) == ["tag 'Cafe\u{301}' is listed twice"])
    }
}

/// `ByteTable` numbers texts by their bytes, through growth and collisions.
@Suite struct ByteTableTests {
    @Test func findsEveryTextByItsBytes() {
        var table = ByteTable()
        // 3,000 different texts ("Tag 1" is the eighth), then three more and "Tag 1" again.
        var texts = (0..<3_000).map { $0 % 7 == 0 ? "Tag \($0 / 7)" : String(repeating: "x", count: $0 % 40) + "\($0)" }
        texts += ["", "Café", "Cafe\u{301}", "Tag 1"]
        for text in texts { table.insert(text) }
        #expect(table.count == 3_003)
        for (index, text) in texts.enumerated() {
            #expect(table.number(of: text) == (index == 3_003 ? 7 : index), "\(text)")
        }
        #expect(table.number(of: "Cafe\u{301}") == 3_002 && table.number(of: "Café") == 3_001)   // bytes, not String equality
        for absent in ["Tag", "tag 1", "x", "xxxxx", "Tag 10000", "Caf"] { #expect(table.number(of: absent) == nil, "\(absent)") }
    }
}
