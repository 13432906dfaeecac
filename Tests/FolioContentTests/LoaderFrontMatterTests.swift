import Testing
@testable import FolioContent

/// Broken front matter: position and text of each diagnostic.
@Suite struct LoaderFrontMatterTests {
    @Test func unterminatedYAMLFrontMatter() throws {
        #expect(try ScratchTree.diagnostics(service: "open.md", "---\ntitle: Open\nsummary: never closed\n") == [
            "services/open.md:1:1: error: unterminated front matter: the '---' on line 1 has no closing '---' line",
        ])
    }

    @Test func unterminatedTOMLFrontMatter() throws {
        #expect(try ScratchTree.diagnostics(service: "open.md", "+++\ntitle = \"Open\"\n") == [
            "services/open.md:1:1: error: unterminated front matter: the '+++' on line 1 has no closing '+++' line",
        ])
    }

    @Test func malformedYAMLPointsAtTheProblemAndWhereItStarted() throws {
        #expect(try ScratchTree.diagnostics(service: "bad.md", "---\ntitle: Bad\nsummary: \"unclosed\ntags: [a\n---\n") == [
            "services/bad.md:4:9: error: malformed YAML front matter: found unexpected end of stream while scanning a quoted scalar (which starts at 3:10)",
        ])
    }

    @Test func malformedYAMLMappingInsideAValue() throws {
        #expect(try ScratchTree.diagnostics(service: "colon.md", "---\ntitle: a: b\n---\n") == [
            "services/colon.md:2:9: error: malformed YAML front matter: mapping values are not allowed in this context; quote the value",
        ])
    }

    @Test func malformedTOML() throws {
        #expect(try ScratchTree.diagnostics(service: "bad.md", "+++\ntitle = \"Bad\ntags = []\n+++\n") == [
            "services/bad.md:2:13: error: malformed TOML front matter: unterminated string: it needs its closing '\"' on the same line (it starts at 2:9)",
        ])
    }

    @Test func controlCharacterInYAML() throws {
        #expect(try ScratchTree.diagnostics(service: "esc.md", "---\ntitle: \"Esc \u{1B}[31m\"\n---\n") == [
            "services/esc.md:2:13: error: malformed YAML front matter: control characters are not allowed",
        ])
    }

    @Test func frontMatterThatIsNotAMapping() throws {
        #expect(try ScratchTree.diagnostics(service: "list.md", "---\n- a\n- b\n---\n") == [
            "services/list.md:2:1: error: front matter must be a mapping of keys to values, not a list",
        ])
    }

    /// At the second key, saying where the first one is.
    @Test func duplicateKey() throws {
        #expect(try ScratchTree.diagnostics(service: "twice.md", "---\ntitle: A\ntitle: B\n---\n") == [
            "services/twice.md:3:1: error: duplicate key 'title' in front matter (first at 2:1)",
        ])
    }

    @Test func missingFrontMatter() throws {
        #expect(try ScratchTree.diagnostics(service: "plain.md", "# Just Markdown\n") == [
            "services/plain.md:1:1: error: missing front matter: start the file with a '---' block that has at least a 'title'",
        ])
    }

    @Test func yamlAliasBombIsRefusedBeforeExpanding() throws {
        var lines = ["---", "title: Bomb", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("---")
        let started = ContinuousClock.now
        #expect(try ScratchTree.diagnostics(service: "bomb.md", lines.joined(separator: "\n")) == [
            "services/bomb.md:3:5: error: YAML anchor '&a0' in front matter: anchors and aliases are not allowed (they can expand without limit)",
        ])
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func yamlAliasAsAKeyIsRefused() throws {
        #expect(try ScratchTree.diagnostics(service: "key.md", "---\ntitle: Key\n? *x\n: 1\n---\n") == [
            "services/key.md:3:3: error: YAML alias '*x' in front matter: anchors and aliases are not allowed (they can expand without limit)",
        ])
    }

    @Test func deepNestingIsRefused() throws {
        let text = "---\ntitle: Deep\nx: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n---\n"
        #expect(try ScratchTree.diagnostics(service: "deep.md", text) == [
            "services/deep.md:3:67: error: front matter nests more than 64 levels deep",
        ])
    }

    /// 20,000 levels in a 40 KB file overflowed the stack (SIGSEGV) when the tree was converted.
    /// The 64th segment would open the 65th level (the root table is the first).
    @Test func deepDottedTOMLKeyIsRefusedAtTheSegmentThatGoesTooDeep() throws {
        let key = Array(repeating: "a", count: 20_000).joined(separator: ".")
        #expect(try ScratchTree.diagnostics(service: "deep.md", "+++\ntitle = \"Deep\"\n\(key) = 1\n+++\n") == [
            "services/deep.md:3:127: error: front matter nests more than 64 levels deep",
        ])
    }

    @Test func deepTOMLTableHeaderIsRefusedAtTheSegmentThatGoesTooDeep() throws {
        let key = Array(repeating: "a", count: 20_000).joined(separator: ".")
        #expect(try ScratchTree.diagnostics(service: "deep.md", "+++\ntitle = \"Deep\"\n[\(key)]\nx = 1\n+++\n") == [
            "services/deep.md:3:128: error: front matter nests more than 64 levels deep",
        ])
    }

    /// The same limit for every way TOML nests: brackets, inline tables, dotted keys inside
    /// them, and `[[table]]` elements (one level for the array, one for each element).
    @Test func everyKindOfTOMLNestingHasTheSameLimit() throws {
        func diagnostics(_ frontMatter: String) throws -> [String] {
            try ScratchTree.diagnostics(service: "d.md", "+++\ntitle = \"D\"\n\(frontMatter)\n+++\n")
        }
        let tooDeep = "front matter nests more than 64 levels deep"
        #expect(try diagnostics("x = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
                == ["services/d.md:3:68: error: \(tooDeep)"])
        #expect(try diagnostics("x = " + String(repeating: "{a = ", count: 100) + "1" + String(repeating: "}", count: 100))
                == ["services/d.md:3:320: error: \(tooDeep)"])
        #expect(try diagnostics("x = {" + Array(repeating: "b", count: 70).joined(separator: ".") + " = 1}")
                == ["services/d.md:3:130: error: \(tooDeep)"])
        let header = Array(repeating: "t", count: 63).joined(separator: ".")
        #expect(try diagnostics("[\(header)]\ny = 1")                   // 64 levels: loads
                == ["services/d.md:3:2: warning: unknown key 't' is ignored"])
        #expect(try diagnostics("[[\(header)]]\ny = 1")                 // the element is the 65th
                == ["services/d.md:3:127: error: \(tooDeep)"])
    }

    /// Exactly 64 levels load; one more is refused.
    @Test func sixtyFourTOMLLevelsAreAllowed() throws {
        func diagnostics(segments: Int) throws -> [String] {
            let key = Array(repeating: "k", count: segments).joined(separator: ".")
            return try ScratchTree.diagnostics(service: "d.md", "+++\ntitle = \"D\"\n\(key) = 1\n+++\n")
        }
        #expect(try diagnostics(segments: 64) == ["services/d.md:3:1: warning: unknown key 'k' is ignored"])
        #expect(try diagnostics(segments: 65) == ["services/d.md:3:127: error: front matter nests more than 64 levels deep"])
    }
}
