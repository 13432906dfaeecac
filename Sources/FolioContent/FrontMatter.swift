/// Splits a Markdown file into front matter and body, as Hugo and Jekyll write it:
/// YAML between `---` lines (closed by `---` or `...`) or TOML between `+++` lines.
enum FrontMatter {
    static func split(_ text: String) -> Result<SplitDocument, SourceProblem> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first else {
            return .success(SplitDocument(format: nil, frontMatter: "", frontMatterFirstLine: 1, body: ""))
        }
        let format: FrontMatterFormat
        switch trimmedTrailing(first) {
        case "---": format = .yaml
        case "+++": format = .toml
        default:
            return .success(SplitDocument(format: nil, frontMatter: "", frontMatterFirstLine: 1, body: body(lines[...])))
        }
        let closers: Set<String> = format == .yaml ? ["---", "..."] : ["+++"]
        guard let close = lines.indices.dropFirst().first(where: { closers.contains(trimmedTrailing(lines[$0])) }) else {
            let fence = format == .yaml ? "---" : "+++"
            return .failure(SourceProblem(position: .start, message:
                "unterminated front matter: the '\(fence)' on line 1 has no closing '\(fence)' line"))
        }
        let frontMatter = lines[1..<close].joined(separator: "\n")
        return .success(SplitDocument(format: format, frontMatter: frontMatter, frontMatterFirstLine: 2,
                                      body: body(lines[(close + 1)...])))
    }

    /// Parses split front matter into a root node; nil when there is none or it is empty.
    static func parse(_ document: SplitDocument) -> Result<FMNode?, SourceProblem> {
        switch document.format {
        case nil: return .success(nil)
        case .yaml: return YAMLFrontMatter.parse(document.frontMatter, firstLine: document.frontMatterFirstLine)
        case .toml: return TOMLFrontMatter.parse(document.frontMatter, firstLine: document.frontMatterFirstLine)
        }
    }

    /// The body without the blank lines that usually follow the closing fence, and
    /// without trailing whitespace.
    private static func body(_ lines: ArraySlice<Substring>) -> String {
        var slice = lines
        while let first = slice.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { slice = slice.dropFirst() }
        var text = slice.joined(separator: "\n")
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    private static func trimmedTrailing(_ line: Substring) -> String {
        var end = line.endIndex
        while end > line.startIndex, [" ", "\t"].contains(line[line.index(before: end)]) {
            end = line.index(before: end)
        }
        return String(line[..<end])
    }
}
