import FolioText
import Testing
@testable import FolioCore

/// OSC 8: when folio decides a terminal shows hyperlinks, and the bytes it writes for a frame.
@Suite struct HyperlinkTests {
    @Test(arguments: [
        ([:], false),
        (["TERM": "xterm-256color"], false),
        (["TERM": "xterm"], false),
        (["TERM": "linux"], false),
        (["TERM": "tmux-256color"], false),
        (["TERM": "screen-256color"], false),
        (["TERM": "xterm-256color", "VTE_VERSION": "7200"], true),
        (["TERM": "xterm-256color", "VTE_VERSION": "4800"], false),
        (["TERM": "xterm-256color", "VTE_VERSION": "many"], false),
        (["TERM": "xterm-256color", "KONSOLE_VERSION": "230805"], true),
        (["TERM": "xterm-256color", "KONSOLE_VERSION": "201200"], false),
        (["TERM": "xterm-256color", "WT_SESSION": "a-b-c"], true),
        (["TERM": "xterm-kitty"], true),
        (["TERM": "foot"], true),
        (["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], true),
        (["TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"], false),
        // Inside tmux or screen the outer terminal is unknown: off, whatever leaked in.
        (["TERM": "screen-256color", "TERM_PROGRAM": "WezTerm"], false),
        (["TERM": "tmux-256color", "VTE_VERSION": "7200"], false),
        (["TERM": "xterm-256color", "VTE_VERSION": "7200", "TMUX": "/tmp/tmux-0/default,1,0"], false),
        (["TERM": "xterm-kitty", "STY": "1.pts-0.host"], false),
        // The switch decides outright.
        (["TERM": "xterm-256color", "FOLIO_HYPERLINKS": "1"], true),
        (["TERM": "tmux-256color", "TMUX": "x", "FOLIO_HYPERLINKS": "1"], true),
        (["TERM": "xterm-kitty", "FOLIO_HYPERLINKS": "0"], false),
        (["TERM": "xterm-kitty", "FOLIO_HYPERLINKS": "yes"], true),   // not 1 or 0: detection
        (["TERM": "xterm-256color", "FOLIO_HYPERLINKS": "yes"], false),
    ])
    func detection(_ environment: [String: String], _ expected: Bool) {
        #expect(Hyperlinks.supported(environment: environment) == expected)
    }

    static let empty = Buffer(width: 0, height: 0)
    /// Attributes only, as with NO_COLOR.
    static func plainLook(_ style: Style) -> Look { Theme.dark.look(style, colours: 0) }
    static func sgr(_ style: Style) -> String { AnsiText.sgr(plainLook(style)) }
    static let linkStyle = Style(.link, .underline, link: 1)

    static func frame(_ url: String, text: String = "site", link: UInt16 = 1) -> Buffer {
        var buffer = Buffer(width: 20, height: 2)
        buffer.put("see ", x: 0, y: 1)
        buffer.put(text, x: 4, y: 1, style: Style(.link, .underline, link: link))
        buffer.links = [url]
        return buffer
    }

    static func overlay(_ after: Buffer, over before: Buffer = empty, look: (Style) -> Look = plainLook) -> String {
        Hyperlinks.overlay(after.diff(from: before), before: before, after: after, look: look)
    }

    @Test func aLinkIsRewrittenInsideOSC8AndTheCursorRestored() {
        let buffer = Self.frame("https://example.com/a b")
        let bytes = Self.overlay(buffer) { Theme.dark.look($0, colours: 256) }
        let look = AnsiText.sgr(Theme.dark.look(Style(.link, .underline, link: 1), colours: 256))
        #expect(bytes == "\u{1B}7\u{1B}[2;5H\u{1B}]8;;https://example.com/a%20b\u{1B}\\" + look + "site"
                + "\u{1B}]8;;\u{1B}\\\u{1B}[0m\u{1B}8")
    }

    @Test func aWideLinkIsWrittenWholeOnce() {
        let buffer = Self.frame("https://e.example", text: "日本")
        #expect(Self.overlay(buffer) == "\u{1B}7\u{1B}[2;5H\u{1B}]8;;https://e.example\u{1B}\\" + Self.sgr(Self.linkStyle) + "日本"
                + "\u{1B}]8;;\u{1B}\\\u{1B}[0m\u{1B}8")
    }

    @Test func noLinkNoBytes() {
        var buffer = Buffer(width: 10, height: 1)
        buffer.put("plain", x: 0, y: 0)
        #expect(Self.overlay(buffer) == "")
        // A link number the frame has no target for writes nothing either.
        var orphan = Self.frame("https://e.example")
        orphan.links = []
        #expect(Self.overlay(orphan) == "")
        // Nor does an unchanged frame: its links are on the screen already.
        let shown = Self.frame("https://e.example")
        #expect(Self.overlay(shown, over: shown) == "")
    }

