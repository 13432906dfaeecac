import Foundation
import Testing
@testable import FolioContent

/// Files that cannot become text: each is skipped with one error at the right place.
@Suite struct LoaderFileErrorTests {
    @Test func unreadableFileIsReportedAndSkipped() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/good.md", "---\ntitle: Good\n---\n")
        try FileManager.default.createSymbolicLink(atPath: tree.path("services/gone.md"),
                                                   withDestinationPath: tree.path("nowhere"))
        try FileManager.default.createDirectory(atPath: tree.path("services/folder.md"), withIntermediateDirectories: false)
        #expect(tree.diagnostics() == [
            "services/folder.md:1:1: error: cannot read file: Is a directory",
            "services/gone.md:1:1: error: cannot read file: No such file or directory",
        ])
        #expect(tree.load().services.map(\.slug) == ["good"])
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() throws {
        // "Café" with the é cut short: the bad byte is on line 2 after "title: Caf".
        let bytes = Array("---\ntitle: Caf".utf8) + [0xC3, 0x28] + Array(" x\n---\n".utf8)
        #expect(try ScratchTree.diagnostics(service: "bad.md", bytes: bytes) == [
            "services/bad.md:2:11: error: invalid UTF-8: byte 0xC3 at offset 14",
        ])
    }

    @Test func invalidUTF8ColumnsCountCharactersNotBytes() throws {
        let bytes = Array("---\ntitle: ☕☕".utf8) + [0xFF] + Array("\n---\n".utf8)
        #expect(try ScratchTree.diagnostics(service: "cup.md", bytes: bytes) == [
            "services/cup.md:2:10: error: invalid UTF-8: byte 0xFF at offset 17",
        ])
    }

    @Test func nulByteIsReported() throws {
        let bytes = Array("---\ntitle: Nul\n---\nbody".utf8) + [0] + Array("here\n".utf8)
        #expect(try ScratchTree.diagnostics(service: "nul.md", bytes: bytes) == [
            "services/nul.md:4:5: error: file contains a NUL byte (offset 23); is it a binary file?",
        ])
    }

    @Test func fileOverTheSizeCapIsRefusedAndOneAtTheCapLoads() throws {
        let tree = try ScratchTree()
        defer { tree.remove() }
        let header = "---\ntitle: Big\n---\n"
        let atCap = header + String(repeating: "x", count: SourceText.sizeCap - header.utf8.count)
        try tree.write("services/at-cap.md", atCap)
        try tree.write("services/over-cap.md", atCap + "x")
        #expect(tree.diagnostics() == [
            "services/over-cap.md:1:1: error: file is 1048577 bytes, over the 1 MiB size cap (1048576 bytes)",
        ])
        #expect(tree.load().services.map(\.slug) == ["at-cap"])
    }

    @Test func byteOrderMarkAndCRLFLineEndingsLoadWithTruePositions() throws {
        let text = "\u{FEFF}---\r\ntitle: Windows\r\ntags: [Kafka]\r\ncolour: red\r\n---\r\nBody\r\n"
        let tree = try ScratchTree()
        defer { tree.remove() }
        try tree.write("services/windows.md", text)
        #expect(tree.diagnostics() == ["services/windows.md:4:1: warning: unknown key 'colour' is ignored"])
        #expect(tree.load().services.first?.body == "Body")
    }
}
