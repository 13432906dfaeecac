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
