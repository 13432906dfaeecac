import Testing
@testable import FolioText

@Suite struct SanitiserTests {
    @Test func plainTextIsUnchanged() {
        #expect(Sanitiser.clean("Hello, world") == "Hello, world")
        #expect(Sanitiser.clean("tab\there\nnewline") == "tab\there\nnewline")
        #expect(Sanitiser.clean("日本語 café e\u{301} 👩‍💻 🇯🇵") == "日本語 café e\u{301} 👩‍💻 🇯🇵")
    }

    @Test func escapeSequencesBecomeVisible() {
        #expect(Sanitiser.clean("\u{1B}[2J") == "␛[2J")
        #expect(Sanitiser.clean("a\u{1B}]0;title\u{7}b") == "a␛]0;title␇b")
    }

    @Test func c0ControlsAndDelBecomeControlPictures() {
        #expect(Sanitiser.clean("\u{0}") == "␀")
        #expect(Sanitiser.clean("x\u{8}y") == "x␈y")
        #expect(Sanitiser.clean("\u{7F}") == "␡")
        #expect(Sanitiser.clean("\u{1F}") == "␟")
    }

    @Test func carriageReturns() {
        #expect(Sanitiser.clean("a\r\nb") == "a\nb")
        #expect(Sanitiser.clean("a\rb") == "a␍b")
    }

    @Test func c1ControlsBecomeMarkers() {
        #expect(Sanitiser.clean("\u{9B}31m") == "<U+009B>31m")
        #expect(Sanitiser.clean("\u{85}") == "<U+0085>")
    }

    @Test func bidiControlsBecomeMarkers() {
        #expect(Sanitiser.clean("abc\u{202E}fed") == "abc<U+202E>fed")
        #expect(Sanitiser.clean("\u{2066}x\u{2069}") == "<U+2066>x<U+2069>")
        #expect(Sanitiser.clean("\u{200E}\u{200F}\u{61C}") == "<U+200E><U+200F><U+061C>")
        for v: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x2067, 0x2068] {
            let s = String(Unicode.Scalar(v)!)
            #expect(Sanitiser.clean(s) == "<U+\(String(v, radix: 16, uppercase: true))>")
        }
    }

    @Test func zeroWidthFormatCharactersBecomeMarkers() {
        #expect(Sanitiser.clean("pay\u{200B}pal") == "pay<U+200B>pal")
        #expect(Sanitiser.clean("a\u{200C}b") == "a<U+200C>b")
        #expect(Sanitiser.clean("\u{FEFF}x") == "<U+FEFF>x")
        #expect(Sanitiser.clean("a\u{2060}b") == "a<U+2060>b")
        #expect(Sanitiser.clean("soft\u{AD}hyphen") == "softhyphen")
    }

    @Test func zeroWidthJoinerOnlyInsideEmoji() {
        #expect(Sanitiser.clean("👩‍💻") == "👩‍💻")
        #expect(Sanitiser.clean("a\u{200D}b") == "a<U+200D>b")
        #expect(Sanitiser.clean("👍\u{200D}") == "👍<U+200D>")  // dangling joiner
        #expect(Sanitiser.clean("x\u{E0041}") == "x<U+E0041>")  // stray tag character
    }

    @Test func cleanLineFlattensBreaks() {
        #expect(Sanitiser.cleanLine("a\nb\tc") == "a b c")
        #expect(Sanitiser.cleanLine("a\r\nb") == "a b")
        #expect(Sanitiser.cleanLine("\u{1B}[1mx\n") == "␛[1mx ")
        #expect(Sanitiser.cleanLine("plain") == "plain")
    }

    @Test func lineSeparatorsBecomeNewlines() {
        #expect(Sanitiser.clean("a\u{2028}b\u{2029}c") == "a\nb\nc")
    }

    @Test func cleanedTextHasNoControls() {
        var all = String.UnicodeScalarView()
        for v in 0..<0x100 { all.append(Unicode.Scalar(UInt8(v))) }
        let cleaned = Sanitiser.clean(String(all))
        for scalar in cleaned.unicodeScalars {
            let v = scalar.value
            #expect(v == 0x09 || v == 0x0A || (v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v)))
        }
        #expect(cleaned.hasPrefix("␀␁␂"))
    }

    @Test func decodeReplacesInvalidUTF8() {
        #expect(Sanitiser.decode([0x61, 0xFF, 0x62]) == "a\u{FFFD}b")
        #expect(Sanitiser.decode([0xC3]) == "\u{FFFD}")  // truncated sequence
        let surrogate = Sanitiser.decode([0xED, 0xA0, 0x80])
        #expect(!surrogate.isEmpty && surrogate.allSatisfy { $0 == "\u{FFFD}" })
        #expect(Sanitiser.decode([0xE6, 0x97, 0xA5]) == "日")
        #expect(Sanitiser.decode([0xEF, 0xBB, 0xBF, 0x61]) == "a")  // BOM dropped
        #expect(Sanitiser.decode([UInt8]()) == "")
    }

    @Test func decodedNulIsMarkedByClean() {
        #expect(Sanitiser.clean(Sanitiser.decode([0x61, 0x00, 0x62])) == "a␀b")
    }

    /// A letter with 500,000 combining marks took 9 s to render: a character keeps the four
    /// marks a terminal cell holds, and a marker says how many were dropped.
    @Test func combiningMarksAreCappedPerCharacterWithAMarker() {
        let heavy = "a" + String(repeating: "\u{301}", count: 500_000) + "b"
        #expect(Sanitiser.clean(heavy) == "a\u{301}\u{301}\u{301}\u{301}<+499996 marks>b")
        #expect(Sanitiser.cleanLine("e\u{301}\u{302}") == "e\u{301}\u{302}")       // a few stay as they are
        #expect(Sanitiser.clean("ệ\u{301}\u{302}\u{303}") == "ệ\u{301}\u{302}\u{303}")
        #expect(Sanitiser.clean("🏴󠁧󠁢󠁳󠁣󠁴󠁿") == "🏴󠁧󠁢󠁳󠁣󠁴󠁿")                                      // tag characters are not marks
    }
}
