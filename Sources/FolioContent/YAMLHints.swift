import CLibYAML

/// libyaml's own error messages, with a position, the construct that was open, and a hint for
/// the mistakes people make most in front matter:
/// - an unquoted value that contains `: ` → quote the value;
/// - a tab in the indentation → YAML does not allow tabs for indentation;
/// - a line indented so that it joins the line above → check the indentation of that line.
enum YAMLHints {
    /// The parser's error as a problem at a file position (`shift` lines above the text).
    static func problem(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, shift: Int) -> SourceProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return SourceProblem(position: SourcePosition(line: shift + 1, column: 1),
                                 message: "malformed YAML front matter: out of memory")
        case YAML_READER_ERROR:
            // Reader errors (a control character, bad UTF-8) come as a byte offset.
            var at = Lines(bytes).position(ofByte: Int(parser.problem_offset))
            at.line += shift
            return SourceProblem(position: at, message: "malformed YAML front matter: \(problem)")
        default:
            let at = YAMLFrontMatter.position(parser.problem_mark, shift: shift)
            var message = "malformed YAML front matter: \(problem)"
            if let context = parser.context {
                let start = YAMLFrontMatter.position(parser.context_mark, shift: shift)
                message += " \(String(cString: context)) (which starts at \(start.line):\(start.column))"
            }
            if let hint = hint(problem: problem, line: Int(parser.problem_mark.line), column: Int(parser.problem_mark.column),
                               lineNumber: at.line, in: Lines(bytes)) {
                message += "; " + hint
            }
            return SourceProblem(position: at, message: message)
        }
    }

    /// A plain scalar whose continuation line starts with `- ` was meant as a list item; libyaml
    /// folds it into the value above (`tags: [a - b]`) without a word, so it is refused here.
    /// `lines` is made on first use and kept for the rest of the text.
    static func joinedListItem(_ start: yaml_mark_t, _ end: yaml_mark_t, bytes: UnsafeBufferPointer<UInt8>,
                               lines: inout Lines?, shift: Int) -> SourceProblem? {
        guard end.line > start.line else { return nil }
        if lines == nil { lines = Lines(bytes) }
        guard let lines else { return nil }
        for line in Int(start.line) + 1...Int(end.line) {
            guard let (offset, column) = lines.firstNonBlank(line: line), lines.isListItem(at: offset) else { continue }
            return SourceProblem(position: SourcePosition(line: line + 1 + shift, column: column + 1), message:
                "'-' on line \(line + 1 + shift) joins the value on the line above instead of starting a list item; check the indentation of line \(line + 1 + shift)")
        }
        return nil
    }

    /// The hint for libyaml's `problem` at 0-based `line`/`column` (file line `lineNumber`).
    private static func hint(problem: String, line: Int, column: Int, lineNumber: Int, in lines: Lines) -> String? {
        let indentation = lines.indentation(line: line)
        if indentation.contains(0x09) || (column == 0 && lines.byte(line: line, column: 0) == 0x09) {
            return "YAML does not allow tabs for indentation"
        }
        if problem == "mapping values are not allowed in this context" {
            // `key: value: more` has its own key before the colon libyaml stopped at; a line
            // without one joined the value of the line above.
            return lines.hasKey(line: line, before: column) ? "quote the value" : "check the indentation of line \(lineNumber)"
        }
        if let (offset, _) = lines.firstNonBlank(line: line), lines.isListItem(at: offset),
           problem.hasPrefix("did not find expected") {
            return "check the indentation of line \(lineNumber)"
        }
        return nil
    }

    /// Line starts of a UTF-8 text, found on demand (only when a problem or a multi-line plain
    /// scalar needs them).
    struct Lines {
        let bytes: UnsafeBufferPointer<UInt8>
        private let starts: [Int]

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            var starts = [0]
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
            self.starts = starts
        }

        private func range(_ line: Int) -> Range<Int> {
            guard line >= 0, line < starts.count else { return bytes.count..<bytes.count }
            let end = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count
            return starts[line]..<end
        }

        func byte(line: Int, column: Int) -> UInt8? {
            let range = range(line)
            return range.count > column ? bytes[range.lowerBound + column] : nil
        }

        /// The spaces and tabs that open `line`.
        func indentation(line: Int) -> [UInt8] {
            Array(bytes[range(line)].prefix { $0 == 0x20 || $0 == 0x09 })
        }

        /// Byte offset and 0-based column (in characters) of the first non-blank on `line`.
        func firstNonBlank(line: Int) -> (Int, Int)? {
            let range = range(line)
            guard let offset = range.first(where: { bytes[$0] != 0x20 && bytes[$0] != 0x09 && bytes[$0] != 0x0D })
            else { return nil }
            return (offset, offset - range.lowerBound)    // only spaces and tabs precede it
        }

        /// `-` followed by a blank or the end of the line.
        func isListItem(at offset: Int) -> Bool {
            guard bytes[offset] == UInt8(ascii: "-") else { return false }
            return offset + 1 == bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset + 1])
        }

        /// Whether `line` has `key:` followed by a blank before `column` (in characters).
        func hasKey(line: Int, before column: Int) -> Bool {
            let range = range(line)
            var characters = 0
            var offset = range.lowerBound
            while offset + 1 < range.upperBound, characters < column {
                if bytes[offset] == UInt8(ascii: ":"), bytes[offset + 1] == 0x20 || bytes[offset + 1] == 0x09 { return true }
                if bytes[offset] & 0xC0 != 0x80 { characters += 1 }
                offset += 1
            }
            return false
        }

        /// The 1-based position of byte `offset`; columns count Unicode scalars, as libyaml's do.
        func position(ofByte offset: Int) -> SourcePosition {
            var line = 0
            while line + 1 < starts.count, starts[line + 1] <= offset { line += 1 }
            let start = starts[line]
            let column = bytes[start..<min(offset, bytes.count)].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
            return SourcePosition(line: line + 1, column: column + 1)
        }
    }
}
