import Glibc
import Testing
@testable import FolioContent

/// A section's pages are opened from the folder's descriptor; a folder that cannot be opened
/// so (a symlink) is read by whole paths, with the same result.
@Suite struct PageFolderTests {
    static let page = "---\ntitle: From the folder\ntags: [a]\n---\nBody.\n"

    @Test func aPageIsOpenedFromTheFoldersDescriptor() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/sub/one.md", Self.page)
        let folder = try #require(PageFolder.open(tree.path("services")))
        defer { folder.close() }
        // The folder's path names nothing on disk: only the descriptor can find the page.
        let elsewhere = PageFolder(descriptor: folder.descriptor, path: "/nonexistent-folio-folder")
        var diagnostics: [Diagnostic] = []
        let item = PageReader.item(at: "/nonexistent-folio-folder/sub/one.md", kind: .service, fileSlug: "one",
                                   folder: elsewhere, into: &diagnostics)
        #expect(item?.item.title == "From the folder" && diagnostics.isEmpty)
        // Without it the whole path is opened, and the diagnostic names it.
        #expect(PageReader.item(at: "/nonexistent-folio-folder/sub/one.md", kind: .service, fileSlug: "one",
                                into: &diagnostics) == nil)
        #expect(diagnostics.map(\.description) ==
            ["/nonexistent-folio-folder/sub/one.md:1:1: error: cannot read file: No such file or directory"])
    }

    @Test func aSymlinkedSectionFolderLoadsAsTheFolderItself() throws {
        let real = try ScratchTree(), linked = try ScratchTree()
        defer { real.remove(); linked.remove() }
        for index in 0..<70 {   // enough pages for the loader's threads
            try real.write("services/page-\(index).md", index == 3 ? "---\ntitle: [open\n---\n" : Self.page)
        }
        #expect(rmdir(linked.path("services")) == 0)
        #expect(symlink(real.path("services"), linked.path("services")) == 0)
        #expect(PageFolder.open(linked.path("services")) == nil)
        let direct = real.load(), throughLink = linked.load()
        #expect(direct.services.count == 69 && throughLink.services.count == 69)
        #expect(!direct.diagnostics.isEmpty)
        #expect(direct.diagnostics.map { $0.description.replacing(real.root, with: "ROOT") }
                    == throughLink.diagnostics.map { $0.description.replacing(linked.root, with: "ROOT") })
    }
}
