import Testing
@testable import FolioContent

/// Hugo's third front matter format: a JSON object that opens the file.
@Suite struct JSONFrontMatterTests {
    @Test func aJSONObjectAtTheTopIsFrontMatter() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/json.md", """
            {
              "title": "JSON \\"quoted\\" \\u00e9",
              "tags": ["Kafka", "postgres"],
              "weight": 2,
              "draft": false,
              "params": {"nested": [1, {"deep": null}]}, "sector": "fintech"
            }
            Body with a { brace }.
            """)
        let portfolio = tree.load()
        let item = try #require(portfolio.services.first)
        #expect(item.title == "JSON \"quoted\" é")
        #expect(item.order == 2)
        #expect(item.sector == "fintech")
        #expect(item.tags == ["Kafka", "PostgreSQL"])
        #expect(item.body == "Body with a { brace }.")
        #expect(portfolio.diagnostics.isEmpty)
    }

    @Test func malformedJSONIsAnErrorWithAPosition() throws {
        #expect(try ScratchTree.diagnostics(service: "bad.md", "{\n  \"title\": \"A\",\n  \"tags\": [1 2]\n}\n") == [
            "services/bad.md:3:14: error: malformed JSON front matter: expected ',' or ']'",
        ])
        #expect(try ScratchTree.diagnostics(service: "open.md", "{\n  \"title\": \"A\"\n") == [
            "services/open.md:1:1: error: unterminated front matter: the '{' on line 1 has no matching '}'",
        ])
        #expect(try ScratchTree.diagnostics(service: "word.md", "{\"title\": nope}\n") == [
            "services/word.md:1:11: error: malformed JSON front matter: 'nope' is not a JSON value",
        ])
    }

    @Test func depthIsCappedWithoutRecursion() throws {
        let deep = "{\"title\": \"Deep\", \"x\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}\n"
        let diagnostics = try ScratchTree.diagnostics(service: "deep.md", deep)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasSuffix("error: malformed JSON front matter: nested deeper than 64 levels") == true)
    }
}
