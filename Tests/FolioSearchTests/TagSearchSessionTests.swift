import FolioContent
import Testing
@testable import FolioSearch

@Suite("Tag search session")
struct TagSearchSessionTests {
    let index = TagIndex(portfolio: SearchFixtures.seedLike)

    /// Whatever the sequence of edits, the session answers exactly what a fresh ranking would.
    @Test(arguments: [
        ["p", "po", "pos", "post", "postg", "postgres"],
        ["k", "k8", "k8s", "k8", "k", "", "ka", "kaf"],
        ["bank", "ban", "ba", "b", "bx", "b"],
        ["node", "node ", "node j", "node js", "nodejs"],
        ["e", "et", "etl", "etl & d", "etl & data"],
        ["sql", "sq", "sqlx", "s", "rab"],
        ["pyth", "pythö", "pythön", "python"],
    ])
    func matchesAFreshRankingAfterEveryEdit(_ edits: [String]) {
        var session = TagSearchSession(index: index)
        for query in edits {
            #expect(session.rank(query) == index.rank(query), "\(query)")
            #expect(session.rank(query, limit: 2) == index.rank(query, limit: 2), "\(query) limit 2")
        }
    }

    @Test func limitCapsEachGroupAndKeepsTheCounts() {
        let full = index.rank("s")
        let capped = index.rank("s", limit: 2)
        #expect(full.tags.count > 2)
        #expect(capped.tags == Array(full.tags.prefix(2)))
        #expect(capped.items == Array(full.items.prefix(2)))
        #expect(capped.matchedTags == full.tags.count)
        #expect(capped.matchedItems == full.items.count)
        #expect(index.rank("", limit: 3).tags.count == 3)
        #expect(index.rank("", limit: 3).matchedTags == 13)
    }
}
