/// Reads TOML 1.0 (front matter, the stack file, folio.toml) into a `TOMLTree`: key/value
/// lines, `[table]` and `[[table array]]` headers, dotted and quoted keys, inline tables and
/// arrays, with TOML's rules on defining a key or a table twice. Open arrays and inline tables
/// sit on an explicit stack, and nesting deeper than `FrontMatter.maxDepth` is refused at the
/// key segment or bracket that goes too deep (dotted keys and headers nest without brackets:
/// `a.a.a… = 1`). One pass, no recursion, no going back.
struct TOMLReader {
    private var scanner: TOMLScanner
    private var tree: TOMLTree
    private typealias KeyPath = [(name: String, position: SourcePosition)]

    init(_ text: String, firstLine: Int) {
        scanner = TOMLScanner(text, firstLine: firstLine)
        tree = TOMLTree(rootPosition: SourcePosition(line: firstLine, column: 1))
    }

    mutating func read() throws(SourceProblem) -> TOMLTree {
        var table = TOMLTree.root
        while true {
            try scanner.skipBlankLines()
            guard let byte = scanner.peek else { return tree }
            if byte == UInt8(ascii: "[") {
                table = try header()
            } else {
                let slot = try keyAndEquals(in: table)
                try value(into: slot)
            }
            try scanner.endOfLine()
        }
    }

    // MARK: keys and tables

    /// `a.b.c`: its segments and where each starts.
    private mutating func keyPath() throws(SourceProblem) -> KeyPath {
        var path: KeyPath = []
        while true {
            scanner.skipBlanks()
            let (name, position) = try scanner.keySegment()
            path.append((name, position))
            scanner.skipBlanks()
            guard scanner.peek == UInt8(ascii: ".") else { return path }
            scanner.advance()
        }
    }

    private func dotted(_ path: some Collection<(name: String, position: SourcePosition)>) -> String {
        path.map { TOMLScanner.isBareKeyText($0.name) ? $0.name : "\"\($0.name)\"" }.joined(separator: ".")
    }

    /// `[a.b]` or `[[a.b]]`: the table that the lines after it fill.
    private mutating func header() throws(SourceProblem) -> Int32 {
        scanner.advance()
        let isArray = scanner.peek == UInt8(ascii: "[")
        if isArray { scanner.advance() }
        let path = try keyPath()
        let close = isArray ? "]]" : "]"
        for _ in close.utf8 {
            guard scanner.peek == UInt8(ascii: "]") else {
                throw scanner.problem("expected '\(close)' to close the header, found \(scanner.found)")
            }
            scanner.advance()
        }
        var node = TOMLTree.root
        for (offset, (name, position)) in path.enumerated() {
            let last = offset == path.count - 1
            let shown = "[\(isArray ? "[" : "")\(dotted(path[...offset]))\(isArray ? "]" : "")]"
            guard let existing = tree.child(node, key: name) else {
                node = tree.add(node, key: name, at: position, kind: last && isArray ? .tableArray : .table,
                                origin: last ? .header : .implicit)
                try checkDepth(node, at: position)
                continue
            }
            let found = tree[existing]
            if !last {
                switch (found.kind, found.origin) {
                case (.table, .implicit), (.table, .header), (.table, .dotted): node = existing
                case (.tableArray, _): node = found.children.last ?? existing
                default: throw redefinition(shown, found, at: position)
                }
            } else if isArray {
                guard found.kind == .tableArray else { throw redefinition(shown, found, at: position) }
                node = existing
            } else {
                guard found.kind == .table, found.origin == .implicit else { throw redefinition(shown, found, at: position) }
                tree.define(existing, kind: .table, origin: .header, at: found.keyPosition)
                node = existing
            }
        }
        guard isArray else { return node }
        let element = tree.add(node, key: nil, at: path[path.count - 1].position, kind: .table, origin: .header)
        try checkDepth(element, at: path[path.count - 1].position)
        return element
    }

