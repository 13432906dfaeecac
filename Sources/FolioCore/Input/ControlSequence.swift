/// The bytes of one CSI or SS3 sequence between its introducer and its final byte, and what
/// they mean. Terminals disagree on how to spell keys, so each key has several spellings:
/// xterm (`CSI A`, `CSI H`, `CSI 1;5A`), application mode (`SS3 A`, `SS3 H`), VT220 and the
/// Linux console (`CSI 1~` … `CSI 8~`) and rxvt (`CSI a`, `SS3 a`, `CSI 3^`).
/// Modifiers are ignored: Ctrl-Up is Up. Anything else means nothing and is dropped whole.
struct ControlSequence: Sendable {
    /// Parameter and intermediate bytes, as sent (at most `InputDecoder.maxSequence`).
    var body: [UInt8] = []

    /// What the sequence asks the decoder to do.
    enum Meaning: Equatable {
        case key(Key)
        case mouse(MouseEvent)
        case pasteBegins
        case nothing
    }

    /// The sequence's numbers (`1;5` is [1, 5]); an empty field is 0. Values saturate at 10^6.
    var numbers: [Int] {
        var result = [0]
        for byte in body {
            switch byte {
            case 0x30...0x39: result[result.count - 1] = min(result[result.count - 1] * 10 + Int(byte - 0x30), 1_000_000)
            case 0x3B: result.append(0)
            default: break
            }
        }
        return result
    }

    /// `<`, `=`, `>` or `?` first: a private form (mouse reports, replies), not a key.
    private var privateMarker: UInt8? {
        body.first.flatMap { (0x3C...0x3F).contains($0) ? $0 : nil }
    }

    private var hasIntermediates: Bool { body.contains { (0x20...0x2F).contains($0) } }

    func csi(final: UInt8) -> Meaning {
        if privateMarker == UInt8(ascii: "<") && !hasIntermediates {
            return MouseReport.sgr(numbers, pressed: final == UInt8(ascii: "M")).map { .mouse($0) } ?? .nothing
        }
        guard privateMarker == nil && !hasIntermediates else { return .nothing }
        switch final {
        case UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "@"):
            if numbers[0] == 200 { return .pasteBegins }
            return Self.tilde[numbers[0]].map { .key($0) } ?? .nothing
        case UInt8(ascii: "Z"): return .key(.backTab)
        default: return Self.letter(final).map { .key($0) } ?? .nothing
        }
    }

    func ss3(final: UInt8) -> Meaning {
        guard privateMarker == nil && !hasIntermediates else { return .nothing }
        if let key = Self.letter(final) { return .key(key) }
        switch final {
        case UInt8(ascii: "M"): return .key(.enter)          // keypad Enter
        case UInt8(ascii: "I"): return .key(.tab)
        case UInt8(ascii: "X"): return .key(.char("="))
        case UInt8(ascii: "j")...UInt8(ascii: "y"):          // keypad * + , - . / 0…9
            return .key(.char(Character(Unicode.Scalar(final - UInt8(ascii: "j") + UInt8(ascii: "*")))))
        default: return .nothing
        }
    }

    /// Final letters shared by CSI and SS3: arrows, Home and End (rxvt's shifted arrows too).
    private static func letter(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"), UInt8(ascii: "a"): return .up
        case UInt8(ascii: "B"), UInt8(ascii: "b"): return .down
        case UInt8(ascii: "C"), UInt8(ascii: "c"): return .right
        case UInt8(ascii: "D"), UInt8(ascii: "d"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        default: return nil
        }
    }

    /// `CSI n ~`: VT220 and Linux console editing keys. 2 (Insert) is known and does nothing.
    private static let tilde: [Int: Key] = [1: .home, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end]
}
