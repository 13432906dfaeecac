import Testing
@testable import FolioContent
import FolioTestSupport

/// `FrontMatter.split` scans bytes lazily; it must split exactly as the whole-file
/// `Character`-line split it replaced (kept here as the reference).
@Suite struct FrontMatterSplitTests {
    static func reference(_ text: String) -> Result<SplitDocument, SourceProblem> {
        func trimmed(_ line: Substring) -> String {
            var end = line.endIndex
            while end > line.startIndex, [" ", "\t"].contains(line[line.index(before: end)]) { end = line.index(before: end) }
            return String(line[..<end])
        }
        func body(_ lines: ArraySlice<Substring>) -> String {
            var slice = lines
            while let first = slice.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { slice = slice.dropFirst() }
            var text = slice.joined(separator: "\n")
            while let last = text.last, last.isWhitespace { text.removeLast() }
            return text
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let format: FrontMatterFormat
        switch trimmed(lines[0]) {
        case "---": format = .yaml
        case "+++": format = .toml
        default: return .success(SplitDocument(format: nil, frontMatter: "", frontMatterFirstLine: 1, body: body(lines[...])))
        }
        let closers: Set<String> = format == .yaml ? ["---", "..."] : ["+++"]
        guard let close = lines.indices.dropFirst().first(where: { closers.contains(trimmed(lines[$0])) }) else {
            return .failure(SourceProblem(position: .start, message: "unterminated"))
        }
        return .success(SplitDocument(format: format, frontMatter: Substring(lines[1..<close].joined(separator: "\n")),
                                      frontMatterFirstLine: 2, body: body(lines[(close + 1)...])))
    }

    static func same(_ a: Result<SplitDocument, SourceProblem>, _ b: Result<SplitDocument, SourceProblem>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)):
            return x.format == y.format && x.frontMatter == y.frontMatter && x.body == y.body
                && x.frontMatterFirstLine == y.frontMatterFirstLine
        case (.failure, .failure): return true
        default: return false
        }
    }

    @Test func splitsAsTheCharacterLineReference() {
        let pieces = ["---", "...", "+++", "\n", "\n", " ", "\t", "\r", "\r\n", "title: x", "é", "\u{301}", "-", "  \n"]
        var random = LCG64(seed: 7)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var splits = 0
        for _ in 0..<20_000 {
            var text = next(4) == 0 ? "" : ["---", "+++", "--- ", "---\t"][next(4)] + "\n"
            for _ in 0..<next(12) { text += pieces[next(pieces.count)] }
            let got = FrontMatter.split(text), want = Self.reference(text)
            #expect(Self.same(got, want), "\(text.debugDescription)")
            if case .success(let doc) = want, doc.format != nil { splits += 1 }
        }
        #expect(splits > 1_000)
    }

    @Test func keepsLinesOfFencesAndBody() throws {
        let doc = try FrontMatter.split("---\ntitle: A\n--- \n\n  \nBody\n\n").get()
        #expect(doc.format == .yaml && doc.frontMatter == "title: A" && doc.body == "Body")
        let toml = try FrontMatter.split("+++\n+++").get()
        #expect(toml.format == .toml && toml.frontMatter == "" && toml.body == "")
        #expect((try? FrontMatter.split("---\ntitle: A\n").get()) == nil)
    }
}
