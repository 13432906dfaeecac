import Testing
import FolioPOSIX

@Suite struct PathTests {
    @Test(arguments: [("/a", "b", "/a/b"), ("/a/", "b", "/a/b"), ("", "b", "b"), ("/", "b", "/b"), ("a", "b/c", "a/b/c"),
                     ("/straße", "café.md", "/straße/café.md"), ("/a", "", "/a/"), ("/é/", "x", "/é/x")])
    func joins(directory: String, name: String, joined: String) {
        #expect(Path.join(directory, name) == joined)
    }

    @Test(arguments: [("/a/b", "/a"), ("/a", "/"), ("a/b", "a"), ("a", nil)] as [(String, String?)])
    func parent(path: String, parent: String?) {
        #expect(Path.parent(path) == parent)
    }

    @Test(arguments: [("/a", "/a/b", "b"), ("/a/", "/a/b/c", "b/c"), ("a", "a/b", "b"), ("/", "/b", "b"),
                      ("/a", "/ab/c", nil), ("/a", "/a", nil), ("/a", "/a/", nil), ("", "b", nil), ("/a/b", "/a", nil),
                      ("/é", "/é/ü.md", "ü.md"), ("/e\u{301}", "/é/x", nil), ("/é", "/e\u{301}/x", nil), ("/a/", "/a/", nil),
                      ("/a", "/a//", "/"), ("/a", "/a/\u{301}", "\u{301}")] as [(String, String, String?)])
    func below(directory: String, path: String, name: String?) {
        #expect(Path.below(directory, path) == name)
        if let name { #expect(Path.join(directory, name) == path) }
    }
}
