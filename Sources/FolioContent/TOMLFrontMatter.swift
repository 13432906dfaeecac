import TOMLKit

/// TOML front matter (Hugo's `+++` blocks). TOMLKit reports parse errors with a position
/// but not where values sit, so value positions are found by scanning the text: the
/// key's own line, or the first matching string literal after it (best effort).
enum TOMLFrontMatter {
    static func parse(_ text: String, firstLine: Int) -> Result<FMNode?, SourceProblem> {
        let shift = firstLine - 1
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            return .failure(SourceProblem(
                position: SourcePosition(line: max(begin.line, 1) + shift, column: max(begin.column, 1)),
                message: "malformed TOML front matter: \(error.description)"))
        } catch {
            return .failure(SourceProblem(position: SourcePosition(line: firstLine, column: 1),
                                          message: "malformed TOML front matter: \(error)"))
        }
        let locator = TOMLLocator(text: text, shift: shift)
        let root = convert(table: table, locator: locator, from: SourcePosition(line: firstLine, column: 1))
        return .success(root)
    }

    private static func convert(table: TOMLTable, locator: TOMLLocator, from start: SourcePosition) -> FMNode {
        var entries: [FMEntry] = []
        for (key, value) in table {
            let at = locator.key(key, after: start) ?? start
            entries.append(FMEntry(key: key, keyPosition: at, value: convert(value, locator: locator, at: at)))
        }
        // toml++ keeps keys sorted; file order reads better in diagnostics.
        entries.sort { $0.keyPosition < $1.keyPosition }
        return FMNode(value: .map(entries), position: start)
    }

    private static func convert(_ value: TOMLValueConvertible, locator: TOMLLocator, at: SourcePosition) -> FMNode {
        switch value.type {
        case .string:
            let text = value.string ?? ""
            return FMNode(value: .scalar(text, quoted: true), position: locator.literal(text, after: at) ?? at)
        case .int: return FMNode(value: .scalar(value.int.map { String($0) } ?? "", quoted: false), position: at)
        case .double: return FMNode(value: .scalar(value.double.map { "\($0)" } ?? "", quoted: false), position: at)
        case .bool: return FMNode(value: .scalar(value.bool == true ? "true" : "false", quoted: false), position: at)
        case .date: return FMNode(value: .scalar(value.date?.debugDescription ?? "", quoted: false), position: at)
        case .time: return FMNode(value: .scalar(value.time?.debugDescription ?? "", quoted: false), position: at)
        case .dateTime: return FMNode(value: .scalar(value.dateTime?.debugDescription ?? "", quoted: false), position: at)
        case .array:
            var items: [FMNode] = []
            var cursor = at
            for element in value.array.map(Array.init) ?? [] {
                let node = convert(element, locator: locator, at: cursor)
                items.append(node)
                cursor = node.position
            }
            return FMNode(value: .list(items), position: at)
        case .table:
            guard let table = value.table else { return FMNode(value: .map([]), position: at) }
            return convert(table: table, locator: locator, from: at)
        }
    }
}

/// Finds where keys and string literals sit in TOML text, scanning forward from a position.
struct TOMLLocator {
    let lines: [[Unicode.Scalar]]
    let shift: Int

    init(text: String, shift: Int) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        self.shift = shift
    }

    /// The first line at or after `start` that assigns `key` (`key =`, `"key" =`, `key.x =`)
    /// or opens it as a table (`[key]`, `[[key]]`).
    func key(_ key: String, after start: SourcePosition) -> SourcePosition? {
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        for index in max(start.line - shift - 1, 0)..<lines.count {
            let line = lines[index]
            var column = 0
            while column < line.count, line[column] == " " || line[column] == "\t" { column += 1 }
            var headerStart = column
            while headerStart < line.count, line[headerStart] == "[" { headerStart += 1 }
            for spelling in spellings {
                for begin in Set([column, headerStart]) where matches(line, at: begin, spelling) {
                    var after = begin + spelling.count
                    while after < line.count, line[after] == " " || line[after] == "\t" { after += 1 }
                    if after < line.count, ["=", ".", "]"].contains(line[after]) {
                        return SourcePosition(line: index + 1 + shift, column: begin + 1)
                    }
                }
            }
        }
        return nil
    }

    /// The first `"text"` or `'text'` at or after `start`.
    func literal(_ text: String, after start: SourcePosition) -> SourcePosition? {
        let needles = ["\"\(text)\"", "'\(text)'"].map { Array($0.unicodeScalars) }
        let firstIndex = max(start.line - shift - 1, 0)
        for index in firstIndex..<lines.count {
            let line = lines[index]
            let from = index == firstIndex ? max(start.column - 1, 0) : 0
            guard from < line.count else { continue }
            for column in from..<line.count where needles.contains(where: { matches(line, at: column, $0) }) {
                return SourcePosition(line: index + 1 + shift, column: column + 1)
            }
        }
        return nil
    }

    private func matches(_ line: [Unicode.Scalar], at column: Int, _ needle: [Unicode.Scalar]) -> Bool {
        guard column + needle.count <= line.count else { return false }
        return line[column..<column + needle.count].elementsEqual(needle)
    }
}
