@testable import FolioCore
import Testing
import FolioTestSupport

@Suite struct InputDecoderTests {
    @Test(arguments: InputSamples.all)
    func everyFormDecodes(_ sample: InputSample) {
        #expect(decode(sample) == sample.events)
    }

    @Test(arguments: InputSamples.all)
    func byteByByteGivesTheSameEvents(_ sample: InputSample) {
        var decoder = InputDecoder()
        var events = sample.bytes.flatMap { decoder.feed([$0]) }
        if sample.needsDelay { events += decoder.escapeDelayPassed() }
        #expect(events == sample.events)
    }

    @Test func withoutTheDelayEscWaits() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.awaitsEscapeDelay)
        #expect(decoder.feed(Array("[".utf8)).isEmpty)
        #expect(decoder.awaitsEscapeDelay)
        #expect(decoder.feed(Array("1".utf8)).isEmpty)
        #expect(!decoder.awaitsEscapeDelay)   // a sequence has begun: no key is pending
        #expect(decoder.escapeDelayPassed().isEmpty)
        #expect(decoder.feed(Array("~".utf8)) == [.key(.home)])
    }

    /// Every split of all the samples run together gives the same events as one read. (The
    /// long samples are left out to keep this quick; byte by byte covers them.)
    @Test func everySplitGivesTheSameEvents() {
        let samples = InputSamples.complete.filter { $0.bytes.count < 64 }
        let stream = samples.flatMap(\.bytes)
        let expected = samples.flatMap(\.events)
        for cut in 0...stream.count {
            var decoder = InputDecoder()
            let events = decoder.feed(stream[..<cut]) + decoder.feed(stream[cut...])
            #expect(events == expected, "split at \(cut)")
            if events != expected { return }
        }
    }

    /// Text without controls decodes exactly as the standard library's UTF-8 decoder does.
    @Test func textMatchesTheStandardLibrary() {
        var rng = SplitMix64(seed: 0x07F8)
        let pieces: [[UInt8]] = [[0xC3, 0xA9], [0xE6, 0xBC, 0xA2], [0xF0, 0x9F, 0xA6, 0x80], [0xE0, 0xA0], [0xF4, 0x8F],
                                 [0xED, 0x9F, 0xBF], [0xED, 0xA0], [0xC0], [0xC1], [0xF5], [0x80], [0xBF], [0x61]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                bytes += Bool.random(using: &rng) ? pieces.randomElement(using: &rng)!
                                                  : [UInt8.random(in: 0x80...0xFF, using: &rng)]
            }
            var decoder = InputDecoder()
            let events = decoder.feed(bytes + [0x61])
            let expected = String(decoding: bytes + [0x61], as: UTF8.self).unicodeScalars.map { InputEvent.key(.char(Character($0))) }
            #expect(events == expected, "\(bytes)")
        }
    }

    @Test func pasteIsCutAtItsCapButStillEnds() {
        var decoder = InputDecoder(pasteCap: 5)
        let bytes = Array("\u{1B}[200~abcd漢xyz\r\n\u{1B}[201~q".utf8)
        #expect(decoder.feed(bytes) == [.key(.paste("abcd")), .key(.char("q"))])
    }

    @Test func pasteKeepsOneMebibyte() {
        var decoder = InputDecoder()
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: InputDecoder.maxPasteBytes + 1000)
        let events = decoder.feed(Array("\u{1B}[200~".utf8) + body + Array("\u{1B}[201~".utf8))
        #expect(events.count == 1)
        guard case .key(.paste(let text))? = events.first else { Issue.record("no paste"); return }
        #expect(text.utf8.count == InputDecoder.maxPasteBytes)
    }

    @Test func endPasteEndsItAsIfClosed() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~ab".utf8)).isEmpty)
        #expect(decoder.isPasting)
        #expect(decoder.endPaste() == [.key(.paste("ab"))])
        #expect(!decoder.isPasting)
        #expect(decoder.feed(Array("q\u{1B}[201~j".utf8)) == [.key(.char("q")), .key(.char("j"))])
        #expect(decoder.endPaste().isEmpty)
    }

    @Test func theIssuesHangUpDeliversThePaste() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~hi".utf8)).isEmpty)
        #expect(decoder.hangUp() == [.key(.paste("hi"))])
    }
}
