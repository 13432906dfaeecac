import Testing
@testable import FolioText
import FolioTestSupport

/// Plain text of wrapped lines, for compact expectations.
func plainLines(_ spans: [Span], _ width: Int) -> [String] {
    wrap(spans, width: width).map(Text.plain)
}

@Suite struct WrapTests {
    @Test func greedyWordWrap() {
        #expect(plainLines([Span("the quick brown fox jumps")], 10) == ["the quick", "brown fox", "jumps"])
        #expect(plainLines([Span("fits")], 4) == ["fits"])
        #expect(plainLines([Span("a b")], 1) == ["a", "b"])
    }

    @Test func foldsWordsLongerThanTheLine() {
        #expect(plainLines([Span("abcdefghij")], 4) == ["abcd", "efgh", "ij"])
        #expect(plainLines([Span("go supercalifragilistic now")], 8) == ["go", "supercal", "ifragili", "stic now"])
    }

    @Test func hardBreaks() {
        #expect(plainLines([Span("one\ntwo")], 20) == ["one", "two"])
        #expect(plainLines([Span("a\n\nb")], 20) == ["a", "", "b"])
        #expect(plainLines([Span("a\n")], 20) == ["a", ""])
        #expect(plainLines([Span("x "), Span("\n", Style(.link)), Span(" y")], 20) == ["x", " y"])  // indent after a break is kept
    }

    @Test func spacesAtBreaksGoLeadingIndentStays() {
        #expect(plainLines([Span("  indented text here")], 10) == ["  indented", "text here"])
        #expect(plainLines([Span("a    b")], 3) == ["a", "b"])
        #expect(plainLines([Span("trailing   ")], 20) == ["trailing"])
        #expect(plainLines([Span("tab\tstop")], 20) == ["tab stop"])
    }

    @Test func cjkBreaksBetweenCharacters() {
        #expect(plainLines([Span("日本語のテキスト")], 5) == ["日本", "語の", "テキ", "スト"])
        #expect(plainLines([Span("Swift日本語")], 7) == ["Swift日", "本語"])
        #expect(plainLines([Span("日本")], 1) == ["?", "?"])
    }

    @Test func emojiAndCombiningMarks() {
        #expect(plainLines([Span("👩‍💻👩‍💻👩‍💻")], 4) == ["👩‍💻👩‍💻", "👩‍💻"])
        #expect(plainLines([Span("e\u{301}e\u{301}e\u{301}")], 2) == ["e\u{301}e\u{301}", "e\u{301}"])
    }

    @Test func stylesArePreservedAcrossSpansAndLines() {
        let bold = Style(.strong, .bold)
        let link = Style(.link, .underline)
        let lines = wrap([Span("plain "), Span("bold words", bold), Span(" and a "), Span("link text", link)], width: 12)
        #expect(lines == [
            [Span("plain "), Span("bold", bold)],
            [Span("words", bold), Span(" and a")],
            [Span("link text", link)],
        ])
        // A word made of two styles stays one word.
        #expect(wrap([Span("ab"), Span("cd", bold), Span(" ef")], width: 4) == [[Span("ab"), Span("cd", bold)], [Span("ef")]])
    }

    @Test func degenerateInput() {
        #expect(wrap([Span("abc")], width: 0).isEmpty)
        #expect(wrap([Span("abc")], width: -5).isEmpty)
        #expect(wrap([], width: 10).isEmpty)
        #expect(wrap([Span("")], width: 10).isEmpty)
        #expect(plainLines([Span("   ")], 10) == [""])
    }

    @Test func randomTextNeverOverflowsAndKeepsEveryWord() {
        var rng = SplitMix64(seed: 0xF0110)
        let alphabet: [String] = ["a", "b", "c", " ", " ", "  ", "\n", "日", "本", "👍", "👩‍💻", "e\u{301}",
                                  "🇯🇵", "-", "x", "y", "z", "\t", "é", "語"]
        let styles = [Style.plain, Style(.strong, .bold), Style(.link, .underline)]
        for _ in 0..<500 {
            var spans: [Span] = []
            for _ in 0..<Int(rng.next() % 5) {
                var text = ""
                for _ in 0..<Int(rng.next() % 30) { text += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
                spans.append(Span(text, styles[Int(rng.next() % 3)]))
            }
            let width = Int(rng.next() % 12) + 1
            let lines = wrap(spans, width: width)
            for line in lines {
                #expect(Text.width(line) <= width, "\(spans) at \(width)")
            }
            // Nothing but whitespace is lost (wide characters at width 1 become "?").
            let squeeze = { (s: String) in s.filter { $0 != " " && $0 != "\n" && $0 != "\t" } }
            let input = squeeze(spans.map(\.text).joined())
            let output = squeeze(lines.map(Text.plain).joined())
            if width > 1 { #expect(input == output, "\(spans) at \(width)") }
        }
    }
}
