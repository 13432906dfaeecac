/// JSON front matter, as Hugo allows: a `{ … }` object at the very top of the file.
///
/// Parsed by one loop over the bytes with an explicit stack of open containers (no recursion),
/// refused past `maxDepth` levels, with a file position on every node.
enum JSONFrontMatter {
    static let maxDepth = 64

    /// Byte length of the object that starts `utf8` (which starts with "{"): strings and escapes
    /// are skipped and braces counted. nil when it never closes.
    static func objectLength(_ utf8: String.UTF8View) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var count = 0
        for byte in utf8 {
            count += 1
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return count }
            default: break
            }
        }
        return nil
    }

    static func parse(_ text: String, firstLine: Int) -> Result<FMNode?, SourceProblem> {
        var reader = JSONReader(Array(text.utf8), firstLine: firstLine)
        return reader.read().map { $0 }
    }
}

private struct JSONReader {
    private enum Frame {
        case list([FMNode], SourcePosition)
        case map([FMEntry], SourcePosition, key: (String, SourcePosition)?)
    }

    private enum Expect { case value, valueOrClose, key, keyOrClose, separator }

    private let b: [UInt8]
    private let firstLine: Int
    private var i = 0
    private var line = 0
    private var lineStart = 0

    init(_ bytes: [UInt8], firstLine: Int) {
        b = bytes
        self.firstLine = firstLine
    }

    private var position: SourcePosition { SourcePosition(line: firstLine + line, column: i - lineStart + 1) }

    private func problem(_ message: String, at: SourcePosition? = nil) -> SourceProblem {
        SourceProblem(position: at ?? position, message: "malformed JSON front matter: " + message)
    }

    mutating func read() -> Result<FMNode, SourceProblem> {
        var stack: [Frame] = []
        var expect = Expect.value
        while true {
            skipSpace()
            guard i < b.count else { return .failure(problem("unexpected end of the object")) }
            let at = position
            let c = b[i]
            var finished: FMNode?
            switch expect {
            case .key, .keyOrClose:
                if expect == .keyOrClose, c == UInt8(ascii: "}") {
                    i += 1
                    guard case .map(let entries, let start, _) = stack.removeLast() else { break }
                    finished = FMNode(value: .map(entries), position: start)
                    break
                }
                guard c == UInt8(ascii: "\"") else { return .failure(problem("expected a key in double quotes")) }
                let key: String
                switch string() {
                case .success(let s): key = s
                case .failure(let p): return .failure(p)
                }
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return .failure(problem("expected ':' after key '\(key)'")) }
                i += 1
                if case .map(let entries, let start, _) = stack.removeLast() { stack.append(.map(entries, start, key: (key, at))) }
                expect = .value
                continue
            case .separator:
                if c == UInt8(ascii: ",") {
                    i += 1
                    if case .map = stack.last { expect = .key } else { expect = .value }
                    continue
                }
                switch (stack.last, c) {
                case (.list(let items, let start)?, UInt8(ascii: "]")):
                    finished = FMNode(value: .list(items), position: start)
                case (.map(let entries, let start, _)?, UInt8(ascii: "}")):
                    finished = FMNode(value: .map(entries), position: start)
                default:
                    let closer = if case .map = stack.last { "'}'" } else { "']'" }
                    return .failure(problem("expected ',' or \(closer)"))
                }
                i += 1
                stack.removeLast()
            case .value, .valueOrClose:
                if expect == .valueOrClose, c == UInt8(ascii: "]") {
                    i += 1
                    guard case .list(let items, let start) = stack.removeLast() else { break }
                    finished = FMNode(value: .list(items), position: start)
                    break
                }
                if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                    guard stack.count < JSONFrontMatter.maxDepth else {
                        return .failure(problem("nested deeper than \(JSONFrontMatter.maxDepth) levels"))
                    }
                    i += 1
                    stack.append(c == UInt8(ascii: "{") ? .map([], at, key: nil) : .list([], at))
                    expect = c == UInt8(ascii: "{") ? .keyOrClose : .valueOrClose
                    continue
                }
                switch scalar() {
                case .success(let node): finished = node
                case .failure(let p): return .failure(p)
                }
            }
            guard let node = finished else { return .failure(problem("unexpected '\(Character(Unicode.Scalar(c)))'")) }
            switch stack.popLast() {
            case nil:
                skipSpace()
                guard i == b.count else { return .failure(problem("text after the closing '}'")) }
                guard case .map = node.value else { return .failure(problem("front matter must be an object", at: node.position)) }
                return .success(node)
            case .list(var items, let start)?:
                items.append(node)
                stack.append(.list(items, start))
            case .map(var entries, let start, let key)?:
                if let key { entries.append(FMEntry(key: key.0, keyPosition: key.1, value: node)) }
                stack.append(.map(entries, start, key: nil))
            }
            expect = .separator
        }
    }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D {
            if b[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
    }

    /// A number, true, false or null (unquoted), or a string (quoted).
    private mutating func scalar() -> Result<FMNode, SourceProblem> {
        let at = position
        if b[i] == UInt8(ascii: "\"") { return string().map { FMNode(value: .scalar($0, quoted: true), position: at) } }
        let start = i
        while i < b.count, isBare(b[i]) { i += 1 }
        let word = String(decoding: b[start..<i], as: UTF8.self)
        let isNumber = !word.isEmpty && word.allSatisfy { $0.isNumber || "-+.eE".contains($0) } && word.contains { $0.isNumber }
        guard isNumber || ["true", "false", "null"].contains(word) else {
            return .failure(problem(word.isEmpty ? "expected a value" : "'\(word)' is not a JSON value", at: at))
        }
        return .success(FMNode(value: .scalar(word, quoted: false), position: at))
    }

    private func isBare(_ c: UInt8) -> Bool {
        (48...57).contains(c) || (97...122).contains(c) || (65...90).contains(c) || c == UInt8(ascii: "-")
            || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
    }

    /// A string at `b[i]` (the opening quote), escapes decoded.
    private mutating func string() -> Result<String, SourceProblem> {
        let at = position
        i += 1
        var out: [UInt8] = []
        var pendingHigh: UInt32?
        while i < b.count {
            let c = b[i]
            i += 1
            if c == UInt8(ascii: "\"") { return .success(String(decoding: out, as: UTF8.self)) }
            if c == 0x0A { return .failure(problem("line break inside a string", at: at)) }
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                continue
            }
            guard i < b.count else { break }
            let e = b[i]
            i += 1
            let simple: [UInt8: UInt8] = [UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D,
                                          UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "/"): 0x2F,
                                          UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "\""): 0x22]
            if let s = simple[e] {
                out.append(s)
            } else if e == UInt8(ascii: "u"), i + 4 <= b.count,
                      let v = UInt32(String(decoding: b[i..<(i + 4)], as: UTF8.self), radix: 16) {
                i += 4
                if (0xD800..<0xDC00).contains(v) { pendingHigh = v; continue }
                var scalar = Unicode.Scalar(v)
                if (0xDC00..<0xE000).contains(v), let high = pendingHigh {
                    scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00))
                }
                out += Array(String(Character(scalar ?? "\u{FFFD}")).utf8)
            } else {
                return .failure(problem("unknown escape '\\\(Character(Unicode.Scalar(e)))'", at: at))
            }
            pendingHigh = nil
        }
        return .failure(problem("unterminated string", at: at))
    }
}
