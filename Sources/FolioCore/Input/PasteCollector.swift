/// The text of one bracketed paste, collected byte by byte up to its end marker `ESC [ 201 ~`.
/// CR LF and a lone CR both become one LF. Past `cap` bytes the text is cut (at a character
/// boundary), but the bytes are still scanned for the end marker.
struct PasteCollector: Sendable {
    static let endMarker: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]   // ESC [ 2 0 1 ~

    let cap: Int
    private var bytes: [UInt8] = []
    private var matched = 0          // bytes of the end marker seen so far
    private var lastWasCR = false
    private var cut = false

    init(cap: Int) { self.cap = cap }

    /// Adds one byte; true when it completes the end marker.
    mutating func add(_ byte: UInt8) -> Bool {
        if byte == Self.endMarker[matched] {
            matched += 1
            guard matched == Self.endMarker.count else { return false }
            matched = 0
            return true
        }
        if matched > 0 {
            // Not the marker after all: what looked like its start is text. Only its first
            // byte is ESC, so a mismatch can start a new match only with ESC itself.
            for text in Self.endMarker[..<matched] { append(text) }
            matched = 0
            if byte == Self.endMarker[0] { matched = 1; return false }
        }
        append(byte)
        return false
    }

    private mutating func append(_ byte: UInt8) {
        defer { lastWasCR = byte == 0x0D }
        if byte == 0x0A && lastWasCR { return }
        guard bytes.count < cap else { cut = true; return }
        bytes.append(byte == 0x0D ? 0x0A : byte)
    }

    /// The text so far, and a fresh start. A half-seen end marker is not text. `cutShort`:
    /// the paste did not reach its end marker, so a half-sent last character is dropped.
    mutating func take(cutShort: Bool = false) -> String {
        if cut || cutShort { dropPartialCharacter() }
        let text = String(decoding: bytes, as: UTF8.self)
        self = PasteCollector(cap: cap)
        return text
    }

    /// A cut may split the last character: drop its bytes rather than show U+FFFD.
    private mutating func dropPartialCharacter() {
        var start = bytes.count - 1
        while start > 0 && start > bytes.count - 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, let length = UTF8Assembler.length(lead: bytes[start]) else { return }
        if bytes.count - start < length { bytes.removeSubrange(start...) }
    }
}
