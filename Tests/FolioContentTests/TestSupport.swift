import Foundation
@testable import FolioContent

/// Paths and scratch trees for loader tests.
enum TestSupport {
    /// Tests/FolioContentTests, found from this file so no bundle lookup is needed.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    static let repositoryRoot = URL(fileURLWithPath: testsDirectory).deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let bundledContent = repositoryRoot + "/Content"
    static func fixture(_ name: String) -> String { testsDirectory + "/Fixtures/" + name }

    /// The 23 tags of the seed's four stack groups (Helm appears in two).
    static let seedTags = [
        "Python", "Bash", "TypeScript", "Go", "Java", "Node.js",
        "Kubernetes", "Docker", "Docker Compose", "EKS", "GKE", "Helm",
        "Terraform", "Terragrunt", "Ansible", "GitOps",
        "Kafka", "RabbitMQ", "SQS", "PostgreSQL", "MongoDB", "Redis", "MySQL",
    ]
}

/// A throwaway content tree: a valid profile and stack unless a test overwrites them,
/// so each test sees only the diagnostics its own bad file causes.
struct ScratchTree {
    let root: String

    init(profile: Bool = true, stack: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("folio-content-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/services", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/case-studies", withIntermediateDirectories: true)
        if profile {
            try write("profile.md", "---\nname: Test\nheadline: Tester\nemail: a@example.com\n---\nHello.\n")
        }
        if stack {
            try write("stack.yml", """
                intro: Tools.
                groups:
                  - name: Messaging & data
                    tags: [Kafka, {name: PostgreSQL, aliases: [postgres, pg]}]
                  - name: Containers
                    tags: [{name: Kubernetes, aliases: [k8s]}, Helm]
                  - name: IaC
                    tags: [Helm]
                """)
        }
    }

    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, bytes: Array(text.utf8))
    }

    func write(_ relativePath: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root + "/" + relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func path(_ relativePath: String) -> String { root + "/" + relativePath }

    func load() -> Portfolio { ContentLoader.load(directory: root) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

extension ScratchTree {
    /// Diagnostics as `relative/path:line:col: severity: message`.
    func diagnostics() -> [String] { ScratchTree.relative(load().diagnostics, to: root) }

    static func relative(_ diagnostics: [Diagnostic], to root: String) -> [String] {
        diagnostics.map { diagnostic in
            var description = diagnostic.description
            if description.hasPrefix(root + "/") { description.removeFirst(root.count + 1) }
            return description
        }
    }

    /// Writes one service file, loads, and returns the diagnostics; the tree is removed.
    static func diagnostics(service name: String, _ text: String) throws -> [String] {
        try diagnostics(service: name, bytes: Array(text.utf8))
    }

    static func diagnostics(service name: String, bytes: [UInt8]) throws -> [String] {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/" + name, bytes: bytes)
        return tree.diagnostics()
    }
}
