import Testing
@testable import FolioContent

/// Positions TOML front matter gives keys and values (file line:column), which diagnostics use.
@Suite struct TOMLPositionTests {
    /// Every node as "path value@line:col", keys as "path key@line:col", depth first.
    static func outline(_ text: String, firstLine: Int = 2) throws -> [String] {
        guard let root = try TOMLFrontMatter.parse(text, firstLine: firstLine).get() else { return [] }
        var lines: [String] = []
        var pending: [(String, FMNode, SourcePosition?)] = [("", root, nil)]
        while let (path, node, keyAt) = pending.popLast() {
            if let keyAt { lines.append("\(path) key@\(keyAt.line):\(keyAt.column)") }
            let at = "\(node.position.line):\(node.position.column)"
            switch node.value {
            case .scalar(let text, _): lines.append("\(path) \(text)@\(at)")
            case .list(let items):
                lines.append("\(path) list@\(at)")
                for (i, item) in items.enumerated().reversed() { pending.append(("\(path)[\(i)]", item, nil)) }
            case .map(let entries):
                lines.append("\(path) map@\(at)")
                for entry in entries.reversed() {
                    pending.append(("\(path).\(entry.key)", entry.value, entry.keyPosition))
                }
            }
        }
        return lines
    }

    /// Typical front matter: keys where they are written, values where they start (numbers,
    /// booleans, dates, lists and inline tables too, which used to point at their key).
    static let sample = """
        title = "Payments platform"
        summary = 'Literal summary'
        order = 3
        draft = false
        weight = 1.5
        date = 2024-05-01
          tags = ["Kafka", "PostgreSQL", 'Go']   # a comment
        aliases = [
          "one",
          2,
          "two",
        ]
        "quoted key" = "q"

        [extra]
        colour = "red"
        size = 2
        [links]
        home = "https://example.com"
        """

    @Test func samplePositionsAreWhereKeysAndValuesAreWritten() throws {
        #expect(try Self.outline(Self.sample) == [
            " map@2:1",
            ".title key@2:1",
            ".title Payments platform@2:9",
            ".summary key@3:1",
            ".summary Literal summary@3:11",
            ".order key@4:1",
            ".order 3@4:9",
            ".draft key@5:1",
            ".draft false@5:9",
            ".weight key@6:1",
            ".weight 1.5@6:10",
            ".date key@7:1",
            ".date 2024-05-01@7:8",
            ".tags key@8:3",
            ".tags list@8:10",
            ".tags[0] Kafka@8:11",
            ".tags[1] PostgreSQL@8:20",
            ".tags[2] Go@8:34",
            ".aliases key@9:1",
            ".aliases list@9:11",
            ".aliases[0] one@10:3",
            ".aliases[1] 2@11:3",
            ".aliases[2] two@12:3",
            ".quoted key key@14:1",
            ".quoted key q@14:16",
            ".extra key@16:2",
            ".extra map@16:2",
            ".extra.colour key@17:1",
            ".extra.colour red@17:10",
            ".extra.size key@18:1",
            ".extra.size 2@18:8",
            ".links key@19:2",
            ".links map@19:2",
            ".links.home key@20:1",
            ".links.home https://example.com@20:8",
        ])
    }

    /// Dotted keys, keys of inline tables, and each `[[table]]` element at its own header.
    @Test func dottedKeysInlineTablesAndTableArraysHaveTheirOwnPositions() throws {
        let text = """
            site.name = "S"
            owner = { name = "N", "e-mail" = 'x' }
            [[gallery]]
            image = "a.png"
            [[gallery]]
            image = "b.png"
            [gallery.meta]
            alt = "B"
            """
        #expect(try Self.outline(text) == [
            " map@2:1",
            ".site key@2:1",
            ".site map@2:1",
            ".site.name key@2:6",
            ".site.name S@2:13",
            ".owner key@3:1",
            ".owner map@3:9",
            ".owner.name key@3:11",
            ".owner.name N@3:18",
            ".owner.e-mail key@3:23",
            ".owner.e-mail x@3:34",
            ".gallery key@4:3",
            ".gallery list@4:3",
            ".gallery[0] map@4:3",
            ".gallery[0].image key@5:1",
            ".gallery[0].image a.png@5:9",
            ".gallery[1] map@6:3",
            ".gallery[1].image key@7:1",
            ".gallery[1].image b.png@7:9",
            ".gallery[1].meta key@8:10",
            ".gallery[1].meta map@8:10",
            ".gallery[1].meta.alt key@9:1",
            ".gallery[1].meta.alt B@9:7",
        ])
    }

    /// Escaped quoted keys are found by their unescaped text; multi-line strings and
    /// brackets inside strings do not confuse the pass.
    @Test func escapesAndStringsThatLookLikeSyntax() throws {
        let text = """
            "caf\\u00E9" = "c"
            note = \"\"\"
            [not.a.table]
            x = { y = 1 }\"\"\"
            after = "[[still]] a string"
            """
        #expect(try Self.outline(text) == [
            " map@2:1",
            ".café key@2:1",
            ".café c@2:15",
            ".note key@3:1",
            ".note [not.a.table]\nx = { y = 1 }@3:8",
            ".after key@6:1",
            ".after [[still]] a string@6:9",
        ])
    }
}
