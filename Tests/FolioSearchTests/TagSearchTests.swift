import FolioContent
import Testing
@testable import FolioSearch

@Suite("Tag search ranking")
struct TagSearchTests {
    let index = TagIndex(portfolio: SearchFixtures.seedLike)

    private func names(_ r: SearchResults) -> [String] { r.tags.map(\.tag.name) }

    @Test func ordersExactThenPrefixThenWordStartThenSubsequence() {
        let r = TagIndex(portfolio: SearchFixtures.sqlLadder).rank("sql")
        #expect(names(r) == ["SQL", "SQL Server", "SQLite", "PostgreSQL", "MySQL", "NoSQL", "Sequel"])
        #expect(r.tags.map(\.kind) == [.exact, .prefix, .prefix, .wordStart, .wordStart, .wordStart, .subsequence])
    }

    @Test func breaksTiesByUsageThenName() {
        let r = TagIndex(portfolio: SearchFixtures.sqlLadder).rank("sql")
        // SQL Server (used by 1) before SQLite (0); PostgreSQL (2) before MySQL and NoSQL (0, by name).
        #expect(r.tags.map(\.usedBy) == [0, 1, 0, 2, 0, 0, 1])
    }

    @Test func postRanksPostgreSQLFirst() {
        let r = index.rank("post")
        #expect(r.tags.first?.tag.name == "PostgreSQL")
        #expect(r.tags.first?.kind == .prefix)
        #expect(r.tags.first?.matchedAlias == nil, "the name matches as well as the alias, so the name is shown")
        #expect(r.tags.first?.matchedOffsets == [0, 1, 2, 3])
    }

    @Test func aliasesFindTheirTag() {
        let k8s = index.rank("k8s")
        #expect(names(k8s) == ["Kubernetes"])
        #expect(k8s.tags[0].matchedAlias == "k8s")
        #expect(k8s.tags[0].kind == .exact)
        #expect(k8s.tags[0].aliasOffsets == [0, 1, 2])
        #expect(k8s.tags[0].matchedOffsets.isEmpty)

        let postgres = index.rank("postgres")
        #expect(postgres.tags.first?.tag.name == "PostgreSQL")
        #expect(postgres.tags.first?.matchedAlias == "postgres")
        #expect(postgres.tags.first?.kind == .exact, "the alias is exact, better than the name's prefix")

        let psq = index.rank("psq")
        #expect(psq.tags.first?.tag.name == "PostgreSQL")
        #expect(psq.tags.first?.matchedAlias == "psql")
        #expect(psq.tags.first?.kind == .prefix)
    }

    @Test func ignoresAccents() {
        #expect(index.rank("postgrés").tags.first?.tag.name == "PostgreSQL")
        let python = index.rank("Pythön")
        #expect(names(python) == ["Python"])
        #expect(python.tags[0].kind == .exact)
        #expect(python.tags[0].matchedOffsets == [0, 1, 2, 3, 4, 5])
        // Decomposed input: o + combining diaeresis.
        #expect(names(index.rank("Pytho\u{308}n")) == ["Python"])
    }

    @Test func accentedNamesMatchPlainQueriesWithGraphemeOffsets() {
        let p = SearchFixtures.portfolio(tags: [Tag(name: "Crème Brûlée"), Tag(name: "Straße"),
                                                Tag(name: "Cafe\u{301} Ops")])
        let index = TagIndex(portfolio: p)
        #expect(index.rank("creme brulee").tags.map(\.kind) == [.exact])
        let brul = index.rank("BRUL")
        #expect(brul.tags.map(\.tag.name) == ["Crème Brûlée"])
        #expect(brul.tags[0].kind == .wordStart)
        #expect(brul.tags[0].matchedOffsets == [6, 7, 8, 9])
        // ß folds to two letters but is one grapheme.
        let strasse = index.rank("strasse")
        #expect(strasse.tags.map(\.kind) == [.exact])
        #expect(strasse.tags[0].matchedOffsets == [0, 1, 2, 3, 4, 5])
        // e + combining acute is one grapheme: "ops" starts at grapheme 5, not 6.
        #expect(index.rank("ops").tags.first?.matchedOffsets == [5, 6, 7])
        #expect(index.rank("café").tags.first?.matchedOffsets == [0, 1, 2, 3])
    }

    @Test func ignoresCase() {
        for q in ["KAFKA", "kAfKa", "kafka", "  kafka  "] {
            let r = index.rank(q)
            #expect(names(r) == ["Kafka"], "\(q)")
            #expect(r.tags.first?.kind == .exact, "\(q)")
        }
    }

