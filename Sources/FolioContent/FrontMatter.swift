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
        let utf8 = text.utf8
        if utf8.first == UInt8(ascii: "{") { return splitJSON(text) }
        let firstEnd = lineEnd(in: utf8, from: utf8.startIndex)
        let format: FrontMatterFormat
        switch fence(utf8[utf8.startIndex..<firstEnd]) {
        case "---"?: format = .yaml
        case "+++"?: format = .toml
        default:
            return .success(SplitDocument(format: nil, frontMatter: "", frontMatterFirstLine: 1, body: body(text[...])))
        }
        let closers: Set<String> = format == .yaml ? ["---", "..."] : ["+++"]
        var start = firstEnd
        while start < utf8.endIndex {
            start = utf8.index(after: start)                     // past the "\n"
            let end = lineEnd(in: utf8, from: start)
            if let mark = fence(utf8[start..<end]), closers.contains(mark) {
                let open = utf8.index(after: firstEnd)
                // Lines 1..<close joined by "\n" is the text between the fences.
                let frontMatter = start > open ? String(text[open..<utf8.index(before: start)]) : ""
                let rest = end < utf8.endIndex ? text[utf8.index(after: end)...] : text[end...]
                return .success(SplitDocument(format: format, frontMatter: frontMatter, frontMatterFirstLine: 2,
                                              body: body(rest)))
            }
            start = end
        }
        let fenceText = format == .yaml ? "---" : "+++"
        return .failure(SourceProblem(position: .start, message:
            "unterminated front matter: the '\(fenceText)' on line 1 has no closing '\(fenceText)' line"))
    }

    /// Parses split front matter into a root node; nil when there is none or it is empty.
    static func parse(_ document: SplitDocument) -> Result<FMNode?, SourceProblem> {
        switch document.format {
        case nil: return .success(nil)
        case .yaml: return YAMLFrontMatter.parse(document.frontMatter, firstLine: document.frontMatterFirstLine)
        case .toml: return TOMLFrontMatter.parse(document.frontMatter, firstLine: document.frontMatterFirstLine)
        case .json: return JSONFrontMatter.parse(document.frontMatter, firstLine: document.frontMatterFirstLine)
        }
    }

    /// The object up to its matching "}", then the body from the next line.
    private static func splitJSON(_ text: String) -> Result<SplitDocument, SourceProblem> {
        let utf8 = text.utf8
        guard let length = JSONFrontMatter.objectLength(utf8) else {
            return .failure(SourceProblem(position: .start, message:
                "unterminated front matter: the '{' on line 1 has no matching '}'"))
        }
        let close = utf8.index(utf8.startIndex, offsetBy: length)
        let end = lineEnd(in: utf8, from: close)
        let rest = end < utf8.endIndex ? text[utf8.index(after: end)...] : text[end...]
        return .success(SplitDocument(format: .json, frontMatter: String(text[..<close]), frontMatterFirstLine: 1,
                                      body: body(rest)))
    }

    /// Index of the "\n" ending the line that starts at `start`, or the end of the text.
    private static func lineEnd(in utf8: String.UTF8View, from start: String.Index) -> String.Index {
        var previous: UInt8 = 0
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D { return index }
            previous = byte
            index = utf8.index(after: index)
        }
        return index
    }

    /// The line without trailing spaces and tabs, when that is a three-byte fence candidate.
    private static func fence(_ line: Substring.UTF8View) -> String? {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == 0x20 || line[line.index(before: end)] == 0x09 {
            end = line.index(before: end)
        }
        let trimmed = line[line.startIndex..<end]
        guard trimmed.count == 3 else { return nil }
        return String(decoding: trimmed, as: UTF8.self)
    }

    /// The body without the blank lines that usually follow the closing fence, and
    /// without trailing whitespace.
    private static func body(_ rest: Substring) -> String {
        var text = rest
        // Drop leading lines of only spaces and tabs (the last line has no "\n").
        while true {
            let utf8 = text.utf8
            var index = utf8.startIndex
            while index < utf8.endIndex, utf8[index] == 0x20 || utf8[index] == 0x09 { index = utf8.index(after: index) }
            if index == utf8.endIndex { return "" }
            guard utf8[index] == 0x0A, index == utf8.startIndex || utf8[utf8.index(before: index)] != 0x0D else { break }
            text = text[utf8.index(after: index)...]
        }
        var result = String(text)
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}
