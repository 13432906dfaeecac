import Testing
@testable import FolioContent

/// folio's TOML reader on a table of valid documents (as a compact rendering of the tree) and
/// of invalid ones (the first problem, line:column and message; the text starts on line 2).
@Suite struct TOMLReaderTests {
    /// `{key: value, …}`, `[…]`; quoted scalars in double quotes, others bare.
    static func render(_ text: String) -> String {
        switch TOMLFrontMatter.parse(text, firstLine: 2) {
        case .failure(let problem):
            return "\(problem.position.line):\(problem.position.column): \(problem.message)"
        case .success(let root):
            guard let root else { return "nil" }
            // Iterative: a stack of pending pieces (nodes to render, or text to emit).
            enum Piece { case node(FMNode), text(String) }
            var out = ""
            var pending: [Piece] = [.node(root)]
            while let piece = pending.popLast() {
                switch piece {
                case .text(let text): out += text
                case .node(let node):
                    switch node.value {
                    case .scalar(let text, let quoted): out += quoted ? "\"\(text)\"" : text
                    case .list(let items):
                        var pieces: [Piece] = [.text("[")]
                        for (i, item) in items.enumerated() { pieces += (i > 0 ? [.text(", ")] : []) + [.node(item)] }
                        pending += (pieces + [.text("]")]).reversed()
                    case .map(let entries):
                        var pieces: [Piece] = [.text("{")]
                        for (i, entry) in entries.enumerated() {
                            pieces += (i > 0 ? [.text(", ")] : []) + [.text("\(entry.key): "), .node(entry.value)]
                        }
                        pending += (pieces + [.text("}")]).reversed()
                    }
                }
            }
            return out
        }
    }

