import Testing
@testable import FolioText

@Suite struct ShortcodeTests {
    private func plain(_ source: String, width: Int = 200) -> [String] {
        Layout.lines(Markdown.parse(source), width: width).map(Text.plain)
    }

    @Test func embedsBecomeOneShortLine() {
        #expect(plain("{{< youtube ZJthWmvUzzc >}}") == ["▶ youtube ZJthWmvUzzc"])
        #expect(plain("{{< youtube id=\"w7Ft2ymGmfc\" autoplay=\"true\" >}}") == ["▶ youtube w7Ft2ymGmfc"])
        #expect(plain("{{< vimeo_simple 48912912 >}}") == ["▶ vimeo https://vimeo.com/48912912"])
        #expect(plain("{{< gist spf13 7896402 >}}") == ["▶ gist https://gist.github.com/spf13/7896402"])
        #expect(plain("{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}")
                == ["▶ x https://x.com/SanDiegoZoo/status/1453110110599868418"])
        #expect(plain("{{<figure src=\"/img/a.png\" title=\"A \\\"big\\\" one\">}}") == ["▶ figure A \"big\" one /img/a.png"])
        #expect(plain("{{% notice info %}}") == ["▶ notice info"])
    }

    @Test func asciiGlyphsGiveAnAsciiMarker() {
        let lines = Layout.lines(Markdown.parse("{{< youtube ZJthWmvUzzc >}}\n\n`{{< gist a b >}}`", glyphs: .ascii),
                                 width: 80, glyphs: .ascii).map(Text.plain)
        #expect(lines == ["> youtube ZJthWmvUzzc", "", "> gist https://gist.github.com/a/b"])
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func shortcodeLineIsStyled() {
        let spans = Markdown.parse("{{< vimeo 146022717 >}}")[0].spans
        #expect(spans == [Span("▶ vimeo", Style(.muted)), Span(" https://vimeo.com/146022717", Style(.url))])
    }

    @Test func pairedShortcodesKeepTheirInnerText() {
        #expect(plain("{{% notice tip %}}\nUse **both**.\n{{% /notice %}}") == ["Use both."])
        #expect(plain("a {{< mark >}}b{{< /mark >}} c") == ["a b c"])
    }

    @Test func highlightPairsAreCodeBlocks() {
        let blocks = Markdown.parse("{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}")
        #expect(blocks.map(\.kind) == [.code(language: "go")])
        #expect(Text.plain(blocks[0].spans) == "func main() {}")
    }

    @Test func refsInLinksAndEscapedShortcodes() {
        #expect(plain("[About]({{< ref \"about.md\" >}})") == ["About <about.md>"])
        #expect(plain("`{{</* youtube x */>}}` shows {{</* gist a b */>}}") == ["{{< youtube x >}} shows {{< gist a b >}}"])
    }

    @Test func malformedShortcodesStayAsWritten() {
        #expect(plain("{{< youtube") == ["{{< youtube"])
        #expect(plain("{{< a {{< b >}}") == ["{{< a ▶ b"])
        let long = "{{< x " + String(repeating: "a", count: 5000) + " >}}"
        #expect(plain(long, width: 10_000) == [long])
    }

    @Test func markersInTheSourceCannotForgeShortcodes() {
        let forged = "\u{F0000} {{< youtube abc >}}"
        #expect(plain(forged) == ["\u{FFFD} ▶ youtube abc"])
        #expect(plain("\u{F0000} alone") == ["\u{F0000} alone"])
    }

    @Test func scanningIsLinear() {
        // Thousands of unclosed openers and closers: one pass, every line within the width.
        let source = String(repeating: "{{< {{% %}} ", count: 30000) + String(repeating: "{{<", count: 30000)
        for line in Layout.lines(Markdown.parse(source), width: 40) { #expect(Text.width(line) <= 40) }
        let many = String(repeating: "{{< youtube a >}}", count: 3000)
        #expect(plain(many, width: 100_000).joined().components("▶ youtube a") == 3000)
    }

    @Test func shortcodeTextIsSanitised() {
        let text = plain("{{< youtube \"a\u{1B}[2J\" >}}").joined()
        #expect(text == "▶ youtube a␛[2J")
    }
}

private extension String {
    func components(_ needle: String) -> Int {
        split(separator: needle, omittingEmptySubsequences: false).count - 1
    }
}
