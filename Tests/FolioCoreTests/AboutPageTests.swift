@testable import FolioCore
import Testing

/// The profile body becomes About pages at its `## ` headings (split by line feed bytes).
@Suite struct AboutPageTests {
    @Test func headingsStartPagesAndFencesHideThem() {
        let body = "Hi, I build backends.\n\n## Experience ##\nKafka\n```\n## not a heading\n```\n## Café\nline"
        let pages = AboutPage.split(body)
        #expect(pages.map(\.title) == ["Introduction", "Experience", "Café"])
        #expect(pages[0].markdown == "Hi, I build backends.\n")
        #expect(pages[1].markdown == "Kafka\n```\n## not a heading\n```")
        #expect(pages[2].markdown == "line")
    }

    @Test func anEmptyIntroductionIsDroppedAndAnEmptyBodyKeepsOnePage() {
        #expect(AboutPage.split("\n  \n## Only\ntext").map(\.title) == ["Only"])
        let empty = AboutPage.split("")
        #expect(empty.count == 1)
        #expect(empty[0].title == "Introduction")
        #expect(empty[0].markdown == "")
    }

    @Test func linesKeepEveryScalarAroundTheLineFeeds() {
        // Combining marks after a line feed, ZWJ emoji, wide characters and a lone CR: each line
        // comes back whole, and the line feeds are the only places split.
        let lines = ["e\u{301}te\u{301}", "\u{301}mark first", "👩‍💻 dev 日本語", "lone\rcarriage", "", "end"]
        let pages = AboutPage.split(lines.joined(separator: "\n"))
        #expect(pages.count == 1)
        #expect(pages[0].markdown.unicodeScalars.elementsEqual(lines.joined(separator: "\n").unicodeScalars))
        #expect(pages[0].markdown.utf8.split(separator: 10, omittingEmptySubsequences: false).count == lines.count)
    }
}
