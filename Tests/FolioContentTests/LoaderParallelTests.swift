import Testing
@testable import FolioContent

/// Pages are read on several threads once a folder has `parallelPages` of them; the
/// portfolio, and the order of its diagnostics, are those of one thread.
@Suite struct LoaderParallelTests {
    /// 180 pages: good ones, broken YAML, a missing title, unknown tags, drafts, duplicate
    /// and look-alike slugs, invalid UTF-8, spread over both sections.
    static func tree() throws -> ScratchTree {
        let tree = try ScratchTree()
        for i in 0..<180 {
            let folder = i % 3 == 0 ? "services" : "case-studies"
            let name = "\(folder)/page-\(i / 7)-\(["alpha", "bravo", "charlie"][i % 3])\(i % 5 == 0 ? "x" : "").md"
            switch i % 9 {
            case 0: try tree.write(name, "---\ntitle: [unclosed\n---\nBody \(i).\n")
            case 1: try tree.write(name, "---\nsummary: no title \(i)\n---\n")
            case 2: try tree.write(name, "---\ntitle: Tags \(i)\ntags: [Kafka, kafak, k8s, Kafka]\n---\nBody.\n")
            case 3: try tree.write(name, "---\ntitle: Draft \(i)\ndraft: true\n---\n")
            case 4: try tree.write(name, "---\ntitle: Same \(i)\nslug: shared-slug\n---\n")
            case 5: try tree.write(name, bytes: Array("---\ntitle: Bad \(i)\n---\n".utf8) + [0xC3, 0x28])
            default: try tree.write(name, "---\ntitle: Page \(i)\norder: \(i % 4)\nunknown_key: 1\n---\nBody \(i).\n")
            }
        }
        return tree
    }

    @Test func severalThreadsLoadWhatOneLoads() throws {
        let tree = try Self.tree()
        defer { tree.remove() }
        let one = ContentLoader.load(directory: tree.root, threads: 1)
        #expect(one.items.count > 50)
        #expect(one.diagnostics.count > 100)
        #expect(one.diagnostics.contains { $0.message.hasPrefix("duplicate slug 'shared-slug'") })
        #expect(one.diagnostics.contains { $0.message.hasPrefix("invalid UTF-8") })
        for threads in [2, 3, 8] {
            let many = ContentLoader.load(directory: tree.root, threads: threads)
            #expect(many == one, "\(threads) threads")
            #expect(many.diagnostics.map(\.description) == one.diagnostics.map(\.description))
        }
    }

    /// A stack file of `overlapStackBytes` or more is read while the folders are walked: the
    /// profile's, the stack file's, folio.toml's and the folders' diagnostics come out as
    /// when they are read one after the other.
    @Test func aLargeStackReadBesideTheWalksLoadsWhatOneThreadLoads() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        var stack = "groups:\n  - name: Languages\n    mystery: 1\n    tags:\n"
        var i = 0
        while stack.utf8.count < ContentLoader.overlapStackBytes + 1_000 {
            stack += "      - {name: \"Tag\(i)\", aliases: [\"t\(i)\"]}\n"
            i += 1
        }
        stack += "      - Tag0\n"
        try tree.write("stack.yml", stack)
        try tree.write("stack.toml", "")
        try tree.write("profile.md", "---\nname: Ada\nheadline: [unclosed\n---\n")
        try tree.write("folio.toml", "services = [\"offers\"]\ncase-studies = [\"case-studies\"]\nmystery = 2\n")
        for page in 0..<70 {
            try tree.write("case-studies/page-\(page).md", "---\ntitle: Page \(page)\ntags: [Tag\(page), t1, Nope]\n---\nBody.\n")
        }
        try tree.write("case-studies/deeper/nested.md", "---\ntitle: [unclosed\n---\n")
        try tree.write("extra/lost.md", "---\ntitle: Lost\n---\n")
        let one = ContentLoader.load(directory: tree.root, threads: 1)
        #expect(one.caseStudies.count == 70)
        #expect(one.stack.groups.first?.tags.count == i)
        for expected in ["stack.yml", "stack.toml", "profile.md", "offers", "nested.md", "extra"] {
            #expect(one.diagnostics.contains { $0.path.hasSuffix(expected) }, "a diagnostic for \(expected)")
        }
        let two = ContentLoader.load(directory: tree.root, threads: 2)
        #expect(two == one)
        #expect(two.diagnostics.map(\.description) == one.diagnostics.map(\.description))
    }
}
