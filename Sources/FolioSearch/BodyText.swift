/// A Markdown body as a reader sees its words: what full-text search matches and what a
/// snippet shows. Not a Markdown parser: a single pass over each line that drops the markup
/// a reader never sees (emphasis stars, backticks, heading and list markers, link targets,
/// HTML tags, shortcodes) and keeps the rest. Code-fence lines are kept as written.
///
/// A body is cut into segments: its lines, and a line longer than `segmentLimit` scalars into
/// pieces of that size, so re-reading one segment (for a snippet) costs a bounded amount.
enum BodyText {
    static let segmentLimit = 1_024

    /// Where a segment is in its body, and how to read it.
    struct Segment: Sendable, Equatable {
        /// UTF-8 offsets into the body.
        var start: Int32
        var end: Int32
        /// Inside a fenced code block: kept as written.
        var code: Bool
        /// The segment begins a source line, so block markers (#, >, -) may open it.
        var lineStart: Bool
    }

    /// Calls `visit` with each segment of `body` and its scalars, in order. No recursion, one
    /// pass: linear in the body's size. `scalars` is reused between calls.
    static func segments(_ body: String, _ visit: (Segment, [Unicode.Scalar]) -> Void) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(256)
        var offset: Int32 = 0, start: Int32 = 0
        var inFence = false, lineStart = true
        func flush() {
            let fence = lineStart && isFence(scalars)
            visit(Segment(start: start, end: offset, code: inFence || fence, lineStart: lineStart), scalars)
            if fence { inFence.toggle() }
            scalars.removeAll(keepingCapacity: true)
            start = offset
        }
        for s in body.unicodeScalars {
            if s == "\n" {
                flush()
                offset += 1
                start = offset
                lineStart = true
                continue
            }
            scalars.append(s)
            offset += Int32(UTF8.width(s))
            if scalars.count == segmentLimit {
                flush()
                lineStart = false
            }
        }
        if !scalars.isEmpty { flush() }
    }

    /// A fence line: ``` or ~~~ (after up to three spaces).
    static func isFence(_ line: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < min(3, line.count), line[i] == " " { i += 1 }
        guard i + 3 <= line.count, line[i] == "`" || line[i] == "~" else { return false }
        return line[i + 1] == line[i] && line[i + 2] == line[i]
    }

    /// The scalars of one segment a reader sees, into `out` (cleared first).
    static func visible(_ line: [Unicode.Scalar], _ segment: Segment, into out: inout [Unicode.Scalar]) {
        out.removeAll(keepingCapacity: true)
        if segment.code {
            if !(segment.lineStart && isFence(line)) { out += line }
            return
        }
        let n = line.count
        var i = segment.lineStart ? blockPrefix(line) : 0
        if segment.lineStart && isRule(line) { return }
        while i < n {
            let c = line[i]
            switch c {
            case "\\" where i + 1 < n && line[i + 1].isASCII && line[i + 1].properties.isPatternSyntax:
                out.append(line[i + 1])
                i += 2
            case "*", "`":
                i += 1
            case "!" where i + 1 < n && line[i + 1] == "[":
                i += 1
            case "[":
                i += 1
            case "]":
                i += 1
                if i < n && (line[i] == "(" || line[i] == "[") { i = closing(line, from: i) }
            case "<":
                if let end = find(">", in: line, from: i + 1), i + 1 < n, isTagStart(line[i + 1]) {
                    let inner = line[(i + 1) ..< end]
                    if isAutolink(inner) { out += inner }
                    i = end + 1
                } else {
                    out.append(c)
                    i += 1
                }
            case "{" where i + 1 < n && line[i + 1] == "{":
                if let end = find("}", in: line, from: i + 2), end + 1 < n, line[end + 1] == "}" {
                    i = end + 2
                } else {
                    out.append(c)
                    i += 1
                }
            case "|":
                out.append(" ")
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
    }

    /// Where the text of a line starts after its block markers: indentation, quote marks,
    /// a heading's hashes, a list bullet or number.
    private static func blockPrefix(_ line: [Unicode.Scalar]) -> Int {
        let n = line.count
        var i = 0
        func spaces() { while i < n, line[i] == " " || line[i] == "\t" { i += 1 } }
        spaces()
        while i < n, line[i] == ">" {
            i += 1
            spaces()
        }
        var j = i
        while j < n, j - i < 6, line[j] == "#" { j += 1 }
        if j > i, j == n || line[j] == " " { i = j; spaces(); return i }
        if i + 1 < n, line[i] == "-" || line[i] == "*" || line[i] == "+", line[i + 1] == " " {
            i += 2
            spaces()
            return i
        }
        j = i
        while j < n, j - i < 9, ("0" ... "9").contains(line[j]) { j += 1 }
        if j > i, j + 1 < n, line[j] == "." || line[j] == ")", line[j + 1] == " " {
            i = j + 2
            spaces()
        }
        return i
    }

    /// A thematic break or a table's separator row: nothing to read.
    private static func isRule(_ line: [Unicode.Scalar]) -> Bool {
        var marks = 0
        for s in line {
            switch s {
            case "-", "*", "_", "=": marks += 1
            case " ", "\t", "|", ":": continue
            default: return false
            }
        }
        return marks >= 3
    }

    /// The index after the bracket that closes the one at `from` (a link's target or reference);
    /// the end of the line when it never closes. Counts nesting, never recurses.
    private static func closing(_ line: [Unicode.Scalar], from: Int) -> Int {
        let open = line[from], close: Unicode.Scalar = open == "(" ? ")" : "]"
        var depth = 0, i = from
        while i < line.count {
            if line[i] == open { depth += 1 } else if line[i] == close {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return line.count
    }

    private static func find(_ c: Unicode.Scalar, in line: [Unicode.Scalar], from: Int) -> Int? {
        var i = from
        while i < line.count {
            if line[i] == c { return i }
            i += 1
        }
        return nil
    }

    private static func isTagStart(_ s: Unicode.Scalar) -> Bool {
        s == "/" || s == "!" || (s.isASCII && s.properties.isAlphabetic)
    }

    /// `<https://…>` or `<name@host>`: shown as the address itself.
    private static func isAutolink(_ inner: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !inner.contains(" ") else { return false }
        let head = String(String.UnicodeScalarView(inner.prefix(8))).lowercased()
        return head.hasPrefix("http://") || head.hasPrefix("https://") || head.hasPrefix("mailto:") || inner.contains("@")
    }
}
