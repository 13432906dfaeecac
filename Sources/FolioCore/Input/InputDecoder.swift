/// Turns the bytes a terminal sends into keys, mouse events, pastes and replies. Pure: no
/// clock and no reads. The runtime feeds it what `read(2)` returned and tells it when time
/// has run out:
/// - `escapeDelayPassed()` when `awaitsEscapeDelay` and nothing came for the escape delay
///   (a lone ESC is Esc; `ESC [` alone is Alt-[);
/// - `endPaste()` when a paste has been open too long (it ends as if closed);
/// - `hangUp()` when the terminal is gone (an open paste is delivered, partial sequences dropped).
///
/// Every sequence has a bound (`maxSequence` bytes; past it the sequence is still read to its
/// end, then dropped) and a paste keeps at most `pasteCap` bytes. Unknown sequences are
/// dropped whole. One byte is looked at a time, with no recursion.
public struct InputDecoder: Sendable {
    public static let maxSequence = 256
    public static let maxPasteBytes = 1 << 20

    private enum State: Sendable {
        case ground
        case utf8(alt: Bool)    // a multi-byte character is half read (after ESC: Alt+character)
        case escape             // ESC
        case csi                // ESC [
        case ss3                // ESC O
        case osc                // ESC ]
        case oscEscape          // ESC ] … ESC, perhaps the start of ST (ESC \)
        case x10Mouse           // ESC [ M and up to three bytes
        case linuxFunctionKey   // ESC [ [ and one letter (the Linux console's F1–F5)
        case paste
    }

    private var state = State.ground
    private var utf8 = UTF8Assembler()
    private var sequence = ControlSequence()
    private var overlong = false          // the sequence passed maxSequence: drop it at its end
    private var paste: PasteCollector

    public init(pasteCap: Int = InputDecoder.maxPasteBytes) {
        paste = PasteCollector(cap: pasteCap)
    }

    /// Whether a bracketed paste is open (its text is held until its end marker).
    public var isPasting: Bool { if case .paste = state { true } else { false } }

    /// Whether what came last means something else if nothing follows soon: ESC (Esc or the
    /// start of Alt+key or a sequence), `ESC [`, `ESC O` and `ESC ]` (Alt+[, Alt+O, Alt+]).
    public var awaitsEscapeDelay: Bool {
        switch state {
        case .escape: true
        case .csi, .ss3, .osc: sequence.body.isEmpty && !overlong
        default: false
        }
    }

