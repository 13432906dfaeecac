import FolioContent
import Testing
@testable import FolioSearch

/// Full-text search: bodies rank after tags and titles, snippets show the words a reader sees.
@Suite("Body search")
struct BodySearchTests {
    static func item(_ title: String, _ body: String, kind: ItemKind = .caseStudy, tags: [String] = []) -> Item {
        Item(kind: kind, slug: String(title.lowercased().map { $0 == " " ? "-" : $0 }), title: title, summary: "", tags: tags, body: body)
    }

    static let portfolio = SearchFixtures.portfolio(
        tags: [Tag(name: "Kafka", groups: ["Messaging"]), Tag(name: "Go", groups: ["Languages"])],
        services: [item("Streaming", "We stream events through Kafka topics.", kind: .service, tags: ["Kafka"])],
        caseStudies: [
            item("Bankvole", "A ledger.\n\nThe **Kafka** consumers were rewritten in Go."),
            item("Kafka migration", "Moved the cluster; kafka everywhere."),
            item("Seekmake", "Offsets in apachekafka were lost."),
            item("Crop2Cash", "Nothing about queues here."),
        ])

    @Test func tagsThenTitlesThenBodiesInAStableOrder() {
        let r = TagIndex(portfolio: Self.portfolio).rank("kafka")
        #expect(r.tags.map(\.tag.name) == ["Kafka"])
        #expect(r.items.map(\.item.title) == ["Kafka migration"])
        // Word-start matches first (portfolio order: the service, then Bankvole), then inside a word;
        // the title match is not listed twice.
        #expect(r.bodies.map(\.item.title) == ["Streaming", "Bankvole", "Seekmake"])
        #expect(r.bodies.map(\.kind) == [.wordStart, .wordStart, .subsequence])
        #expect(r.matchedBodies == 3)
        // Ranking twice gives the same answer.
        #expect(TagIndex(portfolio: Self.portfolio).rank("kafka") == r)
    }

    @Test func snippetDropsMarkupAndMarksTheMatch() throws {
        let index = TagIndex(portfolio: Self.portfolio)
        let m = try #require(index.rank("kafka consumers").bodies.first)
        #expect(m.item.title == "Bankvole")
        #expect(index.snippet(m) == BodyLine(text: "The Kafka consumers were rewritten in Go.", matchedOffsets: Array(4 ..< 19)))
        #expect(index.occurrence(m) == 0)
    }

    @Test func matchAtStartAndEndOfABody() throws {
        let index = TagIndex(portfolio: SearchFixtures.portfolio(tags: [], caseStudies: [
            Self.item("One", "Zookeeper first, then more text"), Self.item("Two", "more text, then zookeeper"),
        ]))
        let r = index.rank("zookeeper").bodies.map(index.snippet)
        #expect(r == [BodyLine(text: "Zookeeper first, then more text", matchedOffsets: Array(0 ..< 9)),
                      BodyLine(text: "more text, then zookeeper", matchedOffsets: Array(16 ..< 25))])
    }

    @Test func multibyteAndWideCharacters() throws {
        let index = TagIndex(portfolio: SearchFixtures.portfolio(tags: [], caseStudies: [
            Self.item("Café", "Un café crème à Zürich 東京 ok"), Self.item("E", "e\u{301}te\u{301} frais"),
        ]))
        let accent = try #require(index.rank("creme").bodies.first.map(index.snippet))
        #expect(accent.text == "Un café crème à Zürich 東京 ok")
        #expect(accent.matchedOffsets == Array(8 ..< 13))
        let wide = try #require(index.rank("東京").bodies.first.map(index.snippet))
        #expect(wide.matchedOffsets == [23, 24])
        // Decomposed accents: the mark stays with its letter in the snippet.
        let decomposed = try #require(index.rank("ete").bodies.first.map(index.snippet))
        #expect(decomposed.text == "e\u{301}te\u{301} frais")
        #expect(decomposed.matchedOffsets == [0, 1, 2])
    }

    @Test func controlCharactersNeverReachASnippet() throws {
        let hostile = "Safe \u{1B}[2J\u{1B}]52;c;AAAA\u{07} kafka \u{9B}31m tail\r\nnext"
        let index = TagIndex(portfolio: SearchFixtures.portfolio(tags: [], caseStudies: [Self.item("H", hostile)]))
        let m = try #require(index.rank("kafka").bodies.first.map(index.snippet))
        #expect(!m.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F ... 0x9F).contains($0.value) })
        let chars = Array(m.text)
        #expect(String(m.matchedOffsets.map { chars[$0] }) == "kafka")
    }

    @Test func linksCodeAndHeadingsReadAsText() throws {
        let body = """
        ## Kafka at scale
        - See [the Kafka docs](https://example.org/kafkadocs) and <https://kafka.example>.
        ```
        kafka-topics --create *x*
        ```
        <span class="x">Kafka</span> {{< figure src="kafka.png" >}} | kafka |
        """
        let index = TagIndex(portfolio: SearchFixtures.portfolio(tags: [], caseStudies: [Self.item("L", body)]))
        let text = index.bodies
        let all = String(decoding: text.bytes, as: UTF8.self)
        #expect(all == "kafka at scale see the kafka docs and https://kafka.example. kafka-topics --create *x* kafka kafka")
        let m = try #require(index.rank("the kafka").bodies.first.map(index.snippet))
        #expect(m.text == "See the Kafka docs and https://kafka.example.")
        #expect(index.rank("kafkadocs").bodies.isEmpty)   // a link's target is not text
        #expect(index.rank("create *x").bodies.count == 1) // code is kept as written
    }

    @Test func occurrenceCountsEarlierMatches() throws {
        let index = TagIndex(portfolio: SearchFixtures.portfolio(tags: [], caseStudies: [
            Self.item("O", "subkafka one, subkafka two, then Kafka proper"),
        ]))
        let m = try #require(index.rank("kafka").bodies.first)
        #expect(m.kind == .wordStart && index.occurrence(m) == 2)
    }

    @Test func shortQueriesSkipBodiesButCJKDoesNot() {
        let index = TagIndex(portfolio: SearchFixtures.portfolio(tags: [], caseStudies: [Self.item("C", "東 x")]))
        #expect(index.rank("x").bodies.isEmpty)
        #expect(index.rank("東").bodies.count == 1)
    }

    @Test func longLinesAreCutIntoBoundedSegments() throws {
        let long = String(repeating: "word ", count: 1_000) + "needle " + String(repeating: "word ", count: 1_000)
        let index = TagIndex(portfolio: SearchFixtures.portfolio(tags: [], caseStudies: [Self.item("Long", long)]))
        let m = try #require(index.rank("needle").bodies.first.map(index.snippet))
        #expect(m.text.count <= BodyText.segmentLimit)
        #expect(String(Array(m.text)[m.matchedOffsets.first! ... m.matchedOffsets.last!]) == "needle")
    }

    @Test func sessionMatchesAFreshRankingForBodies() {
        let index = TagIndex(portfolio: Self.portfolio)
        var session = TagSearchSession(index: index)
        for q in ["k", "ka", "kaf", "kafk", "kafka", "kafka ", "kafka c", "kafka", "ka fka", "kafka", "go", "g"] {
            #expect(session.rank(q) == index.rank(q), "\(q)")
        }
    }

    @Test func queriesAreBounded() {
        let index = TagIndex(portfolio: Self.portfolio)
        let long = String(repeating: "kafka ", count: 10_000)
        #expect(PreparedQuery(long).full.count <= PreparedQuery.limit)
        _ = index.rank(long)
    }
}
