import Testing
@testable import FolioContent
import FolioTestSupport

/// The YAML reader finds repeated keys by a scan (small mappings) or a table (large ones), and
/// the page's bytes go to libyaml without a copy; the split, the slugs of file names and the
/// trimming of spaces work on bytes. These pin the trees, positions, messages and texts.
@Suite struct FrontMatterReaderTests {
    /// A tree as text: `"x"` or `x` (quoted or plain) at line:column, `[…]`, `{key@l:c: …}`.
    static func show(_ node: FMNode?) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.position.line):\(node.position.column)"
        switch node.value {
        case .scalar(let text, let quoted): return (quoted ? "\"\(text)\"" : text) + at
        case .list(let items): return "[" + items.map(show).joined(separator: ", ") + "]" + at
        case .map(let entries):
            return "{" + entries.map { "\($0.key)@\($0.keyPosition.line):\($0.keyPosition.column): \(show($0.value))" }
                .joined(separator: ", ") + "}" + at
        }
    }

    static func read(_ yaml: String, firstLine: Int = 2) -> String {
        switch YAMLFrontMatter.parse(yaml, firstLine: firstLine) {
        case .success(let root): return show(root)
        case .failure(let problem): return "\(problem.position.line):\(problem.position.column): \(problem.message)"
        }
    }

    @Test func multiByteTextKeepsItsBytesAndColumnsCountScalars() {
        #expect(Self.read("título: Señor résumé\ntags: [日本, \"ü\"]\n") ==
            "{título@2:1: Señor résumé@2:9, tags@3:1: [日本@3:8, \"ü\"@3:12]@3:7}@2:1")
        #expect(Self.read("\"é\": 😀 x\n") == "{é@2:1: 😀 x@2:6}@2:1")
    }

    @Test func escapesFoldsAndBlockScalarsArriveAsTheirText() {
        #expect(Self.read("a: \"tab\\there \\u00e9 \\\"q\\\"\"\nb: 'it''s'\n") ==
            "{a@2:1: \"tab\there é \"q\"\"@2:4, b@3:1: \"it's\"@3:4}@2:1")
        #expect(Self.read("a: |\n  one\n  two\nb: >\n  three\n  four\n") ==
            "{a@2:1: \"one\ntwo\n\"@2:4, b@5:1: \"three four\n\"@5:4}@2:1")
        #expect(Self.read("a: plain\n  continued\n") == "{a@2:1: plain continued@2:4}@2:1")
    }

    @Test func crlfLinesReadAsLF() {
        #expect(Self.read("a: x\r\nb:\r\n  - y\r\n  - \"z\"\r\n") ==
            "{a@2:1: x@2:4, b@3:1: [y@4:5, \"z\"@5:5]@4:3}@2:1")
    }

    @Test func nestedListsAndMappingsCloseIntoTheirParents() {
        #expect(Self.read("a:\n  - [1, [2, 3], {k: v}]\n  - {}\n  - []\nb: {c: {d: [e]}}\n") ==
            "{a@2:1: [[1@3:6, [2@3:10, 3@3:13]@3:9, {k@3:18: v@3:21}@3:17]@3:5, {}@4:5, []@5:5]@3:3, " +
            "b@6:1: {c@6:5: {d@6:9: [e@6:13]@6:12}@6:8}@6:4}@2:1")
        #expect(Self.read("- a\n- b: c\n  d: e\n", firstLine: 1) == "[a@1:3, {b@2:3: c@2:6, d@3:3: e@3:6}@2:3]@1:1")
        #expect(Self.read("just text\n") == "just text@2:1")
    }

    @Test func aRepeatedKeyIsFoundInSmallAndLargeMappings() {
        #expect(Self.read("a: 1\nb: 2\na: 3\n") == "4:1: duplicate key 'a' in front matter (first at 2:1)")
        // Past the scanned size the keys sit in a table; the first and a later key both repeat.
        let keys = (0..<40).map { "k\($0): \($0)\n" }.joined()
        #expect(Self.read(keys + "k3: again\n") == "42:1: duplicate key 'k3' in front matter (first at 5:1)")
        #expect(Self.read(keys + "k39: again\n") == "42:1: duplicate key 'k39' in front matter (first at 41:1)")
        #expect(Self.read(keys + "k40: new\n").hasPrefix("{k0@2:1: 0@2:5, "))
        // Nested mappings keep their own keys; the same key in two of them is fine.
        #expect(Self.read("a: {x: 1}\nb: {x: 2}\nc: {x: 3, x: 4}\n") == "4:11: duplicate key 'x' in front matter (first at 4:5)")
        let nested = "outer:\n" + (0..<20).map { "  k\($0): {k\($0): v}\n" }.joined()
        #expect(Self.read(nested).hasSuffix("k19@22:3: {k19@22:9: v@22:14}@22:8}@3:3}@2:1"))
    }

    @Test func anchorsAliasesAndKeysThatAreContainersAreStillRefused() {
        #expect(Self.read("a: &x 1\n") ==
            "2:4: YAML anchor '&x' in front matter: anchors and aliases are not allowed (they can expand without limit)")
        #expect(Self.read("a: &x [1]\n") ==
            "2:4: YAML anchor '&x' in front matter: anchors and aliases are not allowed (they can expand without limit)")
        #expect(Self.read("a: *x\n") ==
            "2:4: YAML alias '*x' in front matter: anchors and aliases are not allowed (they can expand without limit)")
        #expect(Self.read("? [a]\n: b\n") == "2:3: front matter keys must be plain text, not a list")
    }

    @Test func splitKeepsTheFrontMatterAndBodyBytes() throws {
        let doc = try FrontMatter.split("---\ntitle: é\n---\n\n  \nBody 日本\u{a0}\n").get()
        #expect(doc.format == .yaml && doc.frontMatter == "title: é" && doc.body == "Body 日本")
        #expect(try FrontMatter.split("---\n---\nBody x \u{301}\t\n").get().body == "Body x")
        #expect(try FrontMatter.split("+++\n+++\nBody \u{600} \n").get().body == "Body \u{600} ")
        let json = try FrontMatter.split("{\"title\": \"é\"}\n\n body \n").get()
        #expect(json.format == .json && json.frontMatter == "{\"title\": \"é\"}" && json.body == " body")
    }

    /// The bytes that trim trailing whitespace must agree with `Character.isWhitespace`, also
    /// where a non-ASCII scalar (a no-break space, a combining mark on a space, a prepended
    /// mark before one, a line separator) borders the spaces.
    @Test func splitsAsTheCharacterLineReferenceAroundNonASCIIWhitespace() {
        let pieces = ["---", "\n", " ", "\t", "\r", "\r\n", "x", "é", "\u{301}", "\u{a0}", "\u{600}", "\u{2028}",
                      "\u{b}", "\u{c}", "\u{85}", "\u{3000}", "日"]
        var random = LCG64(seed: 11)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<20_000 {
            var text = next(3) == 0 ? "" : "---\n" + (next(2) == 0 ? "a: b\n" : "") + "---\n"
            for _ in 0..<next(10) { text += pieces[next(pieces.count)] }
            let got = FrontMatter.split(text), want = FrontMatterSplitTests.reference(text)
            #expect(FrontMatterSplitTests.same(got, want), "\(text.debugDescription)")
        }
    }

    /// The scalar walk `Slug.fromFileName` had before it worked on bytes.
    static func scalarSlug(_ name: String) -> String {
        func isSlugScalar(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "."
        }
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if isSlugScalar(scalar) { out.unicodeScalars.append(scalar) }
            else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasPrefix("-") || out.hasPrefix(".") || out.hasPrefix("_") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "page" : out
    }

    static func random(_ alphabet: [String], seed: UInt64, count: Int, length: Int) -> [String] {
        var random = LCG64(seed: seed)
        func next(_ bound: Int) -> Int { random.next(bound) }
        return (0..<count).map { _ in (0..<next(length)).map { _ in alphabet[next(alphabet.count)] }.joined() }
    }

    @Test func fileNamesMakeTheSlugsOfTheScalarWalk() {
        let alphabet = Array("aZ09-_. .~+Kké日ßİ\u{212A}\u{301}Σ").map(String.init)
        for name in Self.random(alphabet, seed: 5, count: 5_000, length: 9) {
            #expect(Slug.fromFileName(name) == Self.scalarSlug(name), "\(name.debugDescription)")
        }
        #expect(Slug.fromFileName("Hello World!.md") == "hello-world-.md")
        #expect(Slug.fromFileName("--._") == "page")
        #expect(Slug.fromFileName("\u{212A}elvin") == "kelvin")   // the Kelvin sign lowercases to ASCII
        #expect(Slug.fromFileName("Café Crème") == "caf-cr-me")
    }

    /// Names that are nearly slugs already: the path that returns the name itself must agree
    /// with the scalar walk on every edge (a '-', '.' or '_' first, a '-' last, one capital, empty).
    @Test func namesThatAreSlugsAlreadyStayAsTheyAre() {
        let alphabet = Array("ab09-_.").map(String.init) + ["Z", "é", " ", "--"]
        for name in Self.random(alphabet, seed: 11, count: 5_000, length: 7) {
            #expect(Slug.fromFileName(name) == Self.scalarSlug(name), "\(name.debugDescription)")
        }
        for name in ["agritech-analytics-ewypx", "a", "0", "a.", "a_", "a-b--c", "a-", ".a", "_a", "-a", "", "-",
                     "Agritech", "agritech-résumé", "a b", "a.md", "x\u{212A}"] {
            #expect(Slug.fromFileName(name) == Self.scalarSlug(name), "\(name.debugDescription)")
        }
        for byte in UInt8(1)...0x7F {     // every ASCII byte, alone and between letters
            let one = String(UnicodeScalar(byte)), name = "a" + one + "b"
            #expect(Slug.fromFileName(one) == Self.scalarSlug(one), "\(one.debugDescription)")
            #expect(Slug.fromFileName(name) == Self.scalarSlug(name), "\(name.debugDescription)")
        }
        #expect(Slug.fromFileName("a-b--c.d_e") == "a-b--c.d_e")
        #expect(Slug.fromFileName("a-") == "a")
        #expect(Slug.fromFileName("") == "page")
    }

    @Test func spacesTrimAsCharactersSeeThem() {
        func reference(_ text: String) -> Substring {
            let start = text.firstIndex { $0 != " " && $0 != "\t" } ?? text.endIndex
            let end = text.lastIndex { $0 != " " && $0 != "\t" }.map { text.index(after: $0) } ?? start
            return text[start..<max(start, end)]
        }
        let alphabet = [" ", "\t", "x", "5", "-", "é", "\u{301}", "\u{600}", "\u{a0}", "日"]
        for text in Self.random(alphabet, seed: 9, count: 5_000, length: 7) {
            #expect(text.trimmingSpaces == reference(text), "\(text.debugDescription)")
            #expect(text.isBlank == reference(text).isEmpty, "\(text.debugDescription)")
        }
        #expect(" \u{301}x ".trimmingSpaces == " \u{301}x" && "\t 42 ".trimmingSpaces == "42")
    }
}
