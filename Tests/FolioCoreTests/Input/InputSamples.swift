@testable import FolioCore
import Testing

/// One input the decoder knows: the bytes a terminal sends and the events they mean.
struct InputSample: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let events: [InputEvent]
    /// Whether the last key comes only once the escape delay has passed (a lone ESC).
    let needsDelay: Bool

    init(_ name: String, _ bytes: [UInt8], _ events: [InputEvent], needsDelay: Bool = false) {
        (self.name, self.bytes, self.events, self.needsDelay) = (name, bytes, events, needsDelay)
    }
    init(_ name: String, _ text: String, _ keys: [Key], needsDelay: Bool = false) {
        self.init(name, Array(text.utf8), keys.map { .key($0) }, needsDelay: needsDelay)
    }

    var testDescription: String { name }

    /// The text of the sample's paste, if it has one.
    var pasteText: String? {
        for case .key(.paste(let text)) in events { return text }
        return nil
    }
}

enum InputSamples {
    static let esc = "\u{1B}"
    static let csi = "\u{1B}["
    static let ss3 = "\u{1B}O"

    static func click(_ x: Int, _ y: Int) -> Key { .mouse(MouseEvent(.click, x: x, y: y)) }

    /// Text and control keys, one byte or one character each.
    static let plain: [InputSample] = [
        .init("letter", "a", [.char("a")]),
        .init("space", " ", [.char(" ")]),
        .init("two-byte UTF-8", "é", [.char("é")]),
        .init("three-byte UTF-8", "漢", [.char("漢")]),
        .init("four-byte UTF-8", "🦀", [.char("🦀")]),
        .init("tab", "\t", [.tab]),
        .init("CR", "\r", [.enter]),
        .init("LF", "\n", [.enter]),
        .init("BS", "\u{08}", [.backspace]),
        .init("DEL", "\u{7F}", [.backspace]),
        .init("NUL", "\u{00}", [.ctrl(" ")]),
        .init("Ctrl-A", "\u{01}", [.ctrl("a")]),
        .init("Ctrl-D", "\u{04}", [.ctrl("d")]),
        .init("Ctrl-L", "\u{0C}", [.ctrl("l")]),
        .init("Ctrl-Z", "\u{1A}", [.ctrl("z")]),
        .init("Ctrl-\\", "\u{1C}", [.ctrl("\\")]),
        .init("Ctrl-]", "\u{1D}", [.ctrl("]")]),
        .init("Ctrl-^", "\u{1E}", [.ctrl("^")]),
        .init("Ctrl-_", "\u{1F}", [.ctrl("_")]),
    ]

    /// Bytes that are not UTF-8: each maximal bad part is one U+FFFD, as in `String(decoding:)`.
    static let invalid: [InputSample] = [
        .init("stray continuation", [0x80], [.key(.char("\u{FFFD}"))]),
        .init("byte FF", [0xFF], [.key(.char("\u{FFFD}"))]),
        .init("overlong slash", [0xC0, 0xAF], Array(repeating: .key(.char("\u{FFFD}")), count: 2)),
        .init("overlong three bytes", [0xE0, 0x80, 0xAF], Array(repeating: .key(.char("\u{FFFD}")), count: 3)),
        .init("surrogate", [0xED, 0xA0, 0x80], Array(repeating: .key(.char("\u{FFFD}")), count: 3)),
        .init("past U+10FFFF", [0xF4, 0x90, 0x80, 0x80], Array(repeating: .key(.char("\u{FFFD}")), count: 4)),
        .init("cut character then a letter", [0xE6, 0xBC, 0x61], [.key(.char("\u{FFFD}")), .key(.char("a"))]),
        .init("cut character then ESC [ A", [0xF0, 0x9F] + Array("\u{1B}[A".utf8), [.key(.char("\u{FFFD}")), .key(.up)]),
    ]

