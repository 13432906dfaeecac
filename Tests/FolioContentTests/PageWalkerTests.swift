import Testing
@testable import FolioContent

@Suite struct PageWalkerTests {
    @Test(arguments: [("a.md", "a"), ("a.MarkDown", "a"), ("café.mdown", "café"), ("a.b.md", "a.b"), ("_index.md", "_index"),
                      (".md", nil), ("a.txt", nil), ("a.md.bak", nil), ("noext", nil), ("a.", nil), ("a.mdx", nil),
                      ("a.MD", "a"), ("a.mD", "a"), ("a.m", nil), ("a.mdow", nil), ("a.m\u{0}d", nil), ("a.MARKDOWN", "a"),
                      ("a.mar\u{212A}down", "a"), ("a.m-", nil), ("a.MdOwN", "a"), ("a.\u{00E9}md", nil), ("a.Md", "a")]
            as [(String, String?)])
    func markdownStems(name: String, stem: String?) {
        #expect(PageWalker.markdownStem(name) == stem)
    }
}
