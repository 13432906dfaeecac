import Foundation
import FolioText
import Testing
@testable import FolioCore

/// Compares text with Tests/FolioCoreTests/Golden/NAME.txt. FOLIO_UPDATE_GOLDEN=1 rewrites the
/// file instead. Trailing spaces are dropped on both sides so the files stay editor-friendly;
/// exact widths are checked separately.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop(while: { $0 == " " }).reversed()) }
            .joined(separator: "\n") + "\n"
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name).txt; run with FOLIO_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "screen \(name) differs from Golden/\(name).txt", sourceLocation: sourceLocation)
    }

    /// A rendered screen: every row exactly as wide as the screen, and the text as in the file.
    static func check(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let buffer = render(state)
        for line in buffer.lines() {
            #expect(DisplayWidth.of(line) == state.width, "row width in \(name): \(line)", sourceLocation: sourceLocation)
        }
        check(name, buffer.lines().joined(separator: "\n"), sourceLocation: sourceLocation)
    }
}
