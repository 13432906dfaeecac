import Testing
@testable import FolioContent
import FolioText

@Suite struct SuggestionTests {
    @Test func editDistanceCountsASwapAsOneEdit() {
        #expect(Suggestions.editDistance("Kafak", "Kafka") == 1)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("", "abc") == 3)
    }

    @Test func closestPrefersCaseThenDistanceWithinALimit() {
        #expect(Suggestions.closest(to: "KAFKA", in: ["Redis", "Kafka"]) == "Kafka")
        #expect(Suggestions.closest(to: "Postgress", in: ["PostgreSQL", "Postgres"]) == "Postgres")
        #expect(Suggestions.closest(to: "Cobol", in: ["Go", "Bash"]) == nil)
    }

    @Test func slugLookAlikes() {
        #expect(Suggestions.slugsLookAlike("bankvole", "bank-vole"))
        #expect(Suggestions.slugsLookAlike("crop2cash", "crop2cas"))
        #expect(!Suggestions.slugsLookAlike("api", "apx"))            // too short to judge
        #expect(!Suggestions.slugsLookAlike("bankvole", "seekmake"))
        #expect(!Suggestions.slugsLookAlike("same", "same"))
    }
}

@Suite struct LocatorTests {
    @Test func explicitThenEnvironmentThenBundled() {
        #expect(ContentLocator.resolve(explicit: "mine", environment: "env", executable: nil) == "mine")
        #expect(ContentLocator.resolve(explicit: nil, environment: "env", executable: nil) == "env")
        #expect(ContentLocator.resolve(explicit: "", environment: "", executable: nil) == ContentLocator.repositoryContent)
    }

    @Test func bundledLooksBesideTheExecutableFirst() throws {
        #expect(ContentLocator.bundledCandidates(executable: "/opt/folio/bin/folio") == [
            "/opt/folio/bin/../share/folio/Content", "/opt/folio/bin/Content", ContentLocator.repositoryContent,
        ])
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("bin/Content/profile.md", "---\nname: X\n---\n")
        #expect(ContentLocator.resolve(explicit: nil, environment: nil, executable: tree.path("bin/folio"))
                == tree.path("bin/Content"))
    }

    @Test func repositoryContentIsThisRepositorysContent() {
        #expect(ContentLocator.repositoryContent == TestSupport.bundledContent)
    }
}

@Suite struct JSONTests {
    @Test func escapesControlFormatAndSeparatorCharacters() {
        let value = JSONValue.string("a\"b\\c\n\t\u{1B}[31m\u{202E}x\u{2028}\u{7F}😀")
        #expect(value.rendered() == "\"a\\\"b\\\\c\\n\\t\\u001b[31m\\u202ex\\u2028\\u007f😀\"\n")
    }

    @Test func keepsKeyOrderAndIndents() {
        let value = JSONValue.object([("b", .int(1)), ("a", .array([.bool(true), .null])), ("e", .array([]))])
        #expect(value.rendered() == "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ],\n  \"e\": []\n}\n")
    }

    @Test func portfolioExportFollowsTheSchema() {
        let portfolio = ContentLoader.load(directory: TestSupport.bundledContent)
        guard case .object(let fields) = portfolio.json else { Issue.record("not an object"); return }
        #expect(fields.map(\.0) == ["schemaVersion", "profile", "services", "caseStudies", "introductions", "stack", "diagnostics"])
        #expect(fields[0].1 == .int(1))
    }
}
