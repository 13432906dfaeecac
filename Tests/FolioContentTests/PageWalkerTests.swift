import Glibc
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

    /// A page the listing calls a regular file is marked so (read without an fstat first); a
    /// symlinked page and a bundle's index are not, and are read as before.
    @Test func pagesTheListingCallsRegularAreMarked() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("s/a.md", "---\ntitle: A\n---\n")
        try tree.write("s/bundle/index.md", "---\ntitle: B\n---\n")
        #expect(symlink(tree.root + "/s/a.md", tree.root + "/s/c.md") == 0)
        let pages = PageWalker.walk(tree.root + "/s").pages
        #expect(pages.map(\.slug) == ["a", "bundle", "c"])
        #expect(pages.map(\.listedRegular) == [true, false, false] || pages.allSatisfy { !$0.listedRegular })
    }

    /// Hidden and underscore names are told by `hasPrefix`, which compares Characters: a '.'
    /// or '_' that a combining mark follows starts neither, and such a page is read.
    @Test func aDotWithACombiningMarkIsNotHidden() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        for name in ["s/.hidden.md", "s/_draft.md", "s/.\u{301}a.md", "s/_\u{301}b.md", "s/plain.md", "s/.d/x.md", "s/_d/y.md", "s/_\u{301}d/z.md"] {
            try tree.write(name, "---\ntitle: T\n---\n")
        }
        let pages = PageWalker.walk(tree.root + "/s").pages
        #expect(Set(pages.map(\.slug)) == [".\u{301}a", "_\u{301}b", "plain", "z"])
    }
}
