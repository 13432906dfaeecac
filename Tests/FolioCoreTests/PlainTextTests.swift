import FolioContent
import FolioText
import Testing
@testable import FolioCore

@Suite struct PlainTextTests {
    let text = PlainText(portfolio: Fixtures.portfolio, width: 60)

    @Test func oneItemWithItsTags() throws {
        let lines = try #require(text.show("case-studies/bankvole"))
        #expect(lines.first == "Bankvole")
        #expect(lines.contains("Tags: PostgreSQL, Kafka, TypeScript, Node.js"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
        #expect(text.show("bankvole") == lines)
    }

    @Test func aTagByNameOrAlias() throws {
        let lines = try #require(text.show("postgres"))
        #expect(lines.first == "PostgreSQL")
        #expect(lines.contains { $0.contains("Bankvole") })
        #expect(text.show("nothing-like-it") == nil)
    }

    @Test func everythingInSectionOrder() {
        let lines = text.portfolio()
        let headings = ["About", "Services", "Case studies", "Stack", "Contact"].map { lines.firstIndex(of: $0) }
        #expect(headings.allSatisfy { $0 != nil })
        #expect(headings.compactMap { $0 } == headings.compactMap { $0 }.sorted())
        for item in Fixtures.portfolio.items { #expect(lines.contains(item.title), "\(item.title)") }
        #expect(lines.contains { $0.contains("Python (used by 0)") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
    }

    @Test func bareURLLinksShowOnce() {
        var portfolio = Fixtures.portfolio
        portfolio.profile.links = [Link(label: "https://x.example/me", url: "https://x.example/me")]
        let contact = PlainText(portfolio: portfolio, width: 60).portfolio().filter { $0.contains("x.example") }
        #expect(contact.count == 1)
        #expect(contact.first?.ranges(of: "https://x.example/me").count == 1)
    }

    @Test func controlCharactersInContentAreMadeVisible() throws {
        var portfolio = Fixtures.portfolio
        portfolio.caseStudies[0].title = "Bank\u{1B}[2Jvole\u{202E}"
        let lines = try #require(PlainText(portfolio: portfolio, width: 60).show("bankvole"))
        #expect(!lines.joined().contains("\u{1B}") && !lines.joined().contains("\u{202E}"))
    }
}

@Suite struct AnsiTextTests {
    @Test func attributesAlwaysColourOnlyWhenAsked() {
        var state = Fixtures.state()
        state.press("3")
        let buffer = render(state)
        let plain = AnsiText.lines(buffer, theme: .dark, colours: 0).joined()
        let coloured = AnsiText.lines(buffer, theme: .dark, colours: 256).joined()
        #expect(plain.contains("\u{1B}[0;1;7m"))          // the reversed selection bar
        #expect(!plain.contains(";36m") && coloured.contains(";36m"))
        // Every line leaves the terminal in the plain style: its last sequence is a bare reset.
        for line in AnsiText.lines(buffer, theme: .dark, colours: 256) {
            guard let last = line.ranges(of: "\u{1B}[").last else { continue }
            #expect(line[last.upperBound...].hasPrefix("0m"), "\(line)")
        }
    }
}
