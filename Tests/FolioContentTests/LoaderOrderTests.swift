import Testing
@testable import FolioContent

/// The loader's order: by `order` (0, unset, last), then title ignoring case, then slug; a
/// duplicate slug's later file leaves and the rest keep their places.
@Suite struct LoaderOrderTests {
    static func page(_ title: String, order: Int?, slug: String? = nil) -> String {
        "---\ntitle: \(title)\n" + (order.map { "order: \($0)\n" } ?? "") + (slug.map { "slug: \($0)\n" } ?? "") + "---\nBody.\n"
    }

    @Test func orderThenTitleIgnoringCaseThenSlug() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("profile.md", "---\nname: N\n---\n")
        try tree.write("stack.yml", "groups: []\n")
        try tree.write("services/a-unset.md", Self.page("Unset", order: nil))
        try tree.write("services/b-second.md", Self.page("zeta", order: 2))
        try tree.write("services/c-second.md", Self.page("Alpha", order: 2))
        try tree.write("services/d-second.md", Self.page("ALPHA", order: 2, slug: "aaa"))
        try tree.write("services/e-first.md", Self.page("Last title", order: 1))
        try tree.write("services/f-zero.md", Self.page("Also unset", order: 0))
        try tree.write("case-studies/x.md", Self.page("Case", order: 5))
        try tree.write("case-studies/y.md", Self.page("Case", order: 5, slug: "c-second"))
        for threads in [1, 2] {
            let portfolio = ContentLoader.load(directory: tree.root, threads: threads)
            #expect(portfolio.services.map(\.slug) == ["e-first", "aaa", "c-second", "b-second", "f-zero", "a-unset"])
            // y.md repeats c-second's slug: it is dropped, and x stays.
            #expect(portfolio.caseStudies.map(\.slug) == ["x"])
            #expect(portfolio.diagnostics.contains { $0.path.hasSuffix("y.md") && $0.message.hasPrefix("duplicate slug 'c-second'") })
        }
    }

    /// Duplicates scattered through a section: the kept items are the first of each slug, in
    /// file order, and every dropped file has its error.
    @Test func duplicatesLeaveInPlace() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("profile.md", "---\nname: N\n---\n")
        try tree.write("stack.yml", "groups: []\n")
        for i in 0..<100 {
            let slug = i % 10 == 3 ? "dup-\(i % 20)" : "page-\(i)"
            try tree.write("services/p\(1000 + i).md", Self.page("T \(i)", order: i + 1, slug: slug))
        }
        let portfolio = ContentLoader.load(directory: tree.root, threads: 2)
        let expected = (0..<100).filter { $0 % 10 != 3 || $0 < 20 }
            .map { $0 % 10 == 3 ? "dup-\($0 % 20)" : "page-\($0)" }
        #expect(portfolio.services.map(\.slug) == expected)
        #expect(portfolio.diagnostics.filter { $0.message.hasPrefix("duplicate slug") }.count == 8)
    }
}
