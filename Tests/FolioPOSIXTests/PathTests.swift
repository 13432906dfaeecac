import Testing
import FolioPOSIX

@Suite struct PathTests {
    @Test(arguments: [("/a", "b", "/a/b"), ("/a/", "b", "/a/b"), ("", "b", "b"), ("/", "b", "/b"), ("a", "b/c", "a/b/c")])
    func joins(directory: String, name: String, joined: String) {
        #expect(Path.join(directory, name) == joined)
    }

    @Test(arguments: [("/a/b", "/a"), ("/a", "/"), ("a/b", "a"), ("a", nil)] as [(String, String?)])
    func parent(path: String, parent: String?) {
        #expect(Path.parent(path) == parent)
    }
}
