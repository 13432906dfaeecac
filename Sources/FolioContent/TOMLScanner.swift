/// One forward pass over TOML text, before any parser sees it: records where every key and
/// value sits (TOMLPositions) and refuses nesting deeper than `FrontMatter.maxDepth`
/// at the key segment or bracket that goes too deep. Dotted keys and table headers nest
/// without brackets (`a.a.a… = 1`), and toml++ limits only bracket nesting, so a 40 KB file
/// could make tables 20,000 levels deep for everything after it to recurse through.
///
/// The pass never recurses and never goes back: each byte is looked at a bounded number of
/// times. It follows valid TOML; TOMLKit validates afterwards, so on invalid text it only has
/// to stop (every step consumes at least one byte).
struct TOMLScanner {
    private let bytes: [UInt8]
    private var index = 0
    private var line: Int
    private var column = 1
    private(set) var positions: TOMLPositions

    /// An open inline array or table.
    private struct Frame {
        var node: Int32
        var isArray: Bool
        var count = 0
    }
    private enum Expect { case key, value, afterValue }

    init(_ text: String, firstLine: Int) {
        bytes = Array(text.utf8)
        line = firstLine
        positions = TOMLPositions(rootPosition: SourcePosition(line: firstLine, column: 1))
    }

    /// Scans the whole text; the first nesting past the limit is returned as a problem.
    mutating func scan() -> SourceProblem? {
        var table = TOMLPositions.root          // the table the last header opened
        var frames: [Frame] = []
        var expect = Expect.key
        var owner = TOMLPositions.root          // whose value comes next, outside arrays
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D { advance(); continue }
            if byte == 0x0A {
                advance()
                if frames.isEmpty { expect = .key }
                continue
            }
            if byte == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != 0x0A { advance() }
                continue
            }
            switch expect {
            case .key:
                if frames.isEmpty, byte == UInt8(ascii: "[") {
                    switch header(in: table) {
                    case .success(let opened): table = opened
                    case .failure(let problem): return problem
                    }
                    expect = .afterValue
                } else if byte == UInt8(ascii: "}"), frames.last?.isArray == false {
                    advance()
                    frames.removeLast()
                    expect = .afterValue
                } else {
                    let start = index
                    switch dottedKey(from: frames.last?.node ?? table) {
                    case .success(let node): owner = node
                    case .failure(let problem): return problem
                    }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "=") { advance() }
                    if index == start { advance() }
                    expect = .value
                }
            case .value:
                if byte == UInt8(ascii: "]"), frames.last?.isArray == true {
                    advance()
                    frames.removeLast()
                    expect = .afterValue
                    continue
                }
                var node = owner
                if let last = frames.indices.last, frames[last].isArray {
                    node = positions.node(frames[last].node, index: frames[last].count, at: here)
                    frames[last].count += 1
                }
                positions.setValuePosition(node, here)
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    if let problem = tooDeep(node) { return problem }
                    frames.append(Frame(node: node, isArray: byte == UInt8(ascii: "[")))
                    advance()
                    expect = byte == UInt8(ascii: "[") ? .value : .key
                } else {
                    skipScalar()
                    expect = .afterValue
                }
            case .afterValue:
                advance()
                guard let last = frames.last else { continue }
                if byte == UInt8(ascii: ",") {
                    expect = last.isArray ? .value : .key
                } else if byte == UInt8(ascii: last.isArray ? "]" : "}") {
                    frames.removeLast()
                }
            }
        }
        return nil
    }

    /// `[a.b]` or `[[a.b]]`: the table it opens. A table array on the way means its last element.
    private mutating func header(in table: Int32) -> Result<Int32, SourceProblem> {
        advance()
        let isArray = index < bytes.count && bytes[index] == UInt8(ascii: "[")
        if isArray { advance() }
        var node = TOMLPositions.root
        while let (name, at) = segment() {
            node = positions.node(positions.lastTable(node), key: name, at: at)
            if let problem = tooDeep(node) { return .failure(problem) }
            skipBlanks()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { break }
            advance()
        }
        guard node != TOMLPositions.root else { return .success(table) }
        if isArray {
            node = positions.appendTable(to: node, at: positions.keyPosition(node))
            if let problem = tooDeep(node) { return .failure(problem) }
        }
        return .success(node)
    }

    /// `a.b.c` before `=`: the node of its last segment; the segments before it are tables.
    private mutating func dottedKey(from base: Int32) -> Result<Int32, SourceProblem> {
        var node = base
        while let (name, at) = segment() {
            node = positions.node(node, key: name, at: at)
            skipBlanks()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { break }
            if let problem = tooDeep(node) { return .failure(problem) }
            advance()
        }
        return .success(node)
    }

    /// A container at `node` past the depth limit, reported where its key or bracket is.
    private func tooDeep(_ node: Int32) -> SourceProblem? {
        guard positions.depth(node) > FrontMatter.maxDepth else { return nil }
        return FrontMatter.tooDeep(at: positions.valuePosition(node) ?? positions.keyPosition(node))
    }

    /// One key segment (bare, "basic" with escapes, or 'literal') and where it starts.
    private mutating func segment() -> (String, SourcePosition)? {
        skipBlanks()
        guard index < bytes.count else { return nil }
        let at = here
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return (basicString(), at)
        case UInt8(ascii: "'"):
            advance()
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "'"), bytes[index] != 0x0A { advance() }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            if index < bytes.count, bytes[index] == UInt8(ascii: "'") { advance() }
            return (name, at)
        default:
            let start = index
            while index < bytes.count, !Self.endsBareKey(bytes[index]) { advance() }
            guard index > start else { return nil }
            return (String(decoding: bytes[start..<index], as: UTF8.self), at)
        }
    }

    private static func endsBareKey(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "."), UInt8(ascii: "="), UInt8(ascii: "]"), UInt8(ascii: "["),
             UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","),
             UInt8(ascii: "{"), UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }

    /// A one-line "basic" string from its opening quote, unescaped as TOML does (keys are
    /// looked up by their unescaped text).
    private mutating func basicString() -> String {
        advance()
        var scalars = String.UnicodeScalarView()
        var start = index
        func flush() { scalars.append(contentsOf: String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars) }
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != 0x0A {
            guard bytes[index] == UInt8(ascii: "\\") else { advance(); continue }
            flush()
            advance()
            guard index < bytes.count else { break }
            let escape = bytes[index]
            advance()
            switch escape {
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "e"): scalars.append("\u{1B}")
            case UInt8(ascii: "u"), UInt8(ascii: "U"), UInt8(ascii: "x"):
                let digits = escape == UInt8(ascii: "u") ? 4 : escape == UInt8(ascii: "U") ? 8 : 2
                var value: UInt32 = 0
                for _ in 0..<digits {
                    guard index < bytes.count, let digit = Self.hexValue(bytes[index]) else { break }
                    value = value << 4 | digit
                    advance()
                }
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            default: scalars.append(Unicode.Scalar(escape))
            }
            start = index
        }
        flush()
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") { advance() }
        return String(scalars)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// A string (any of the four kinds) or a bare value: number, boolean, date.
    private mutating func skipScalar() {
        let quote = bytes[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            while index < bytes.count, !Self.endsBareKey(bytes[index]) || bytes[index] == UInt8(ascii: ".") { advance() }
            return
        }
        let multiline = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        advance(by: multiline ? 3 : 1)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { advance(by: 2); continue }
            if byte == 0x0A, !multiline { return }
            guard byte == quote else { advance(); continue }
            if !multiline { advance(); return }
            if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                advance(by: 3)
                // Up to two quotes may end the content itself: """a""""" is `a""`.
                for _ in 0..<2 where index < bytes.count && bytes[index] == quote { advance() }
                return
            }
            advance()
        }
    }

    private mutating func skipBlanks() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { advance() }
    }

    /// The position of the byte at `index`: columns count Unicode scalars, as libyaml's do.
    private var here: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance(by count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                line += 1
                column = 1
            } else if index < bytes.count, bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
        }
    }
}