    @Test func onlyTheChangedLinkCellsAreRewritten() {
        let before = Self.frame("https://e.example")
        var after = before
        after.put("seen", x: 0, y: 1)
        #expect(Self.overlay(after, over: before) == "")   // the link did not change
        let focused = Style(.selection, .reverse, link: 1)
        after.put("si", x: 4, y: 1, style: focused)
        #expect(Self.overlay(after, over: before)
                == "\u{1B}7\u{1B}[2;5H\u{1B}]8;;https://e.example\u{1B}\\" + Self.sgr(focused) + "si"
                + "\u{1B}]8;;\u{1B}\\\u{1B}[0m\u{1B}8")
    }

    @Test func aCellThatStopsBeingALinkIsRewrittenOutsideAnyLink() {
        // Same characters, same look: ncurses writes nothing, so only the overlay can drop the target.
        let before = Self.frame("https://e.example")
        var after = Buffer(width: 20, height: 2)
        after.put("see ", x: 0, y: 1)
        after.put("site", x: 4, y: 1, style: Style(.link, .underline))
        #expect(Self.overlay(after, over: before)
                == "\u{1B}7\u{1B}[2;5H" + Self.sgr(Style(.link, .underline)) + "site\u{1B}[0m\u{1B}8")
    }

    @Test func anotherTargetBehindTheSameCellsIsRewritten() {
        // Another document with its first link in the same place and the same words.
        let before = Self.frame("https://one.example")
        let after = Self.frame("https://two.example")
        #expect(after.diff(from: before).isEmpty)
        #expect(Self.overlay(after, over: before)
                == "\u{1B}7\u{1B}[2;5H\u{1B}]8;;https://two.example\u{1B}\\" + Self.sgr(Self.linkStyle) + "site"
                + "\u{1B}]8;;\u{1B}\\\u{1B}[0m\u{1B}8")
    }

    @Test func aTargetThatGoesAwayLeavesPlainCells() {
        let before = Self.frame("https://one.example")
        var after = before
        after.links = []
        #expect(Self.overlay(after, over: before) == "\u{1B}7\u{1B}[2;5H" + Self.sgr(Self.linkStyle) + "site\u{1B}[0m\u{1B}8")
    }

    static let hostileURLs = [
        "https://e.example/\u{1B}]8;;https://evil\u{07}x",          // BEL ends an OSC
        "https://e.example/\u{1B}\\\u{1B}[2J",                      // ESC \ (ST), then a clear
        "https://e.example/\u{9C}\u{9D}8;;https://evil\u{9C}",      // C1 ST and OSC
        "https://e.example/\u{9B}31m\u{90}q\u{98}x\u{9E}",          // CSI, DCS, SOS, PM
        "https://e.example/\u{1B}",                                 // a trailing ESC before our ST
        "\u{07}\u{1B}\u{9C}",                                       // nothing else
        "https://e.example/\r\n\u{7F}\u{0}",
    ]

    @Test(arguments: hostileURLs)
    func aHostileTargetStaysInsideItsSequence(_ url: String) {
        let bytes = Self.overlay(Self.frame(url))
        // Exactly one link opened and closed, and the URI between them printable ASCII only.
        #expect(bytes.components(separatedBy: "\u{1B}]8;").count == 3)
        let uri = bytes.components(separatedBy: "\u{1B}]8;;")[1].components(separatedBy: "\u{1B}\\")[0]
        #expect(!uri.isEmpty)
        #expect(uri.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F })
        // No BEL or C1 control anywhere in what is written; ESC only where folio puts it.
        #expect(!bytes.unicodeScalars.contains { $0.value == 0x07 || (0x80..<0xA0).contains($0.value) })
        let escapes = bytes.unicodeScalars.filter { $0.value == 0x1B }.count
        #expect(escapes == 9)   // DECSC, CUP, OSC 8 + ST, SGR, OSC 8 + ST, SGR, DECRC
    }

    @Test(arguments: [false, true])
    func theContactPageWritesEachLinkOnce(overAnotherPage: Bool) {
        var state = Fixtures.state()
        let first = render(state)
        state.press("5")
        let buffer = render(state)
        #expect(buffer.links.contains("mailto:hello@example.org"))
        let bytes = Self.overlay(buffer, over: overAnotherPage ? first : Self.empty)
        for url in buffer.links {
            #expect(bytes.contains("\u{1B}]8;;" + Sanitiser.controlText(url) + "\u{1B}\\"))
        }
        // Every link opened is closed before the next opens.
        let sequences = bytes.components(separatedBy: "\u{1B}]8;;").dropFirst()
        #expect(sequences.count == 2 * buffer.links.count)
        for (index, part) in sequences.enumerated() {
            #expect(part.hasPrefix("\u{1B}\\") == (index % 2 == 1))
        }
    }
}
