@testable import FolioText
import Testing

/// `containsBytes`: the byte search folio uses instead of `_StringProcessing`'s `contains(_: String)`.
@Suite struct ContainsBytesTests {
    @Test func findsTheNeedleAnywhere() {
        #expect("a/b".containsBytes("/"))
        #expect("x..y".containsBytes(".."))
        #expect("..".containsBytes(".."))
        #expect("tail=?".containsBytes("=?"))
        #expect("{{< youtube >}}".containsBytes("{{"))
        #expect("a\0b".containsBytes("\0"))
        #expect("anything".containsBytes(""))
    }

    @Test func aPartialMatchIsNoMatch() {
        #expect(!"a.b.c".containsBytes(".."))
        #expect(!"=".containsBytes("=?"))
        #expect(!"?=".containsBytes("=?"))
        #expect(!"{ {".containsBytes("{{"))
        #expect(!"".containsBytes("/"))
        // A first byte that repeats before the match: the search restarts one byte on.
        #expect("==?".containsBytes("=?"))
        #expect("{{{".containsBytes("{{"))
    }

    @Test func comparesBytesAcrossScalarsAndSubstrings() {
        // A combining mark after the dots does not hide them (the Character-based `contains`
        // would see ".\u{301}" as one character): stricter for the path and address checks.
        #expect("..\u{301}".containsBytes(".."))
        #expect("日本/語".containsBytes("/"))
        #expect(!"日本語 🧑‍💻".containsBytes("@"))
        let term = "xterm-kitty"
        #expect(term.containsBytes("kitty" as String))
        #expect(!term.containsBytes("kitty-direct"[...]))
        let line = "user@example.org and more"
        #expect(line.prefix(5).containsBytes("@"))
        #expect(!line.prefix(4).containsBytes("@"))
    }
}
