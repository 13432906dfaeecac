import Testing
@testable import FolioSearch

@Suite("Search folding")
struct FoldSearchTests {
    @Test func foldsCaseAndLatinAccents() {
        #expect(Fold.string("PostgréSQL") == "postgresql")
        #expect(Fold.string("ÀÉÎÕÜ Ñ Ç Ÿ") == "aeiou n c y")
        #expect(Fold.string("Straße Æther Œuvre Øre Łódź Þing") == "strasse aether oeuvre ore lodz thing")
        #expect(Fold.string("İstanbul") == "istanbul")
        #expect(Fold.string("Cafe\u{301}") == "cafe")
    }

    @Test func leavesOtherScriptsLowercasedOnly() {
        #expect(Fold.string("ΚΑΦΚΑ") == "καφκα")
        #expect(Fold.string("東京") == "東京")
    }

    /// ASCII text is folded by byte; it must read exactly as folding it by character does,
    /// CR LF (one character) included: every pair of ASCII scalars, and a few longer texts.
    @Test func asciiByByteAgreesWithFoldingByCharacter() {
        func byCharacter(_ s: String) -> String {
            var out: [UInt32] = []
            for ch in s { Fold.append(ch, to: &out) }
            return String(String.UnicodeScalarView(out.compactMap(Unicode.Scalar.init)))
        }
        let ascii = (0 ..< 0x80).compactMap(Unicode.Scalar.init).map(String.init)
        var checked = 0
        for a in ascii {
            for b in ascii where Fold.string(a + b) != byCharacter(a + b) {
                Issue.record("\(Array((a + b).utf8))")
            }
            checked += ascii.count
        }
        #expect(checked == 128 * 128)
        for s in ["Docker Compose", "a\r\nb\r\r\n\n", "Node.js\tGo\u{0B}\u{0C}", "\u{1C}\u{1F}\u{7F}", ""] {
            #expect(Fold.string(s) == byCharacter(s), "\(Array(s.utf8))")
        }
        #expect(Fold.string("Ab\r\nC") == "ab c")
    }

    @Test func queryCollapsesWhitespace() {
        #expect(Fold.query("  Docker \t  Compose ") == Array("docker compose".unicodeScalars.map(\.value)))
        #expect(Fold.query("   ").isEmpty)
    }

    /// Every generated entry must be canonically equivalent to its letter plus one or two
    /// combining marks: Swift's String equality applies canonical equivalence.
    @Test func foldTableAgreesWithCanonicalDecomposition() {
        let marks = (0x300 ... 0x36F).compactMap(Unicode.Scalar.init).map { String(Character($0)) }
        var checked = 0
        for (base, letters) in decomposingLetters {
            for letter in letters {
                let s = String(letter)
                let one = marks.contains { base + $0 == s }
                let two = one || marks.contains { m1 in marks.contains { m2 in base + m1 + m2 == s } }
                #expect(two, "\(s) does not decompose to \(base)")
                #expect(Fold.string(s) == base && Fold.string(s.uppercased()) == base, "\(s)")
                checked += 1
            }
        }
        #expect(checked == 246)
    }
}
