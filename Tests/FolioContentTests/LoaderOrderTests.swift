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

    /// Tags are resolved as each page is read, but only a kept item's findings are reported:
    /// a file dropped for a duplicate slug gets that error alone.
    @Test func droppedDuplicatesReportNoTagFindings() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("profile.md", "---\nname: N\ntags: [kafka, Nope]\n---\n")
        try tree.write("stack.yml", "groups:\n  - name: Data\n    tags: [Kafka]\n")
        for i in 0..<70 {   // past parallelPages, so the workers resolve them
            let slug = i == 40 ? "page-3" : "page-\(i)"
            try tree.write("services/p\(100 + i).md", "---\ntitle: T\(i)\nslug: \(slug)\ntags: [kafka, Unknown\(i), Kafka]\n---\n")
        }
        let portfolio = ContentLoader.load(directory: tree.root, threads: 2)
        let lines = portfolio.diagnostics.map(\.description)
        #expect(portfolio.services.count == 69)
        #expect(portfolio.services.allSatisfy { $0.tags.first == "Kafka" })
        #expect(lines.contains { $0.contains("p140.md") && $0.contains("duplicate slug 'page-3'") })
        #expect(!lines.contains { $0.contains("p140.md") && $0.contains("tag") })
        #expect(lines.filter { $0.contains("Unknown") }.count == 69)
        #expect(lines.filter { $0.contains("listed twice") }.count == 69)
        #expect(lines.contains { $0.contains("profile.md") && $0.contains("tag 'Nope'") })
        #expect(ContentLoader.load(directory: tree.root, threads: 1).diagnostics.map(\.description) == lines)
    }
}