    /// Decodes `bytes`, which may end anywhere, even inside a character or a sequence.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
        var events: [InputEvent] = []
        for byte in bytes {
            // A byte that breaks off a sequence is looked at again in the state that leaves
            // behind (ground or escape), which always uses it: at most three passes.
            while !step(byte, &events) {}
        }
        return events
    }

    /// The escape delay passed with nothing new: a pending ESC is a key of its own.
    public mutating func escapeDelayPassed() -> [InputEvent] {
        guard awaitsEscapeDelay else { return [] }
        defer { state = .ground }
        switch state {
        case .csi: return [.key(.alt("["))]
        case .ss3: return [.key(.alt("O"))]
        case .osc: return [.key(.alt("]"))]
        default: return [.key(.esc)]
        }
    }

    /// Ends an open paste as if its end marker had come. Later bytes are keys again.
    public mutating func endPaste() -> [InputEvent] {
        guard isPasting else { return [] }
        state = .ground
        return [.key(.paste(paste.take(cutShort: true)))]
    }

    /// The input has ended: delivers an open paste and a cut character (as U+FFFD), drops a
    /// pending ESC and partial sequences, and starts afresh.
    public mutating func hangUp() -> [InputEvent] {
        var events = endPaste()
        if case .utf8 = state, utf8.isPartial { events.append(.key(.char("\u{FFFD}"))) }
        utf8.reset()
        state = .ground
        return events
    }

    // MARK: One byte

    /// Handles `byte` in the current state; false when the byte was not used and must be
    /// looked at again in the new state.
    private mutating func step(_ byte: UInt8, _ events: inout [InputEvent]) -> Bool {
        switch state {
        case .ground: ground(byte, &events)
        case .utf8(let alt):
            switch utf8.add(byte) {
            case .more: return true
            case .scalar(let scalar): emitCharacter(scalar, alt: alt, &events)
            case .invalid:
                events.append(.key(.char("\u{FFFD}")))
                state = .ground
                return false
            }
        case .escape: return escape(byte, &events)
        case .csi, .ss3: return controlSequence(byte, &events)
        case .osc: return operatingSystemCommand(byte, &events)
        case .oscEscape:
            if byte == UInt8(ascii: "\\") { finishOSC(&events); return true }
            // Not ST: the OSC is cut off, and its ESC starts something new with this byte.
            state = .escape
            return byte == 0x1B
        case .x10Mouse:
            sequence.body.append(byte)
            if sequence.body.count == 3 {
                if let event = MouseReport.x10(sequence.body) { events.append(.key(.mouse(event))) }
                state = .ground
            }
        case .linuxFunctionKey:
            state = .ground
            return (0x20...0x7E).contains(byte)
        case .paste:
            if paste.add(byte) { events.append(.key(.paste(paste.take()))); state = .ground }
        }
        return true
    }

    private mutating func ground(_ byte: UInt8, _ events: inout [InputEvent]) {
        switch byte {
        case 0x1B: state = .escape
        case 0x00...0x1F, 0x7F: events.append(.key(Self.control(byte)))
        case 0x20...0x7E: events.append(.key(.char(Character(Unicode.Scalar(byte)))))
        default:
            if utf8.start(byte) == .more { state = .utf8(alt: false) } else { events.append(.key(.char("\u{FFFD}"))) }
        }
    }

    /// C0 controls and DEL, as readline and the old ncurses path read them.
    static func control(_ byte: UInt8) -> Key {
        switch byte {
        case 0x09: .tab
        case 0x0A, 0x0D: .enter
        case 0x08, 0x7F: .backspace
        case 0x1B: .esc
        case 0x00: .ctrl(" ")
        case 0x01...0x1A: .ctrl(Character(Unicode.Scalar(byte + 0x60)))
        default: .ctrl(Character(Unicode.Scalar(byte + 0x40)))   // 28–31: ^\ ^] ^^ ^_
        }
    }

    private mutating func escape(_ byte: UInt8, _ events: inout [InputEvent]) -> Bool {
        switch byte {
        case UInt8(ascii: "["): begin(.csi)
        case UInt8(ascii: "O"): begin(.ss3)
        case UInt8(ascii: "]"): begin(.osc)
        case 0x1B: events.append(.key(.esc))               // Esc, and a new ESC
        case 0x20...0x7E: events.append(.key(.alt(Character(Unicode.Scalar(byte))))); state = .ground
        case 0x80...0xFF where utf8.start(byte) == .more: state = .utf8(alt: true)
        default:                                            // ESC then a control: two keys
            events.append(.key(.esc))
            state = .ground
            return false
        }
        return true
    }

    private mutating func begin(_ next: State) {
        state = next
        sequence.body.removeAll(keepingCapacity: true)
        overlong = false
    }

    private mutating func controlSequence(_ byte: UInt8, _ events: inout [InputEvent]) -> Bool {
        switch byte {
        case 0x20...0x3F:                                   // parameters and intermediates
            if sequence.body.count < Self.maxSequence { sequence.body.append(byte) } else { overlong = true }
        case 0x40...0x7E:                                   // the final byte
            let isCSI = if case .csi = state { true } else { false }
            state = .ground
            if overlong { return true }
            if isCSI && sequence.body.isEmpty && byte == UInt8(ascii: "M") { state = .x10Mouse; return true }
            if isCSI && sequence.body.isEmpty && byte == UInt8(ascii: "[") { state = .linuxFunctionKey; return true }
            switch isCSI ? sequence.csi(final: byte) : sequence.ss3(final: byte) {
            case .key(let key): events.append(.key(key))
            case .mouse(let event): events.append(.key(.mouse(event)))
            case .pasteBegins: state = .paste
            case .nothing: break
            }
        case 0x1B: state = .escape                          // cut off by a new sequence
        default:                                            // cut off by a control or non-ASCII byte
            state = .ground
            return false
        }
        return true
    }

    private mutating func operatingSystemCommand(_ byte: UInt8, _ events: inout [InputEvent]) -> Bool {
        switch byte {
        case 0x07: finishOSC(&events)                       // BEL ends it (xterm's replies)
        case 0x1B: state = .oscEscape
        case 0x18, 0x1A: state = .ground                    // CAN and SUB cancel it
        case 0x00...0x1F, 0x7F:                             // a key typed into a broken reply
            state = .ground
            return false
        default:
            if sequence.body.count < Self.maxSequence { sequence.body.append(byte) } else { overlong = true }
        }
        return true
    }

    private mutating func finishOSC(_ events: inout [InputEvent]) {
        state = .ground
        guard !overlong, let semicolon = sequence.body.firstIndex(of: UInt8(ascii: ";")),
              semicolon > 0, semicolon <= 6,
              sequence.body[..<semicolon].allSatisfy({ (0x30...0x39).contains($0) }) else { return }
        let number = Int(String(decoding: sequence.body[..<semicolon], as: UTF8.self)) ?? 0
        let text = String(decoding: sequence.body[(semicolon + 1)...], as: UTF8.self)
        events.append(.reply(.osc(number: number, text: text)))
    }

    private mutating func emitCharacter(_ scalar: Unicode.Scalar, alt: Bool, _ events: inout [InputEvent]) {
        events.append(.key(alt ? .alt(Character(scalar)) : .char(Character(scalar))))
        state = .ground
    }
}