    static let valid: [(String, String)] = [
        ("", "{}"),
        ("# only a comment\n\n", "{}"),
        ("a = 1\nb = -0\nc = +17\nd = 1_000", "{a: 1, b: 0, c: 17, d: 1000}"),
        ("h = 0xDEAD_beef\no = 0o755\nb = 0b1101", "{h: 3735928559, o: 493, b: 13}"),
        ("max = 9223372036854775807\nmin = -9223372036854775808", "{max: 9223372036854775807, min: -9223372036854775808}"),
        ("f = 1.5\ng = -2e3\nh = 6.626e-34\ni = 1_0.2_5\nj = inf\nk = -inf\nl = nan", "{f: 1.5, g: -2000.0, h: 6.626e-34, i: 10.25, j: inf, k: -inf, l: nan}"),
        ("t = true\nf = false", "{t: true, f: false}"),
        ("d = 2019-03-11\ndt = 1979-05-27T07:32:00Z\nsp = 1979-05-27 07:32:00-07:00\nl = 1979-05-27T00:32:00.999\nt = 07:32:00",
         "{d: 2019-03-11, dt: 1979-05-27T07:32:00Z, sp: 1979-05-27 07:32:00-07:00, l: 1979-05-27T00:32:00.999, t: 07:32:00}"),
        (#"s = "tab\there \"q\" \u00E9 \U0001F600 \\""#, "{s: \"tab\there \"q\" é 😀 \\\"}"),
        (#"s = 'C:\no\escapes'"#, #"{s: "C:\no\escapes"}"#),
        ("s = \"\"\"\nline one\nline two\"\"\"", "{s: \"line one\nline two\"}"),
        ("s = \"\"\"\\\n   joined \\\n   up\"\"\"", "{s: \"joined up\"}"),
        ("s = '''\nraw \\n\n'''", "{s: \"raw \\n\n\"}"),
        ("s = \"\"\"two \"\"quotes\"\"\"\"\"", "{s: \"two \"\"quotes\"\"\"}"),
        ("a.b.c = 1\na.b.d = 2\n\"x y\".'z' = 3", "{a: {b: {c: 1, d: 2}}, x y: {z: 3}}"),
        ("[t]\na = 1\n[t.sub]\nb = 2\n[u]", "{t: {a: 1, sub: {b: 2}}, u: {}}"),
        ("[x.y.z]\na = 1\n[x]\nb = 2", "{x: {y: {z: {a: 1}}, b: 2}}"),
        ("[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true",
         "{fruit: {apple: {color: \"red\", texture: {smooth: true}}}}"),
        ("[[g]]\ni = 1\n[[g]]\ni = 2\n[g.meta]\nalt = 'B'", "{g: [{i: 1}, {i: 2, meta: {alt: \"B\"}}]}"),
        ("[[a.b]]\nx = 1\n[[a.b]]\n[a.c]", "{a: {b: [{x: 1}, {}], c: {}}}"),
        ("p = { x = 1, y.z = 'two', e = {} }\nq = {}", "{p: {x: 1, y: {z: \"two\"}, e: {}}, q: {}}"),
        ("tags = [ \"Kafka\", 'Go', ]\nn = [[1, 2], [\"a\"], []]\nm = [\n  1, # one\n  2\n]", "{tags: [\"Kafka\", \"Go\"], n: [[1, 2], [\"a\"], []], m: [1, 2]}"),
        ("arr = [{a = 1}, {b = [true]}]", "{arr: [{a: 1}, {b: [true]}]}"),
        ("key = \"v\" # trailing comment\r\nother = 2\r\n", "{key: \"v\", other: 2}"),
        ("1234 = 'numeric key'\n-_ = 1", "{1234: \"numeric key\", -_: 1}"),
    ]

    @Test(arguments: valid) func validDocuments(_ text: String, _ expected: String) {
        #expect(Self.render(text) == expected)
    }

    static let invalid: [(String, String)] = [
        ("a = 1\na = 2", "3:1: duplicate key 'a' in front matter (first at 2:1)"),
        ("a.b = 1\na.b = 2", "3:3: duplicate key 'a.b' in front matter (first at 2:3)"),
        ("a = 1\na.b = 2", "3:1: malformed TOML front matter: 'a' is defined at 2:1; a dotted key cannot add to it"),
        ("[t]\n[t]", "3:2: malformed TOML front matter: [t] is already defined as a table at 2:2"),
        ("a.b = 1\n[a]", "3:2: malformed TOML front matter: [a] is already defined as a table at 2:1"),
        ("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", "5:1: malformed TOML front matter: 'b' is defined at 2:4; a dotted key cannot add to it"),
        ("p = {x = 1}\np.y = 2", "3:1: malformed TOML front matter: 'p' is defined at 2:1; a dotted key cannot add to it"),
        ("p = {x = 1}\n[p.q]", "3:2: malformed TOML front matter: [p] is already defined as an inline table at 2:1"),
        ("a = [1]\n[[a]]", "3:3: malformed TOML front matter: [[a]] is already defined as an array at 2:1"),
        ("[[a]]\n[a]", "3:2: malformed TOML front matter: [a] is already defined as an array of tables at 2:3"),
        ("title = Hello", "2:9: malformed TOML front matter: 'Hello' is not a TOML value; text needs quotes: \"Hello\""),
        ("n = 012", "2:5: malformed TOML front matter: '012' is not a valid number, date or time"),
        ("n = 1__0", "2:5: malformed TOML front matter: '1__0' is not a valid number, date or time"),
        ("n = 9223372036854775808", "2:5: malformed TOML front matter: '9223372036854775808' does not fit in a 64-bit integer"),
        ("d = 2019-13-01", "2:5: malformed TOML front matter: '2019-13-01' is not a valid number, date or time"),
        ("s = \"open\nx = 1", "2:10: malformed TOML front matter: unterminated string: it needs its closing '\"' on the same line (it starts at 2:5)"),
        ("s = \"\"\"never closed", "2:20: malformed TOML front matter: unterminated string (it starts at 2:5)"),
        (#"s = "bad \q""#, #"2:10: malformed TOML front matter: unknown escape '\q'"#),
        ("s = \"bell \u{7}\"", "2:11: malformed TOML front matter: control character U+0007 in a string; write it as an escape"),
        ("a = 1 b = 2", "2:7: malformed TOML front matter: expected the end of the line, found 'b'"),
        ("a 1", "2:3: malformed TOML front matter: expected '=' after the key 'a', found '1'"),
        ("a =", "2:4: malformed TOML front matter: expected a value, found the end"),
        ("= 1", "2:1: malformed TOML front matter: expected a key, found '='"),
        ("a = [1 2]", "2:8: malformed TOML front matter: expected ',' or ']' after an array element, found '2'"),
        ("a = [1,,]", "2:8: malformed TOML front matter: expected a value, found ','"),
        ("a = {x = 1,}", "2:12: malformed TOML front matter: expected a key, found '}'"),
        ("a = {x = 1\n}", "2:11: malformed TOML front matter: expected ',' or '}' in an inline table (it must stay on one line), found the end of the line"),
        ("[t", "2:3: malformed TOML front matter: expected ']' to close the header, found the end"),
        ("[[t]", "2:5: malformed TOML front matter: expected ']]' to close the header, found the end"),
        ("\"\"\"k\"\"\" = 1", "2:1: malformed TOML front matter: a key cannot be a multi-line string"),
        ("a = 1 # bell \u{7}", "2:14: malformed TOML front matter: control character U+0007 in a comment"),
    ]

    @Test(arguments: invalid) func invalidDocuments(_ text: String, _ expected: String) {
        #expect(Self.render(text) == expected)
    }

    /// A long document reads in one pass: many keys, deep-but-allowed dotted keys, many tables.
    @Test func manyKeysAndTables() {
        var lines: [String] = []
        for i in 0..<2_000 { lines.append("k\(i) = \(i)") }
        for i in 0..<2_000 { lines.append("[t\(i)]\nv = 'x'") }
        guard case .success(let root?) = TOMLFrontMatter.parse(lines.joined(separator: "\n"), firstLine: 1),
              case .map(let entries) = root.value else { Issue.record("did not parse"); return }
        #expect(entries.count == 4_000)
        #expect(entries.last?.key == "t1999")
    }
}
