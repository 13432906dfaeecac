import Testing
@testable import FolioSearch

/// Finding a query in a page already laid out in lines (what n/N step through).
@Suite("Page search")
struct PageSearchTests {
    @Test func findsEveryOccurrenceWithGraphemeOffsets() {
        let lines = ["Kafka and kafka", "", "  café KAFKA"]
        let found = PageSearch.occurrences(of: "kafka", in: lines)
        #expect(found == [
            PageOccurrence(line: 0, start: 0, endLine: 0, end: 5),
            PageOccurrence(line: 0, start: 10, endLine: 0, end: 15),
            PageOccurrence(line: 2, start: 7, endLine: 2, end: 12),
        ])
        #expect(PageSearch.occurrences(of: "cafe", in: lines) == [PageOccurrence(line: 2, start: 2, endLine: 2, end: 6)])
    }

    @Test func aPhraseWrappedOverTwoLinesIsFound() {
        let lines = ["the event", "   streaming platform"]
        #expect(PageSearch.occurrences(of: "event  streaming", in: lines)
                    == [PageOccurrence(line: 0, start: 4, endLine: 1, end: 12)])
    }

    @Test func wideAndCombiningCharactersCountAsOneGrapheme() {
        let lines = ["東京 e\u{301}te\u{301} 東京"]
        #expect(PageSearch.occurrences(of: "東京", in: lines).map(\.start) == [0, 7])
        #expect(PageSearch.occurrences(of: "ete", in: lines) == [PageOccurrence(line: 0, start: 3, endLine: 0, end: 6)])
    }

    @Test func emptyQueriesAndManyMatchesAreBounded() {
        #expect(PageSearch.occurrences(of: "   ", in: ["a b"]).isEmpty)
        let many = [String(repeating: "ab ", count: 20_000)]
        #expect(PageSearch.occurrences(of: "ab", in: many).count == PageSearch.limit)
    }
}