    @Test func emptyQueryListsEveryTagByUsageThenNameAndNoItems() {
        for q in ["", "   "] {
            let r = index.rank(q)
            #expect(r.totalTags == 13)
            #expect(names(r) == ["PostgreSQL", "TypeScript", "Kafka", "Node.js", "MongoDB", "Python",
                                 "Rascal MPL", "Docker Compose", "GitOps", "Go", "Helm", "Kubernetes",
                                 "RabbitMQ"])
            #expect(r.tags.map(\.usedBy) == [4, 4, 3, 3, 1, 1, 1, 0, 0, 0, 0, 0, 0])
            #expect(r.tags.allSatisfy { $0.kind == .unfiltered && $0.matchedOffsets.isEmpty })
            #expect(r.items.isEmpty)
        }
    }

    @Test func noMatchIsEmptyButKeepsTheTotal() {
        let r = index.rank("zzqx")
        #expect(r.isEmpty)
        #expect(r.totalTags == 13)
        #expect(r.query == "zzqx")
    }

    @Test func noTagsAtAll() {
        let index = TagIndex(portfolio: SearchFixtures.portfolio(tags: []))
        #expect(index.rank("").tags.isEmpty)
        #expect(index.rank("").totalTags == 0)
        #expect(index.rank("kafka").isEmpty)
    }

    @Test func itemTitlesMatchInTheirOwnGroup() {
        let bank = index.rank("bank")
        #expect(bank.tags.isEmpty)
        #expect(bank.items.map(\.item.title) == ["Bankvole"])
        #expect(bank.items[0].kind == .prefix)
        #expect(bank.items[0].matchedOffsets == [0, 1, 2, 3])

        let cash = index.rank("cash")
        #expect(cash.items.map(\.item.title) == ["Crop2Cash"])
        #expect(cash.items[0].kind == .wordStart)
        #expect(cash.items[0].matchedOffsets == [5, 6, 7, 8])

        let data = index.rank("data")
        #expect(data.items.map(\.item.title) == ["ETL & data movement"])
    }

    @Test func itemTitlesNeedContiguousLettersOrWordStarts() {
        #expect(index.rank("bnkv").items.isEmpty, "scattered letters over a title are noise")
        let vole = index.rank("kvol")
        #expect(vole.items.map(\.item.title) == ["Bankvole"])
        #expect(vole.items[0].kind == .subsequence)
        #expect(vole.items[0].matchedOffsets == [3, 4, 5, 6])
        let driven = index.rank("driven & serv")
        #expect(driven.items.map(\.item.title) == ["Event-driven & serverless"])
        #expect(driven.items.first?.kind == .wordStart)
        let amp = index.rank("n & s")
        #expect(amp.items.map(\.item.title) == ["Event-driven & serverless"])
        #expect(amp.items.first?.kind == .subsequence)
        #expect(amp.items.first?.matchedOffsets == [11, 13, 15])
    }

    @Test func itemsRankByKindThenPortfolioOrder() {
        let r = index.rank("e")
        // Prefix "Event-driven…" and "ETL…" (services, in order) before word starts and substrings.
        #expect(r.items.prefix(2).map(\.item.title) == ["Event-driven & serverless", "ETL & data movement"])
        #expect(r.items.map(\.kind) == r.items.map(\.kind).sorted())
    }

    @Test func highlightsWordStartsAndSubsequences() {
        #expect(index.rank("script").tags.first?.matchedOffsets == [4, 5, 6, 7, 8, 9])
        let dc = index.rank("dc")
        #expect(dc.tags.first?.tag.name == "Docker Compose")
        #expect(dc.tags.first?.kind == .wordStart)
        #expect(dc.tags.first?.matchedOffsets == [0, 7])
        let kbs = index.rank("kbs")
        #expect(kbs.tags.first?.tag.name == "Kubernetes")
        #expect(kbs.tags.first?.kind == .subsequence)
        #expect(kbs.tags.first?.matchedOffsets == [0, 2, 9])
        // Spacing in the query does not matter past exact and prefix.
        let nodeJS = index.rank("node js")
        #expect(nodeJS.tags.first?.tag.name == "Node.js")
        #expect(nodeJS.tags.first?.matchedOffsets == [0, 1, 2, 3, 5, 6])
    }

    @Test func countsItemsOncePerTagResolvingAliasesAndCase() {
        #expect(index.usedBy("PostgreSQL") == 4)
        #expect(index.usedBy("postgres") == 4)
        #expect(index.usedBy("Helm") == 0)
        #expect(index.usedBy("nonexistent") == 0)
        #expect(index.items(using: "Kafka").map(\.title) == ["Event-driven & serverless", "Bankvole", "Crop2Cash"])
        #expect(index.tag(named: "K8S")?.name == "Kubernetes")
    }

    @Test func oneShotRankAgreesWithTheIndex() {
        #expect(TagSearch.rank(query: "ka", portfolio: SearchFixtures.seedLike) == index.rank("ka"))
    }

    @Test func incrementalTypingNarrowsMonotonically() {
        var previous = Set(index.rank("").tags.map(\.tag.name))
        for end in "rabbitmq".indices.dropFirst() {
            let now = Set(index.rank(String("rabbitmq"[..<end])).tags.map(\.tag.name))
            #expect(now.isSubset(of: previous))
            previous = now
        }
        #expect(previous == ["RabbitMQ"])
    }

    @Test func repetitiveLongTitlesStayBounded() {
        let title = Array(repeating: "a", count: 200).joined(separator: " ")
        let p = SearchFixtures.portfolio(tags: [], services: [SearchFixtures.service(title, [])])
        let r = TagIndex(portfolio: p).rank(String(repeating: "a", count: 40))
        #expect(r.items.count == 1, "word starts exist for every a; the match is found or falls back")
    }
}
