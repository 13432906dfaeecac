@testable import FolioCore
import Testing
import FolioTestSupport

/// Random bytes, cut into random reads, with the escape delay, paste timeouts and hang-ups
/// at random points: the decoder never crashes, never gives more keys than it got bytes, and
/// never holds more than its bounds.
@Suite struct InputDecoderFuzzTests {
    /// Bytes that make sequences likely, and now and then any byte at all.
    static let alphabet = Array("\u{1B}\u{1B}\u{1B}[[[O]M<;;0123456789~~~ABHFmMZ\u{07}\\\r\n\u{18}a".utf8)
        + [0xC3, 0xA9, 0xE6, 0xF0, 0x9F, 0x80, 0xFF]

    @Test(arguments: [(0x5EED, false), (0xBEEF, true)])
    func randomInput(seed: UInt64, anyByte: Bool) {
        var rng = SplitMix64(seed: seed)
        var decoder = InputDecoder(pasteCap: 64)
        var bytesIn = 0, keysOut = 0, hangUps = 0
        while bytesIn < 300_000 {
            var chunk: [UInt8] = []
            for _ in 0..<Int.random(in: 1...64, using: &rng) {
                chunk.append(anyByte ? UInt8.random(in: 0...255, using: &rng) : Self.alphabet.randomElement(using: &rng)!)
            }
            if Int.random(in: 0..<50, using: &rng) == 0 {   // sometimes a paste marker, to reach the paste state
                chunk += Array("\u{1B}[200~".utf8)
            }
            bytesIn += chunk.count
            var events = decoder.feed(chunk)
            switch Int.random(in: 0..<20, using: &rng) {
            case 0: events += decoder.escapeDelayPassed()
            case 1: events += decoder.endPaste()
            case 2: events += decoder.hangUp(); hangUps += 1
            default: break
            }
            for case .key(let key) in events {
                keysOut += 1
                // Bad bytes become U+FFFD, so the cap (in bytes) bounds scalars, not UTF-8 length.
                if case .paste(let text) = key { #expect(text.unicodeScalars.count <= 64) }
            }
            #expect(keysOut <= bytesIn)
            if keysOut > bytesIn { return }
        }
        #expect(hangUps > 0)
    }
}