    /// Alt+key and what follows ESC.
    static let escapes: [InputSample] = [
        .init("lone Esc", esc, [.esc], needsDelay: true),
        .init("Esc Esc", esc + esc, [.esc, .esc], needsDelay: true),
        .init("Alt-b", esc + "b", [.alt("b")]),
        .init("Alt-P (not a DCS)", esc + "P", [.alt("P")]),
        .init("Alt-é", esc + "é", [.alt("é")]),
        .init("Alt-[ alone", esc + "[", [.alt("[")], needsDelay: true),
        .init("Alt-O alone", esc + "O", [.alt("O")], needsDelay: true),
        .init("Alt-] alone", esc + "]", [.alt("]")], needsDelay: true),
        .init("Esc then Enter", esc + "\r", [.esc, .enter]),
        .init("Esc then DEL", esc + "\u{7F}", [.esc, .backspace]),
    ]

    /// Special keys in every common spelling.
    static let sequences: [InputSample] = [
        .init("CSI A", csi + "A", [.up]), .init("CSI B", csi + "B", [.down]),
        .init("CSI C", csi + "C", [.right]), .init("CSI D", csi + "D", [.left]),
        .init("SS3 A", ss3 + "A", [.up]), .init("SS3 B", ss3 + "B", [.down]),
        .init("SS3 C", ss3 + "C", [.right]), .init("SS3 D", ss3 + "D", [.left]),
        .init("Ctrl-Up CSI 1;5A", csi + "1;5A", [.up]), .init("Shift-Left CSI 1;2D", csi + "1;2D", [.left]),
        .init("rxvt Shift-Up CSI a", csi + "a", [.up]), .init("rxvt Ctrl-Down SS3 b", ss3 + "b", [.down]),
        .init("Home CSI H", csi + "H", [.home]), .init("End CSI F", csi + "F", [.end]),
        .init("Home SS3 H", ss3 + "H", [.home]), .init("End SS3 F", ss3 + "F", [.end]),
        .init("Home CSI 1~", csi + "1~", [.home]), .init("Home CSI 7~", csi + "7~", [.home]),
        .init("End CSI 4~", csi + "4~", [.end]), .init("End CSI 8~", csi + "8~", [.end]),
        .init("Ctrl-Home CSI 1;5H", csi + "1;5H", [.home]),
        .init("PgUp CSI 5~", csi + "5~", [.pageUp]), .init("PgDn CSI 6~", csi + "6~", [.pageDown]),
        .init("Delete CSI 3~", csi + "3~", [.delete]), .init("Ctrl-Delete CSI 3;5~", csi + "3;5~", [.delete]),
        .init("rxvt Ctrl-Delete CSI 3^", csi + "3^", [.delete]),
        .init("Insert CSI 2~ (no action)", csi + "2~", []),
        .init("back-tab CSI Z", csi + "Z", [.backTab]),
        .init("keypad Enter SS3 M", ss3 + "M", [.enter]),
        .init("keypad 0 SS3 p", ss3 + "p", [.char("0")]), .init("keypad + SS3 k", ss3 + "k", [.char("+")]),
        .init("F1 SS3 P", ss3 + "P", []), .init("F5 CSI 15~", csi + "15~", []),
        .init("Linux F1 CSI [A", csi + "[A", []),
        .init("focus in CSI I", csi + "I", []),
        .init("cursor report CSI 12;40R", csi + "12;40R", []),
        .init("device attributes CSI ?62;22c", csi + "?62;22c", []),
        .init("modifyOtherKeys CSI 27;5;13~", csi + "27;5;13~", []),
        .init("stray paste end CSI 201~", csi + "201~", []),
        .init("CSI cut by a control", csi + "1;\r", [.enter]),
        .init("CSI cut by ESC", csi + "1;" + csi + "B", [.down]),
    ]

