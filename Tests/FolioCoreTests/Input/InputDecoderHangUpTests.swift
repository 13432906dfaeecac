@testable import FolioCore
import Testing

/// The terminal may vanish at any byte. Whatever was cut off, the decoder hands over what it
/// had (an open paste, a cut character as U+FFFD), never a key that was not sent, and is
/// ready for a fresh start.
@Suite struct InputDecoderHangUpTests {
    @Test(arguments: InputSamples.multiByte)
    func hangUpAtEveryByte(_ sample: InputSample) {
        for cut in 1..<sample.bytes.count {
            var decoder = InputDecoder()
            let events = decoder.feed(sample.bytes[..<cut]) + decoder.hangUp()
            for event in events where !Self.allowed(event, in: sample) {
                Issue.record("cut at \(cut): \(event) was not sent")
            }
            #expect(!decoder.isPasting && !decoder.awaitsEscapeDelay)
            #expect(decoder.hangUp().isEmpty)
            #expect(decoder.feed(Array("z".utf8)) == [.key(.char("z"))], "cut at \(cut)")
        }
    }

    private static func allowed(_ event: InputEvent, in sample: InputSample) -> Bool {
        if sample.events.contains(event) || event == .key(.char("\u{FFFD}")) { return true }
        if case .key(.paste(let text)) = event, let whole = sample.pasteText { return whole.hasPrefix(text) }
        return false
    }

    @Test func aPasteCutAnywhereKeepsItsText() {
        let sample = InputSamples.pastes[0]   // ESC [ 2 0 0 ~ h i ESC [ 2 0 1 ~
        let expected: [[InputEvent]] = [[], [], [], [], [], [], [.key(.paste(""))], [.key(.paste("h"))]]
            + Array(repeating: [.key(.paste("hi"))], count: 6)
        for cut in 1..<sample.bytes.count {
            var decoder = InputDecoder()
            #expect(decoder.feed(sample.bytes[..<cut]) + decoder.hangUp() == expected[cut], "cut at \(cut)")
        }
    }
}
