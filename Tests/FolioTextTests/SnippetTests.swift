import Testing
@testable import FolioText

/// A search result's line of text around the match, fitted by display width.
@Suite struct SnippetTests {
    private func shown(_ s: Snippet) -> String {
        let chars = Array(s.text)
        return String(s.highlighted.map { chars[$0] })
    }

    @Test func shortLinesShowWhole() {
        let s = Snippet.fit("uses Kafka here", match: [5, 6, 7, 8, 9], width: 40)
        #expect(s.text == "uses Kafka here" && shown(s) == "Kafka")
    }

    @Test func matchAtTheStartKeepsTheStartAndCutsTheEnd() {
        let line = "Kafka " + String(repeating: "x", count: 100)
        let s = Snippet.fit(line, match: Array(0 ..< 5), width: 20)
        #expect(s.text.hasPrefix("Kafka ") && s.text.hasSuffix("…"))
        #expect(DisplayWidth.of(s.text) == 20 && shown(s) == "Kafka")
    }

    @Test func matchAtTheEndFillsTheWindowBeforeIt() {
        let line = String(repeating: "y", count: 100) + " Kafka"
        let s = Snippet.fit(line, match: Array(101 ..< 106), width: 20)
        #expect(s.text.hasPrefix("…") && s.text.hasSuffix(" Kafka"))
        #expect(DisplayWidth.of(s.text) == 20 && shown(s) == "Kafka")
    }

    @Test func matchInTheMiddleHasContextBefore() {
        let line = String(repeating: "a", count: 50) + "Kafka" + String(repeating: "b", count: 50)
        let s = Snippet.fit(line, match: Array(50 ..< 55), width: 30, ellipsis: "...")
        #expect(s.text.hasPrefix("...") && s.text.hasSuffix("..."))
        #expect(DisplayWidth.of(s.text) <= 30 && shown(s) == "Kafka")
        let before = s.text.distance(from: s.text.startIndex, to: s.text.firstIndex(of: "K")!)
        #expect(before >= 30 / 3 - 1)
    }

    @Test func wideCharactersCountTwoColumns() {
        let line = String(repeating: "東", count: 40) + "京都" + String(repeating: "東", count: 40)
        for width in [9, 10, 21, 30] {
            let s = Snippet.fit(line, match: [40, 41], width: width)
            #expect(DisplayWidth.of(s.text) <= width, "\(width)")
            #expect(shown(s) == "京都", "\(width)")
        }
    }

    @Test func controlAndBidiCharactersAreMarkedAndOffsetsStayRight() {
        let line = "a\u{1B}b \u{202E}evil kafka \u{9B}x"
        let s = Snippet.fit(line, match: Array(10 ..< 15), width: 80)
        #expect(!s.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E })
        #expect(shown(s) == "kafka")
    }

    @Test func tinyWidths() {
        #expect(Snippet.fit("hello", match: [0], width: 0).text == "")
        let s = Snippet.fit("hello world", match: [6], width: 1)
        #expect(DisplayWidth.of(s.text) <= 1)
    }
}