    static let mouse: [InputSample] = [
        .init("SGR click", csi + "<0;10;5M", [click(9, 4)]),
        .init("SGR release", csi + "<0;10;5m", []),
        .init("SGR Ctrl-click", csi + "<16;2;3M", [click(1, 2)]),
        .init("SGR wheel up", csi + "<64;1;1M", [.mouse(MouseEvent(.wheelUp, x: 0, y: 0))]),
        .init("SGR wheel down", csi + "<65;300;200M", [.mouse(MouseEvent(.wheelDown, x: 299, y: 199))]),
        .init("SGR drag", csi + "<32;5;5M", []),
        .init("SGR right button", csi + "<2;5;5M", []),
        .init("SGR huge numbers", csi + "<0;99999999999;99999999999M", [click(999_999, 999_999)]),
        .init("X10 click", csi + "M *%", [click(9, 4)]),
        .init("X10 wheel up", csi + "M`!!", [.mouse(MouseEvent(.wheelUp, x: 0, y: 0))]),
        .init("X10 wheel down", csi + "Ma#\"", [.mouse(MouseEvent(.wheelDown, x: 2, y: 1))]),
        .init("X10 release", csi + "M#!!", []),
        .init("X10 far column", Array((csi + "M ").utf8) + [0xFF, 0x21], [.key(click(222, 0))]),
    ]

    static let pastes: [InputSample] = [
        .init("paste", csi + "200~hi" + csi + "201~", [.paste("hi")]),
        .init("empty paste", csi + "200~" + csi + "201~", [.paste("")]),
        .init("paste CR LF", csi + "200~a\r\nb" + csi + "201~", [.paste("a\nb")]),
        .init("paste lone CR", csi + "200~a\rb\r" + csi + "201~", [.paste("a\nb\n")]),
        .init("paste LF", csi + "200~a\nb" + csi + "201~", [.paste("a\nb")]),
        .init("paste with sequences", csi + "200~q" + csi + "31m" + esc + "x" + csi + "A" + csi + "201~",
              [.paste("q\u{1B}[31m\u{1B}x\u{1B}[A")]),
        .init("paste with a near end marker", csi + "200~" + csi + "20x" + csi + "201" + esc + esc + "[201~",
              [.paste("\u{1B}[20x\u{1B}[201\u{1B}")]),
        .init("paste of UTF-8", csi + "200~漢🦀é" + csi + "201~", [.paste("漢🦀é")]),
        .init("paste then keys", csi + "200~x" + csi + "201~q", [.paste("x"), .char("q")]),
    ]

    static let replies: [InputSample] = [
        .init("OSC 11 with BEL", Array((esc + "]11;rgb:1e1e/2020/3030\u{07}").utf8),
              [.reply(.osc(number: 11, text: "rgb:1e1e/2020/3030"))]),
        .init("OSC 11 with ST", Array((esc + "]11;rgb:ffff/ffff/ffff" + esc + "\\").utf8),
              [.reply(.osc(number: 11, text: "rgb:ffff/ffff/ffff"))]),
        .init("OSC 10", Array((esc + "]10;rgb:0/0/0\u{07}").utf8), [.reply(.osc(number: 10, text: "rgb:0/0/0"))]),
        .init("OSC without a number", Array((esc + "]l title\u{07}").utf8), []),
        .init("OSC cancelled by CAN", esc + "]11;rgb\u{18}x", [.char("x")]),
        .init("OSC cut by Enter", esc + "]11;rgb\r", [.enter]),
        .init("OSC cut by ESC [ B", esc + "]11;rgb" + csi + "B", [.down]),
    ]

    /// Sequences past the length bound are read to their end and dropped.
    static let overlong: [InputSample] = [
        .init("CSI of 300 digits", csi + String(repeating: "1", count: 300) + "A" + "x", [.char("x")]),
        .init("OSC of 300 bytes", esc + "]11;" + String(repeating: "f", count: 300) + "\u{07}x", [.char("x")]),
    ]

    static let all = plain + invalid + escapes + sequences + mouse + pastes + replies + overlong
    static let complete = all.filter { !$0.needsDelay }
    static let multiByte = all.filter { $0.bytes.count > 1 }
}

/// Decodes `sample` from a fresh decoder, passing the escape delay at its end if it needs that.
func decode(_ sample: InputSample) -> [InputEvent] {
    var decoder = InputDecoder()
    var events = decoder.feed(sample.bytes)
    if sample.needsDelay { events += decoder.escapeDelayPassed() }
    return events
}
