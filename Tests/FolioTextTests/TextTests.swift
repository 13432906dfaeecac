import Testing
@testable import FolioText

@Suite struct TextTests {
    @Test func clipLeavesShortTextAlone() {
        #expect(Text.clip("hello", width: 5) == "hello")
        #expect(Text.clip("hello", width: 9) == "hello")
    }

    @Test func clipCutsWithEllipsis() {
        #expect(Text.clip("hello world", width: 8) == "hello w…")
        #expect(Text.clip("hello", width: 1) == "…")
        #expect(Text.clip("hello", width: 0) == "")
        #expect(Text.clip("hello", width: -3) == "")
        #expect(Text.clip("hello world", width: 8, ellipsis: "...") == "hello...")
        #expect(Text.clip("hello", width: 2, ellipsis: "...") == "he")
    }

    @Test func clipNeverSplitsWideCharacters() {
        #expect(Text.clip("日本語", width: 5) == "日本…")
        #expect(Text.clip("日本語", width: 4) == "日…")
        #expect(DisplayWidth.of(Text.clip("日本語", width: 4)) <= 4)
        #expect(Text.clip("e\u{301}e\u{301}e\u{301}", width: 2) == "e\u{301}…")
    }

    @Test func padFillsToWidth() {
        #expect(Text.pad("ab", width: 4) == "ab  ")
        #expect(Text.pad("ab", width: 4, alignment: .right) == "  ab")
        #expect(Text.pad("ab", width: 5, alignment: .center) == " ab  ")
        #expect(Text.pad("日本", width: 5) == "日本 ")
        #expect(Text.pad("abcdef", width: 4) == "abc…")
        #expect(Text.pad("x", width: 0) == "")
    }

    @Test func styledClipKeepsStyles() {
        let bold = Style(.strong, .bold)
        let line: StyledLine = [Span("ab"), Span("cdef", bold)]
        #expect(Text.clip(line, width: 4) == [Span("ab"), Span("c", bold), Span("…", bold)])
        #expect(Text.clip(line, width: 6) == line)
        #expect(Text.width(Text.pad(line, width: 9)) == 9)
        #expect(Text.plain(Text.pad(line, width: 8, alignment: .right)) == "  abcdef")
    }

    @Test func cutIsAPrefix() {
        #expect(Text.cut("abc", width: 2) == "ab")
        #expect(Text.cut("a日", width: 2) == "a")
        #expect(Text.cut("abc", width: 0) == "")
    }

    @Test func glyphSetsDiffer() {
        #expect(Glyphs.unicode.bullet(depth: 0) == "•")
        #expect(Glyphs.unicode.bullet(depth: 3) == "•")
        #expect(Glyphs.ascii.bullet(depth: 1) == "-")
        for glyph in [Glyphs.ascii.horizontal, Glyphs.ascii.vertical, Glyphs.ascii.ellipsis] {
            #expect(glyph.utf8.allSatisfy { $0 < 0x80 })
        }
    }
}
