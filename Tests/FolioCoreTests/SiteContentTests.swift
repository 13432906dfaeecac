import FolioContent
import Testing
@testable import FolioCore

@Suite struct SiteContentTests {
    @Test func datesShowAsDates() {
        #expect(DateLabel.display("2019-03-11") == "11 Mar 2019")
        #expect(DateLabel.display("2019-03-05T10:00:00+01:00") == "5 Mar 2019")
        #expect(DateLabel.display("2024-02-29 08:00") == "29 Feb 2024")
        #expect(DateLabel.display("2023-02-29") == "2023-02-29")
        #expect(DateLabel.display("2019-13-01") == "2019-13-01")
        #expect(DateLabel.display("spring 2019") == "spring 2019")
        #expect(DateLabel.display("2019-03-111") == "2019-03-111")
    }

    @Test func itemMetaLineShowsTheDate() throws {
        var portfolio = Fixtures.portfolio
        portfolio.caseStudies[0].date = "2019-03-11T10:00:00-05:00"
        let lines = try #require(PlainText(portfolio: portfolio, width: 60).show(portfolio.caseStudies[0].slug))
        #expect(lines[1].hasSuffix("· 11 Mar 2019"))
    }

    @Test func withoutAnEmailTheContactSectionSaysHowToGetInTouch() {
        var portfolio = Fixtures.portfolio
        portfolio.profile.email = ""
        var state = Fixtures.state(80, 24, portfolio)
        state.press("c")
        #expect(!state.composer.isOpen)
        #expect(state.section == .contact)
        #expect(state.screen.contains("There is no contact form here: get in touch through the links above."))
        state.press("enter")
        #expect(!state.composer.isOpen)
    }

    @Test func sectionIntroductionsComeBeforeTheItems() {
        var portfolio = Fixtures.portfolio
        portfolio.introductions[.caseStudy] = SectionIntroduction(title: "Posts", body: "Read *in place*.", path: "p/_index.md")
        let lines = PlainText(portfolio: portfolio, width: 60).portfolio()
        let heading = lines.firstIndex(of: "Case studies") ?? 0
        #expect(Array(lines[(heading + 2)...(heading + 4)]) == ["", "Posts", "Read in place."])
        #expect(lines[heading + 6] == portfolio.caseStudies[0].title)
    }
}
