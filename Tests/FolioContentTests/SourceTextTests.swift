import Testing
@testable import FolioContent
import FolioTestSupport

/// `SourceText.validated` checks long ASCII runs apart from the rest; it must accept and
/// refuse exactly what the standard library's validator does on the whole buffer.
@Suite struct SourceTextTests {
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("title: x\n".utf8), Array(repeating: 0x61, count: 159), Array(repeating: 0x20, count: 160),
        Array(repeating: 0x62, count: 200), Array("é".utf8), Array("日本".utf8), Array("😀".utf8), Array("e\u{301}".utf8),
        [0x80], [0xC3], [0xE6, 0x97], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xEF, 0xBB, 0xBF],
    ]

    @Test func agreesWithTheWholeBufferValidator() {
        var random = LCG64(seed: 15)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for round in 0..<4_000 {
            var bytes: [UInt8] = []
            let valid = round % 2 == 0   // half of them from valid pieces only
            for _ in 0..<next(12) {
                let piece = Self.pieces[next(valid ? 10 : Self.pieces.count)]
                bytes += piece
            }
            let got = SourceText.validated(bytes), want = String(validating: bytes, as: UTF8.self)
            #expect(got == want && got.map { Array($0.utf8) } == want.map { Array($0.utf8) }, "\(bytes)")
        }
        #expect(SourceText.validated([]) == "")
        #expect(SourceText.validated(Array(repeating: 0x61, count: 300) + [0xC3]) == nil)
        #expect(SourceText.validated([0xC3] + Array(repeating: 0x61, count: 300) + [0xC3, 0xA9]) == nil)
        #expect(SourceText.validated([0xC3, 0xA9] + Array(repeating: 0x61, count: 300) + [0xE6, 0x97]) == nil)
        let mixed = String(repeating: "x", count: 400) + "Café" + String(repeating: "y", count: 500) + "ü"
        #expect(SourceText.validated(Array(mixed.utf8)) == mixed)
    }
}
