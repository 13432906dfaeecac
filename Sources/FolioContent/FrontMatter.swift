import Glibc

/// Splits a Markdown file into front matter and body, as Hugo and Jekyll write it:
/// YAML between `---` lines (closed by `---` or `...`), TOML between `+++` lines, or a JSON
/// object that opens the file (`{` first).
///
/// Scans UTF-8 bytes only as far as the closing fence: splitting the whole file into
/// `Character` lines first was a sixth of loading. A line ends at "\n" unless "\r" precedes
/// it (Swift reads "\r\n" as one Character, so such a pair never split a line here either).
enum FrontMatter {
    /// Deeper than this is refused, in YAML and TOML alike: no portfolio needs it, and nothing
    /// that reads front matter may recurse on a depth the file controls.
    static let maxDepth = 64

    static func tooDeep(at position: SourcePosition) -> SourceProblem {
        SourceProblem(position: position, message: "front matter nests more than \(maxDepth) levels deep")
    }

    static func split(_ text: String) -> Result<SplitDocument, SourceProblem> {
        if text.utf8.first == UInt8(ascii: "{") { return splitJSON(text) }
        var bytes = text
        guard let cut = bytes.withUTF8(fences) else {
            return .success(SplitDocument(format: nil, frontMatter: "", frontMatterFirstLine: 1, body: body(text, from: 0)))
        }
        guard let close = cut.close else {
            let fenceText = cut.format == .yaml ? "---" : "+++"
            return .failure(SourceProblem(position: .start, message:
                "unterminated front matter: the '\(fenceText)' on line 1 has no closing '\(fenceText)' line"))
        }
        // Lines 1..<close joined by "\n" is the text between the fences.
        let frontMatter = close.start > cut.open ? text[index(text, cut.open)..<index(text, close.start - 1)] : ""
        return .success(SplitDocument(format: cut.format, frontMatter: frontMatter, frontMatterFirstLine: 2,
                                      body: body(text, from: close.next)))
    }

    /// Where the fences are, in bytes: the opening fence's format and the offset after its line,
    /// and the closing fence's line start and the offset after its line, when there is one.
    private struct Fences {
        var format: FrontMatterFormat
        var open: Int
        var close: (start: Int, next: Int)?
    }

    /// nil when the first line is no fence.
    private static func fences(_ bytes: UnsafeBufferPointer<UInt8>) -> Fences? {
        let firstEnd = lineEnd(bytes, from: 0)
        let format: FrontMatterFormat
        switch fence(bytes[0..<firstEnd]) {
        case UInt8(ascii: "-")?: format = .yaml
        case UInt8(ascii: "+")?: format = .toml
        default: return nil
        }
        var start = firstEnd
        while start < bytes.count {
            start += 1                                       // past the "\n"
            let end = lineEnd(bytes, from: start)
            let mark = fence(bytes[start..<end])
            if mark == (format == .yaml ? UInt8(ascii: "-") : UInt8(ascii: "+")) || (format == .yaml && mark == UInt8(ascii: ".")) {
                return Fences(format: format, open: firstEnd + 1, close: (start, min(end + 1, bytes.count)))
            }
            start = end
        }
        return Fences(format: format, open: firstEnd + 1, close: nil)
    }

    /// The index of UTF-8 offset `offset` (constant time in a native string).
    private static func index(_ text: String, _ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// Parses split front matter into a root node; nil when there is none or it is empty.
    static func parse(_ document: SplitDocument) -> Result<FMNode?, SourceProblem> {
        switch document.format {
        case nil: return .success(nil)
        case .yaml: return YAMLFrontMatter.parse(document.frontMatter, firstLine: document.frontMatterFirstLine)
        case .toml: return TOMLFrontMatter.parse(String(document.frontMatter), firstLine: document.frontMatterFirstLine)
        case .json: return JSONFrontMatter.parse(String(document.frontMatter), firstLine: document.frontMatterFirstLine)
        }
    }

    /// The object up to its matching "}", then the body from the next line.
    private static func splitJSON(_ text: String) -> Result<SplitDocument, SourceProblem> {
        guard let length = JSONFrontMatter.objectLength(text.utf8) else {
            return .failure(SourceProblem(position: .start, message:
                "unterminated front matter: the '{' on line 1 has no matching '}'"))
        }
        var bytes = text
        let next = bytes.withUTF8 { min(lineEnd($0, from: length) + 1, $0.count) }
        return .success(SplitDocument(format: .json, frontMatter: text[..<index(text, length)], frontMatterFirstLine: 1,
                                      body: body(text, from: next)))
    }

    /// Offset of the "\n" ending the line that starts at `start`, or the end of the text.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var from = start
        while from < bytes.count {
            guard let found = memchr(bytes.baseAddress! + from, 0x0A, bytes.count - from) else { break }
            let index = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if index == start || bytes[index - 1] != 0x0D { return index }
            from = index + 1
        }
        return bytes.count
    }

    /// The fence's byte when the line, without trailing spaces and tabs, is three of the same
    /// byte from "-", "+" and ".".
    private static func fence(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> UInt8? {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        guard end - line.startIndex == 3 else { return nil }
        let byte = line[line.startIndex]
        guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "."),
              line[line.startIndex + 1] == byte, line[line.startIndex + 2] == byte else { return nil }
        return byte
    }

    /// The body from UTF-8 offset `start`, without the blank lines that usually follow the
    /// closing fence, and without trailing whitespace.
    private static func body(_ text: String, from start: Int) -> String {
        var bytes = text
        let (start, end): (Int, Int?) = bytes.withUTF8 { bytes in
            // Drop leading lines of only spaces and tabs (the last line has no "\n").
            var start = start
            while true {
                var index = start
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                if index == bytes.count { return (start, start) }
                guard bytes[index] == 0x0A else { break }
                start = index + 1
            }
            // Trailing whitespace as `Character.isWhitespace` sees it: ASCII whitespace decides
            // by bytes when ASCII precedes it; a non-ASCII last scalar (U+00A0, a combining mark
            // after a space, a prepended mark before one) goes to the Character walk (nil).
            var end = bytes.count
            while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
            return (start, end > start && bytes[end - 1] >= 0x80 ? nil : end)
        }
        if let end { return end == start ? "" : String(text[index(text, start)..<index(text, end)]) }
        var result = String(text[index(text, start)...])
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII scalars
    /// with Unicode's White_Space property.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
