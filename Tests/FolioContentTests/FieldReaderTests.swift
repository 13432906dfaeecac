import Testing
@testable import FolioContent

/// FieldReader's shortcuts (keys compared by length first when ASCII, plain digits read
/// without the generic parser) against what they stand for.
@Suite struct FieldReaderTests {
    static func reader(_ keys: [String]) -> FieldReader {
        let entries = keys.enumerated().map { offset, key in
            FMEntry(key: key, keyPosition: SourcePosition(line: offset + 2, column: 1),
                    value: FMNode(value: .scalar("v\(offset)", quoted: false), position: SourcePosition(line: offset + 2, column: 8)))
        }
        return FieldReader(root: FMNode(value: .map(entries), position: .start), path: "p.md")
    }

    /// Which entry each name finds, and which repeats it warns about, as a scan comparing
    /// `key.lowercased() == name` says; with few keys (compared by length first) and many.
    @Test func keysMatchAsLowercasedStringsDo() {
        let few = ["Title", "TITLE", "title", "ti\u{212A}le", "\u{212A}ind", "kind", "Straße", "stra\u{DF}e", "Cafe\u{301}",
                   "café", "tagS", "t\u{130}tle", "tags ", "", "Σ", "ς", "σ", "ORDER", "weight", "a-very-long-key-name",
                   "A-Very-Long-Key-Name"]
        let many = (0..<20).map { "k\($0)" } + few
        let names = ["title", "kind", "tags", "order", "weight", "summary", "t", "", "a-very-long-key-name", "k3", "k69"]
        for keys in [few, Array(few.prefix(16)), Array(few.suffix(16)), many, few + ["k69", "K69"], ["K3"] + (0..<12).map { "x\($0)" } + ["k3", "title", "k3"]] {
            for name in names {
                var fields = Self.reader(keys)
                let found = fields.string(name)?.value
                let matches = keys.indices.filter { keys[$0].lowercased() == name }
                #expect(found == matches.first.map { "v\($0)" }, "\(name) in \(keys.count) keys")
                #expect(fields.diagnostics.map(\.line) == matches.dropFirst().map { $0 + 2 }, "\(name) in \(keys.count) keys")
                #expect(fields.has(name) == !matches.isEmpty, "\(name)")
            }
        }
        // A Kelvin sign lowercases to "k": that key is "kind" too, and the second one repeats it.
        var fields = Self.reader(["\u{212A}IND", "kind"])
        #expect(fields.string("kind")?.value == "v0")
        #expect(fields.diagnostics.map(\.message) == ["'kind' repeats '\u{212A}IND' (line 2); using '\u{212A}IND'"])
    }

    @Test func wholeNumbersReadAsIntOfTheTrimmedText() {
        let texts = ["0", "7", "007", "42", "+5", "-5", " 5 ", "\t12", "1_000", "1e3", "0x10", "", " ", "-", "+",
                     "123456789012345678", "999999999999999999", "1234567890123456789", "9223372036854775807",
                     "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "00000000000000000000001",
                     "\u{663}", "5\u{301}", "５", "1 2", "12a", "a12"]
        for text in texts {
            #expect(FieldReader.wholeNumber(text) == Int(text.trimmingSpaces), "\(text.debugDescription)")
        }
        #expect(FieldReader.wholeNumber("007") == 7 && FieldReader.wholeNumber("999999999999999999") == 999_999_999_999_999_999)
        #expect(FieldReader.wholeNumber("1_000") == nil && FieldReader.wholeNumber("9223372036854775808") == nil)
    }

    /// `isNull` looks at the length first; it must agree with comparing against each spelling.
    @Test func nullsAreTheCoreSchemaSpellings() {
        let spellings = ["", "~", "null", "Null", "NULL"]
        for text in ["", "~", "null", "Null", "NULL", "nulL", "nul", "nulls", " null", "~~", "\u{7E}", "n\u{75}ll", "ñull",
                     "\u{301}", "é", "null\u{301}", "4233", "true", "NUL\u{212A}"] {
            #expect(FMNode(value: .scalar(text, quoted: false), position: .start).isNull == spellings.contains(text), "\(text.debugDescription)")
            #expect(!FMNode(value: .scalar(text, quoted: true), position: .start).isNull)
        }
    }
}
