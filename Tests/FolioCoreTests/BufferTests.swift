import FolioText
import Testing
@testable import FolioCore

@Suite struct BufferTests {
    @Test func putClipsAtTheEdgeAndMaxWidth() {
        var b = Buffer(width: 6, height: 2)
        #expect(b.put("abcdefgh", x: 2, y: 0) == 4)
        #expect(b.lines()[0] == "  abcd")
        #expect(b.put("xyz", x: 0, y: 1, maxWidth: 2) == 2)
        #expect(b.lines()[1] == "xy    ")
        #expect(b.put("nothing", x: 0, y: 5) == 0)
    }

    @Test func wideCharacterThatDoesNotFitBecomesASpace() {
        var b = Buffer(width: 5, height: 1)
        b.put("ab漢字", x: 0, y: 0)
        #expect(b.lines() == ["ab漢 "])
        #expect(b[3, 0].isContinuation)
        #expect(b[4, 0] == Cell(text: " ", width: 1))
    }

    @Test func overwritingHalfAWideCharacterRepairsTheOtherHalf() {
        var b = Buffer(width: 6, height: 1)
        b.put("漢字漢", x: 0, y: 0)
        b.put("x", x: 1, y: 0)        // the right half of 漢
        #expect(b.lines() == [" x字漢"])
        b.put("y", x: 2, y: 0)        // the left half of 字
        #expect(b.lines() == [" xy 漢"])
        for line in b.lines() { #expect(DisplayWidth.of(line) == 6) }
    }

    /// Each cell is as wide as ncurses advances for it ("I ❤️i Go" kept a stale letter when ❤️
    /// counted two columns), and a ZWJ sequence is one cell with no ZWJ left to join a border.
    @Test func emojiCellsAreAsWideAsTheTerminalAdvances() {
        var b = Buffer(width: 12, height: 2)
        #expect(b.put("I ❤️i Go", x: 0, y: 0) == 7)
        #expect(b.lines()[0] == "I ❤i Go     ")
        #expect(b.put("👨‍👩‍👧│🇯🇵│", x: 0, y: 1) == 6)
        #expect(b.lines()[1] == "👨│JP│      ")
        #expect(b[0, 1] == Cell(text: "👨", width: 2))
        #expect(!b.lines().joined().unicodeScalars.contains("\u{200D}"))
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var b = Buffer(width: 8, height: 1)
        b.put("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(!b.lines()[0].contains("\u{1B}"))
        #expect(b.lines()[0].hasPrefix("a?[2Jb"))
    }

    @Test func combiningMarksStayWithTheirBase() {
        var b = Buffer(width: 4, height: 1)
        b.put("e\u{301}x", x: 0, y: 0)
        #expect(b[0, 0].text == "e\u{301}")
        #expect(b.lines() == ["e\u{301}x  "])
    }

    @Test func diffReportsOnlyChangedRuns() {
        var old = Buffer(width: 10, height: 3)
        old.put("hello", x: 0, y: 1)
        var new = old
        new.put("J", x: 0, y: 1)
        new.put("zz", x: 7, y: 2)
        let runs = new.diff(from: old)
        #expect(runs.map { [$0.x, $0.y, $0.cells.count] } == [[0, 1, 1], [7, 2, 2]])
        #expect(new.diff(from: new).isEmpty)
    }

    @Test func diffWritesWideCharactersWhole() {
        var old = Buffer(width: 6, height: 1)
        old.put("漢", x: 2, y: 0)
        var new = old
        new.put("字", x: 2, y: 0)
        let runs = new.diff(from: old)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2 && runs[0].cells.first?.text == "字")
        #expect(runs.allSatisfy { !$0.cells[0].isContinuation })
    }

    @Test func diffAfterResizeRepaintsEverything() {
        let old = Buffer(width: 4, height: 2)
        let new = Buffer(width: 5, height: 2)
        #expect(new.diff(from: old).map(\.cells.count) == [5, 5])
    }

    @Test func styledLinesKeepTheirStyles() {
        var b = Buffer(width: 10, height: 1)
        b.put([Span("ab", Style(.tag)), Span("cd", Style(.muted, .bold))], x: 1, y: 0)
        #expect(b[1, 0].style == Style(.tag))
        #expect(b[3, 0].style == Style(.muted, .bold))
        b.restyle(x: 0, y: 0, width: 3) { _ in Style(.selection, .reverse) }
        #expect(b[2, 0].style.attributes.contains(.reverse))
        #expect(!b[3, 0].style.attributes.contains(.reverse))
    }
}
