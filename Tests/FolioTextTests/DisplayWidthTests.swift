import Testing
@testable import FolioText

@Suite struct DisplayWidthTests {
    @Test func asciiCountsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("hello, world") == 12)
        #expect(DisplayWidth.of(Character("A")) == 1)
    }

    @Test func controlsAreZeroWide() {
        #expect(DisplayWidth.of("a\u{7}b") == 2)
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("\u{7F}\u{9B}") == 0)
        #expect(DisplayWidth.of("a\r\nb") == 2)
    }

    @Test func cjkIsTwoColumns() {
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("日本語abc") == 9)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｱ") == 1)  // halfwidth katakana
        #expect(DisplayWidth.of("Ａ") == 2)  // fullwidth latin
        #expect(DisplayWidth.of("\u{20000}") == 2)  // CJK Extension B
    }

    @Test func emojiIsTwoColumns() {
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)  // skin tone modifier joins the cluster
        #expect(DisplayWidth.of("👩‍💻") == 2)  // ZWJ sequence
        #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2)
        #expect(DisplayWidth.of("❤") == 1)  // text presentation by default
        #expect(DisplayWidth.of("❤️") == 2)  // VS16 asks for emoji presentation
        #expect(DisplayWidth.of("1️⃣") == 2)  // keycap
    }

    @Test func flagsAreTwoColumns() {
        #expect(DisplayWidth.of("🇯🇵") == 2)
        #expect(DisplayWidth.of("🇯🇵🇫🇷") == 4)
        #expect(DisplayWidth.of("🏴󠁧󠁢󠁳󠁣󠁴󠁿") == 2)  // tag sequence
    }

    @Test func combiningMarksAreZeroWide() {
        let decomposed = "e\u{301}"
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of("caf\u{E9}") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("a\u{20DD}") == 1)  // enclosing mark (Me)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
    }

    @Test func zeroWidthCharactersAreZeroWide() {
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("\u{200D}") == 0)
        #expect(DisplayWidth.of("\u{FEFF}") == 0)
        #expect(DisplayWidth.of("a\u{FE0F}") == 1)  // VS16 after a non-emoji changes nothing
        #expect(DisplayWidth.of("\u{1160}") == 0)  // Hangul medial vowel
    }

    @Test func ambiguousWidthIsNarrow() {
        #expect(DisplayWidth.of("…") == 1)
        #expect(DisplayWidth.of("•◦▪─│") == 5)
        #expect(DisplayWidth.of("αβγ") == 3)
    }
}
