import Testing
@testable import FolioContent

/// Each thread keeps one libyaml parser across parses (CFolioYAML) and resets it between them.
/// Whatever a parse left behind (an error midway, queued tokens, tag directives, stacks that
/// grew) must not change the next parse: every text reads the same before and after any other.
@Suite struct YAMLParserReuseTests {
    static let good = "title: x\ntags: [a, b]\n"
    static let goodTree = "{title@2:1: x@2:8, tags@3:1: [a@3:8, b@3:11]@3:7}@2:1"

    /// Texts that stop the parse in different states.
    static let texts = [
        good,
        "tags: [a, b\ntitle: x\n",                                      // unclosed flow list: tokens queued
        "%TAG !e! tag:example.com,2000:\n--- !e!x\na: [b\n",           // a tag directive left on its stack
        "%TAG !e! tag:example.com,2000:\n---\na: !e!x b\n",            // the same directive, no error
        "a: \u{1}\n",                                                   // reader error (a control character)
        "a: &x 1\nb: 2\n",                                              // refused by folio with events pending
        "a: *x\n",
        "a: 1\nb: 2\na: 3\n",
        "a: 1\n---\nb: 2\n",                                            // a second document
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),   // stacks grow past their first size
        "key: value: more\n",
        "a:\n\t- b\n",
        "",
    ]

    @Test func everyTextReadsTheSameWhateverWasReadBefore() {
        let first = Self.texts.map { FrontMatterReaderTests.read($0) }
        // After each text, the good one still gives its tree.
        for text in Self.texts {
            _ = FrontMatterReaderTests.read(text)
            #expect(FrontMatterReaderTests.read(Self.good) == Self.goodTree, "after \(text.debugDescription)")
        }
        // Each text again, in reverse order and each twice in a row: the same result as the first time.
        for (text, expected) in zip(Self.texts, first).reversed() {
            #expect(FrontMatterReaderTests.read(text) == expected, "\(text.debugDescription)")
            #expect(FrontMatterReaderTests.read(text) == expected, "\(text.debugDescription) twice")
        }
    }

    /// libyaml refuses a %TAG handle declared twice in a stream: a directive that an error left
    /// on the kept parser's stack would make the next text with the same handle fail.
    @Test func aDirectiveLeftByAnErrorIsNotADuplicateNextTime() {
        let broken = Self.texts[2], fine = Self.texts[3]
        for _ in 0..<2 {
            #expect(FrontMatterReaderTests.read(broken) ==
                "5:1: malformed YAML front matter: did not find expected ',' or ']' while parsing a flow sequence (which starts at 4:4)")
            #expect(FrontMatterReaderTests.read(fine) == "{a@4:1: b@4:4}@4:1")
        }
    }

    @Test func theFirstResultsArePinned() {
        #expect(FrontMatterReaderTests.read(Self.good) == Self.goodTree)
        #expect(FrontMatterReaderTests.read(Self.texts[5]) ==
            "2:4: YAML anchor '&x' in front matter: anchors and aliases are not allowed (they can expand without limit)")
        #expect(FrontMatterReaderTests.read(Self.texts[9]) == "2:65: front matter nests more than 64 levels deep")
        #expect(FrontMatterReaderTests.read(Self.texts[8]) ==
            "3:1: malformed YAML front matter: expected a single document, but found another one")
        #expect(FrontMatterReaderTests.read(Self.texts[1]) ==
            "3:6: malformed YAML front matter: did not find expected ',' or ']' while parsing a flow sequence (which starts at 2:7)")
        #expect(FrontMatterReaderTests.read(Self.texts[4]) == "2:4: malformed YAML front matter: control characters are not allowed")
        #expect(FrontMatterReaderTests.read("") == "nil")
    }
}
