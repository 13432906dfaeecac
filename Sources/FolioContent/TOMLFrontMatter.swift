import TOMLKit

/// TOML front matter (Hugo's `+++` blocks). TOMLKit reports parse errors with a position
/// but not where values sit; TOMLScanner finds those in one pass before TOMLKit runs, and
/// refuses nesting past `FrontMatter.maxDepth` there, so neither toml++ nor the conversion
/// below ever meets a deeper tree. A string value sits at its opening quote; other values
/// at their key (array elements at the element before them, as a best effort).
enum TOMLFrontMatter {
    static func parse(_ text: String, firstLine: Int) -> Result<FMNode?, SourceProblem> {
        var scanner = TOMLScanner(text, firstLine: firstLine)
        if let problem = scanner.scan() { return .failure(problem) }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            return .failure(SourceProblem(
                position: SourcePosition(line: max(begin.line, 1) + firstLine - 1, column: max(begin.column, 1)),
                message: "malformed TOML front matter: \(error.description)"))
        } catch {
            return .failure(SourceProblem(position: SourcePosition(line: firstLine, column: 1),
                                          message: "malformed TOML front matter: \(error)"))
        }
        let converter = Converter(positions: scanner.positions)
        return converter.convert(table: table, node: TOMLPositions.root,
                                 at: SourcePosition(line: firstLine, column: 1), depth: 1).map { Optional($0) }
    }

    /// TOMLKit values to FMNodes. Recursion is bounded: the scanner refused anything deeper
    /// than `FrontMatter.maxDepth`, and `depth` is checked again here.
    private struct Converter {
        let positions: TOMLPositions

        func convert(table: TOMLTable, node: Int32?, at start: SourcePosition, depth: Int) -> Result<FMNode, SourceProblem> {
            guard depth <= FrontMatter.maxDepth else { return .failure(FrontMatter.tooDeep(at: start)) }
            var entries: [FMEntry] = []
            for (key, value) in table {
                let child = node.flatMap { positions.child($0, key: key) }
                let at = child.map(positions.keyPosition) ?? start
                switch convert(value, node: child, at: at, depth: depth) {
                case .success(let converted): entries.append(FMEntry(key: key, keyPosition: at, value: converted))
                case .failure(let problem): return .failure(problem)
                }
            }
            // toml++ keeps keys sorted; file order reads better in diagnostics.
            entries.sort { $0.keyPosition < $1.keyPosition }
            return .success(FMNode(value: .map(entries), position: start))
        }

        /// `value` held by a container at `depth`.
        private func convert(_ value: TOMLValueConvertible, node: Int32?, at: SourcePosition,
                             depth: Int) -> Result<FMNode, SourceProblem> {
            func scalar(_ text: String?) -> Result<FMNode, SourceProblem> {
                .success(FMNode(value: .scalar(text ?? "", quoted: false), position: at))
            }
            switch value.type {
            case .string:
                let position = node.flatMap(positions.valuePosition) ?? at
                return .success(FMNode(value: .scalar(value.string ?? "", quoted: true), position: position))
            case .int: return scalar(value.int.map { String($0) })
            case .double: return scalar(value.double.map { "\($0)" })
            case .bool: return scalar(value.bool == true ? "true" : "false")
            case .date: return scalar(value.date?.debugDescription)
            case .time: return scalar(value.time?.debugDescription)
            case .dateTime: return scalar(value.dateTime?.debugDescription)
            case .array:
                guard depth < FrontMatter.maxDepth else { return .failure(FrontMatter.tooDeep(at: at)) }
                var items: [FMNode] = []
                var cursor = at
                for (index, element) in (value.array.map(Array.init) ?? [TOMLValueConvertible]()).enumerated() {
                    let child = node.flatMap { positions.child($0, index: index) }
                    switch convert(element, node: child, at: cursor, depth: depth + 1) {
                    case .success(let converted):
                        items.append(converted)
                        cursor = converted.position
                    case .failure(let problem): return .failure(problem)
                    }
                }
                return .success(FMNode(value: .list(items), position: at))
            case .table:
                guard let table = value.table else { return .success(FMNode(value: .map([]), position: at)) }
                return convert(table: table, node: node, at: at, depth: depth + 1)
            }
        }
    }
}
