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
}
