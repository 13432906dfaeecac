import Testing
@testable import FolioContent

@Suite struct PageWalkerTests {
    @Test(arguments: [("a.md", "a"), ("a.MarkDown", "a"), ("café.mdown", "café"), ("a.b.md", "a.b"), ("_index.md", "_index"),
                      (".md", nil), ("a.txt", nil), ("a.md.bak", nil), ("noext", nil), ("a.", nil), ("a.mdx", nil)]
            as [(String, String?)])
    func markdownStems(name: String, stem: String?) {
        #expect(PageWalker.markdownStem(name) == stem)
    }
}
