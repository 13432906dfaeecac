import Testing
@testable import FolioContent

/// libyaml's messages keep their position and context; the common mistakes get a hint beside them.
@Suite struct YAMLHintTests {
    static func problem(_ yaml: String) -> String? {
        switch YAMLFrontMatter.parse(yaml, firstLine: 2) {
        case .success: return nil
        case .failure(let problem): return "\(problem.position.line):\(problem.position.column): \(problem.message)"
        }
    }

    @Test func anUnquotedValueWithAColonIsToldToQuoteIt() {
        #expect(Self.problem("title: Kafka: the hard parts\n") ==
            "2:13: malformed YAML front matter: mapping values are not allowed in this context; quote the value")
        #expect(Self.problem("title: \"Kafka: the hard parts\"\n") == nil)
    }

    @Test func tabsInTheIndentationAreNamed() {
        #expect(Self.problem("title: A\ntags:\n\t- a\n") ==
            "4:1: malformed YAML front matter: found character that cannot start any token while scanning for the next token (which starts at 4:1); YAML does not allow tabs for indentation")
        #expect(Self.problem("title: A\n\tsummary: x\n") ==
            "3:1: malformed YAML front matter: found a tab character that violates indentation while scanning a plain scalar (which starts at 2:8); YAML does not allow tabs for indentation")
        #expect(Self.problem("title: \"a\tb\"\n") == nil)        // a tab inside a value is fine
    }

    @Test func aKeyIndentedSoThatItJoinsTheLineAboveNamesTheLine() {
        #expect(Self.problem("title: X\n  tags: [a]\n") ==
            "3:7: malformed YAML front matter: mapping values are not allowed in this context; check the indentation of line 3")
    }

    @Test func aListItemIndentedSoThatItJoinsTheLineAboveIsRefused() {
        // libyaml reads these as the text "a - b" and "hello - a" without a word.
        #expect(Self.problem("tags:\n  - a\n    - b\n") ==
            "4:5: '-' on line 4 joins the value on the line above instead of starting a list item; check the indentation of line 4")
        #expect(Self.problem("summary: hello\n  - a\n") ==
            "3:3: '-' on line 3 joins the value on the line above instead of starting a list item; check the indentation of line 3")
        // Text that merely continues, or a quoted value, is not a list item.
        #expect(Self.problem("summary: hello\n  -world\n") == nil)
        #expect(Self.problem("summary: \"hello\n  - a\"\n") == nil)
    }

    @Test func aListItemLessIndentedThanItsListNamesTheLine() {
        #expect(Self.problem("tags:\n    - a\n  - b\n") ==
            "4:3: malformed YAML front matter: did not find expected key while parsing a block mapping (which starts at 2:1); check the indentation of line 4")
    }

    @Test func otherProblemsKeepLibyamlsMessageAlone() {
        #expect(Self.problem("title: [a\n") ==
            "3:1: malformed YAML front matter: did not find expected ',' or ']' while parsing a flow sequence (which starts at 2:8)")
        #expect(Self.problem("title: A\n---\ntitle: B\n") ==
            "3:1: malformed YAML front matter: expected a single document, but found another one")
    }

    @Test func scalarsStayTextAndQuotingIsKept() throws {
        guard case .map(let entries)? = try YAMLFrontMatter.parse("a: 3\nb: '3'\nc: ~\nd: [x, \"y\"]\n", firstLine: 1).get()?.value
        else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.key) == ["a", "b", "c", "d"])
        guard case .scalar("3", false) = entries[0].value.value, case .scalar("3", true) = entries[1].value.value,
              entries[2].value.isNull, case .list(let items) = entries[3].value.value, items.count == 2,
              case .scalar("y", true) = items[1].value else { Issue.record("\(entries)"); return }
        #expect(items[1].position == SourcePosition(line: 4, column: 8))
    }

    @Test func emptyTextIsNoFrontMatter() throws {
        #expect(try YAMLFrontMatter.parse("", firstLine: 2).get() == nil)
        #expect(try YAMLFrontMatter.parse("# only a comment\n", firstLine: 2).get() == nil)
    }

    @Test func sixtyFourLevelsLoadAndOneMoreIsRefused() {
        #expect(Self.problem("x: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63)) == nil)
        #expect(Self.problem("x: " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) ==
            "2:67: front matter nests more than 64 levels deep")
    }
}