    /// `a.b.c =` under `table`: the new node for `c`, whose value comes next.
    private mutating func keyAndEquals(in table: Int32) throws(SourceProblem) -> Int32 {
        let path = try keyPath()
        var node = table
        for (offset, (name, position)) in path.enumerated() {
            if let existing = tree.child(node, key: name) {
                let found = tree[existing]
                let first = "\(found.keyPosition.line):\(found.keyPosition.column)"
                guard offset < path.count - 1 else {
                    throw SourceProblem(position: position, message: "duplicate key '\(dotted(path))' in front matter (first at \(first))")
                }
                guard found.kind == .table, found.origin == .dotted else {
                    throw TOMLScanner.problem("'\(dotted(path[...offset]))' is defined at \(first); a dotted key cannot add to it",
                                              at: position)
                }
                node = existing
            } else if offset < path.count - 1 {
                node = tree.add(node, key: name, at: position, kind: .table, origin: .dotted)
                try checkDepth(node, at: position)
            } else {
                node = tree.add(node, key: name, at: position, kind: .scalar, origin: .value)
            }
        }
        guard scanner.peek == UInt8(ascii: "=") else {
            throw scanner.problem("expected '=' after the key '\(dotted(path))', found \(scanner.found)")
        }
        scanner.advance()
        scanner.skipBlanks()
        return node
    }

    private func redefinition(_ shown: String, _ found: TOMLTree.Node, at position: SourcePosition) -> SourceProblem {
        let what: String
        switch found.kind {
        case .scalar: what = "a value"
        case .array: what = "an array"
        case .tableArray: what = "an array of tables"
        case .table: what = found.origin == .inline ? "an inline table" : "a table"
        }
        return TOMLScanner.problem("\(shown) is already defined as \(what) at \(found.keyPosition.line):\(found.keyPosition.column)",
                                   at: position)
    }

    private func checkDepth(_ node: Int32, at position: SourcePosition) throws(SourceProblem) {
        if tree[node].depth > FrontMatter.maxDepth { throw FrontMatter.tooDeep(at: position) }
    }

    // MARK: values

    /// An open array or inline table, and whether a value was read since it opened or since its
    /// last comma.
    private struct Frame {
        var node: Int32
        var isArray: Bool
        var afterValue = false
    }

    /// The value for `first`, with every array and inline table it opens, to its end.
    private mutating func value(into first: Int32) throws(SourceProblem) {
        var frames: [Frame] = []
        var slot = first
        while true {
            let at = scanner.here
            switch scanner.peek {
            case UInt8(ascii: "[")?, UInt8(ascii: "{")?:
                let isArray = scanner.peek == UInt8(ascii: "[")
                tree.define(slot, kind: isArray ? .array : .table, origin: isArray ? .value : .inline, at: at)
                try checkDepth(slot, at: at)
                scanner.advance()
                frames.append(Frame(node: slot, isArray: isArray))
            case UInt8(ascii: "\"")?, UInt8(ascii: "'")?:
                tree.setScalar(slot, try scanner.string(), quoted: true, at: at)
            case nil, 0x0A?, 0x0D?, UInt8(ascii: "#")?, UInt8(ascii: ",")?, UInt8(ascii: "]")?, UInt8(ascii: "}")?:
                throw scanner.problem("expected a value, found \(scanner.found)")
            default:
                let word = scanner.bareWord()
                switch TOMLBareValue.read(word) {
                case .value(let text): tree.setScalar(slot, text, quoted: false, at: at)
                case .problem(let message): throw TOMLScanner.problem(message, at: at)
                }
            }
            guard let next = try nextSlot(&frames) else { return }
            slot = next
        }
    }

    /// Closes what ends after a value (or an opening bracket) and makes the node for the next
    /// value: an array element, or an inline table's key; nil when the outermost value ended.
    private mutating func nextSlot(_ frames: inout [Frame]) throws(SourceProblem) -> Int32? {
        while let last = frames.indices.last {
            let frame = frames[last]
            // Arrays may span lines (with comments); inline tables stay on one line.
            if frame.isArray { try scanner.skipBlankLines() } else { scanner.skipBlanks() }
            // An array may close after a trailing comma; an inline table may not.
            let mayClose = frame.isArray || frame.afterValue || tree[frame.node].children.isEmpty
            if scanner.peek == UInt8(ascii: frame.isArray ? "]" : "}"), mayClose {
                scanner.advance()
                frames.removeLast()
                continue
            }
            if frame.afterValue {
                guard scanner.peek == UInt8(ascii: ",") else {
                    throw scanner.problem(frame.isArray
                        ? "expected ',' or ']' after an array element, found \(scanner.found)"
                        : "expected ',' or '}' in an inline table (it must stay on one line), found \(scanner.found)")
                }
                scanner.advance()
                frames[last].afterValue = false
                continue
            }
            frames[last].afterValue = true
            if frame.isArray { return tree.add(frame.node, key: nil, at: scanner.here, kind: .scalar, origin: .value) }
            return try keyAndEquals(in: frame.node)
        }
        return nil
    }
}
