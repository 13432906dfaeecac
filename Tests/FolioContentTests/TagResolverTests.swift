import Testing
import FolioTestSupport
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

    /// `numberOrInsert` and a reserved table number texts as `insert` into an empty one does.
    @Test func reservedTableNumbersAsInsert() {
        var reserved = ByteTable(reserving: 500, bytes: 4_000), grown = ByteTable()
        for i in 0..<2_000 {
            var text = "t\(i % 700)"
            let before = reserved.count
            let number = text.withUTF8 { reserved.numberOrInsert($0) }
            grown.insert(text)
            #expect(number == (i < 700 ? nil : i % 700) && reserved.count == (i < 700 ? before + 1 : before))
            #expect(grown.number(of: text) == reserved.number(of: text))
        }
        #expect(reserved.count == 700 && grown.count == 700)
    }

    /// `firstEqual` against a dictionary of Strings: ASCII lists through the byte table, and
    /// lists with NFC and NFD spellings (equal Strings, different bytes) through String's equality.
    @Test func firstEqualIsStringEquality() {
        var random = LCG64(seed: 8)
        let pieces = ["a", "b", "-", "ab", "K", "", "é", "e\u{301}", "ba"]
        for round in 0..<300 {
            let ascii = round % 2 == 0
            let texts = (0..<random.next(80)).map { _ in
                (0..<random.next(4)).map { _ in pieces[random.next(ascii ? 6 : pieces.count)] }.joined()
            }
            var firstOf: [String: Int32] = [:]
            let expected = texts.enumerated().map { index, text -> Int32 in
                if let first = firstOf[text] { return first }
                firstOf[text] = Int32(index)
                return -1
            }
            #expect(ByteTable.firstEqual(texts) == expected, "\(texts)")
        }
        #expect(ByteTable.firstEqual(["café", "cafe\u{301}", "café"]) == [-1, 0, 0])
    }
}
