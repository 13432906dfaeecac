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
        #expect(DisplayWidth.of("👩‍💻") == 2)  // ZWJ sequence: its first emoji
        #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2)
        #expect(DisplayWidth.of("❤") == 1)  // text presentation by default
        #expect(DisplayWidth.of("😀\u{FE0F}") == 2)
    }

    /// ncurses advances by glibc's wcwidth of a cell's first character: VS16 after a one-column
    /// character does not make it two columns (folio said 2; stale letters stayed on screen).
    @Test func vs16AfterANarrowCharacterStaysOneColumn() {
        #expect(DisplayWidth.of("❤️") == 1)
        #expect(DisplayWidth.of("✔️") == 1)
        #expect(DisplayWidth.of("☺️") == 1)
        #expect(DisplayWidth.of("1️⃣") == 1)  // keycap
        #expect(DisplayWidth.of("I ❤️ Go") == 6)
        #expect(DisplayWidth.cells(of: "❤️").map(\.text) == ["❤"])
    }

    @Test func flagsAreTwoColumns() {
        #expect(DisplayWidth.of("🇯🇵") == 2)
        #expect(DisplayWidth.of("🇯🇵🇫🇷") == 4)
        #expect(DisplayWidth.of("🏴󠁧󠁢󠁳󠁣󠁴󠁿") == 2)  // tag sequence
    }

    /// Every cell holds what one ncurses cell can: a spacing character and at most four
    /// zero-width ones, never a ZWJ at its end; the widths add up to the cluster's.
    @Test func clustersBecomeTheCellsATerminalDraws() {
        func cells(_ c: Character) -> [String] {
            DisplayWidth.cells(of: c).map { "\($0.text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "+"))/\($0.width)" }
        }
        #expect(cells("👨‍👩‍👧") == ["1f468/2"])                   // the first emoji, no dangling ZWJ
        #expect(cells("🏳️‍🌈") == ["1f3f3/1"])                     // 🏳 is one column; VS16 dropped
        #expect(cells("👍🏽") == ["1f44d/2"])                     // skin tone dropped
        #expect(cells("🇯🇵") == ["4a/1", "50/1"])                // a flag becomes its letters: J P
        #expect(cells("🏴󠁧󠁢󠁳󠁣󠁴󠁿") == ["1f3f4/2"])                    // tag characters dropped
        #expect(cells("1️⃣") == ["31+20e3/1"])
        #expect(cells("e\u{301}\u{302}") == ["65+301+302/1"])
        #expect(cells("कि") == ["915/1", "93f/1"])                 // a spacing vowel sign: its own cell
        #expect(cells(Character("e" + String(repeating: "\u{301}", count: 9))) == ["65+301+301+301+301/1"])
        #expect(cells("\u{301}") == [])                            // nothing spacing: no cell
        #expect(cells("日") == ["65e5/2"])
        for cluster in ["👨‍👩‍👧", "🇯🇵", "कि", "❤️", "👍🏽", "日", "é"] as [Character] {
            #expect(DisplayWidth.cells(of: cluster).reduce(0) { $0 + $1.width } == DisplayWidth.of(cluster))
        }
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
