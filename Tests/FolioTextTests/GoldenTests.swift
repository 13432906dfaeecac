import Foundation
import Testing
@testable import FolioText

/// Golden text: a representative document rendered at 20, 40 and 80 columns, compared with
/// files in `.golden/` next to this file (a hidden folder, so SwiftPM does not warn about
/// unhandled files in the test target). `FOLIO_UPDATE_GOLDEN=1 swift test --filter Golden`
/// rewrites them; read the diff before committing.
@Suite struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent(".golden")

    @Test(arguments: [20, 40, 80])
    func documentMatchesGolden(width: Int) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent("document.md"), encoding: .utf8)
        let lines = Layout.lines(Markdown.parse(source), width: width)
        for line in lines {
            #expect(Text.width(line) <= width, "\(Text.plain(line))")
        }
        try compare(lines.map(Text.plain), golden: "document-\(width).txt")
    }

    @Test(arguments: [20, 40])
    func asciiGlyphsMatchGolden(width: Int) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent("document.md"), encoding: .utf8)
        let lines = Layout.lines(Markdown.parse(source), width: width, glyphs: .ascii)
        try compare(lines.map(Text.plain), golden: "document-ascii-\(width).txt")
    }

    /// What raw HTML, Hugo shortcodes, footnotes and long code lines degrade to.
    @Test(arguments: ["footnotes", "inline-html", "shortcode", "long-code"], [30, 60])
    func degradedMarkdownMatchesGolden(name: String, width: Int) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name + ".md"), encoding: .utf8)
        let lines = Layout.lines(Markdown.parse(source), width: width)
        for line in lines {
            #expect(Text.width(line) <= width, "\(Text.plain(line))")
        }
        try compare(lines.map(Text.plain), golden: "\(name)-\(width).txt")
    }

    private func compare(_ lines: [String], golden name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        let rendered = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, (got, want)) in zip(lines + [""], expectedLines).enumerated() where got != want {
            Issue.record("\(name):\(index + 1): got \"\(got)\", want \"\(want)\"")
            break
        }
        #expect(rendered == expected, "\(name) differs; FOLIO_UPDATE_GOLDEN=1 rewrites it")
    }
}
