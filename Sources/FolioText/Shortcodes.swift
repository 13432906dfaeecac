/// One Hugo shortcode call: `{{< name pos "quoted pos" key="value" >}}` or the `{{% … %}}` form.
struct Shortcode: Sendable, Equatable {
    var name: String
    var positional: [String] = []
    var keys: [String] = []
    var values: [String] = []   // parallel to keys
    var closing = false

    func named(_ key: String) -> String? {
        keys.firstIndex(of: key).map { values[$0] }
    }

    /// `named(key)`, else the positional argument at `index`.
    func argument(_ key: String, _ index: Int) -> String? {
        named(key) ?? (positional.indices.contains(index) ? positional[index] : nil)
    }
}

/// Finds Hugo shortcodes before Markdown parsing, as Hugo does (so they work in any context).
///
/// - A paired call (`{{< notice >}}…{{< /notice >}}`) keeps only its inner text; `highlight`
///   pairs become a fenced code block in their language.
/// - Any other call becomes one private-use marker scalar (U+F0000 + its index) that the block
///   builder expands with `line(for:)`; markers already in the source become U+FFFD first.
/// - `{{</* x */>}}` is Hugo's escape and shows as the literal `{{< x >}}`.
/// - A call longer than `maxLength` bytes or never closed stays as written. One linear scan.
enum Shortcodes {
    static let maxLength = 4096
    static let markerBase: UInt32 = 0xF0000
    static let maxCodes = 0xFFFD

    static func extract(_ source: String) -> (text: String, codes: [Shortcode]) {
        guard source.utf8.count >= 7, source.containsBytes("{{") else { return (source, []) }
        var input = source
        if input.unicodeScalars.contains(where: isMarkerScalar) {
            input = String(String.UnicodeScalarView(input.unicodeScalars.map { isMarkerScalar($0) ? "\u{FFFD}" : $0 }))
        }
        let b = Array(input.utf8)
        var calls: [(range: Range<Int>, code: Shortcode?, literal: String?)] = []
        // Every "{{" and every closing ">}}" / "%}}", found once; the cursors only move forward,
        // so a source full of unclosed "{{<" stays linear.
        var opens: [Int] = [], angleCloses: [Int] = [], percentCloses: [Int] = []
        for k in 0..<(b.count - 1) where b[k] == UInt8(ascii: "}") && b[k + 1] == UInt8(ascii: "}") || b[k] == UInt8(ascii: "{") && b[k + 1] == UInt8(ascii: "{") {
            if b[k] == UInt8(ascii: "{") { opens.append(k) }
            else if k > 0, b[k - 1] == UInt8(ascii: ">") { angleCloses.append(k - 1) }
            else if k > 0, b[k - 1] == UInt8(ascii: "%") { percentCloses.append(k - 1) }
        }
        var (nextOpen, nextAngle, nextPercent) = (0, 0, 0)
        for start in opens {
            guard start >= (calls.last?.range.upperBound ?? 0), start + 2 < b.count else { continue }
            let isAngle = b[start + 2] == UInt8(ascii: "<")
            guard isAngle || b[start + 2] == UInt8(ascii: "%") else { continue }
            while nextOpen < opens.count, opens[nextOpen] <= start + 1 { nextOpen += 1 }
            while nextAngle < angleCloses.count, angleCloses[nextAngle] < start + 3 { nextAngle += 1 }
            while nextPercent < percentCloses.count, percentCloses[nextPercent] < start + 3 { nextPercent += 1 }
            let closes = isAngle ? angleCloses : percentCloses
            let cursor = isAngle ? nextAngle : nextPercent
            guard cursor < closes.count else { continue }
            let close = closes[cursor]
            // Not closed within the limit, or another call opens first: leave it as written.
            guard close - start <= maxLength, nextOpen >= opens.count || opens[nextOpen] > close else { continue }
            let inner = String(decoding: b[(start + 3)..<close], as: UTF8.self)
            let range = start..<(close + 3)
            if let escaped = escapedComment(inner) {
                calls.append((range, nil, (isAngle ? "{{<" : "{{%") + escaped + (isAngle ? ">}}" : "%}}")))
            } else if let code = parse(inner) {
                calls.append((range, code, nil))
            }
        }
        guard !calls.isEmpty else { return (source, []) }
        // A call is paired when a closing call of the same name follows it.
        var closedLater: Set<String> = []
        var paired = Array(repeating: false, count: calls.count)
        for index in calls.indices.reversed() {
            guard let code = calls[index].code else { continue }
            if code.closing { closedLater.insert(code.name) } else { paired[index] = closedLater.contains(code.name) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var codes: [Shortcode] = []
        var copied = 0
        var fence = "```"
        for (index, call) in calls.enumerated() {
            out += b[copied..<call.range.lowerBound]
            copied = call.range.upperBound
            if let literal = call.literal {
                out += Array(literal.utf8)
                continue
            }
            guard let code = call.code else { continue }
            if code.name == "highlight", code.closing || paired[index] {
                if code.closing {
                    out += Array(((out.last == UInt8(ascii: "\n") ? "" : "\n") + fence).utf8)
                } else {
                    let end = calls[(index + 1)...].first { $0.code?.closing == true && $0.code?.name == "highlight" }
                    fence = String(repeating: "`", count: max(3, longestBacktickRun(b[call.range.upperBound..<(end?.range.lowerBound ?? b.count)]) + 1))
                    out += Array("\n\(fence)\(code.positional.first.map(cleanInfo) ?? "")\n".utf8)
                    if copied < b.count, b[copied] == UInt8(ascii: "\n") { copied += 1 }
                }
            } else if !code.closing, !paired[index], codes.count < maxCodes {
                out += Array(String(Character(Unicode.Scalar(markerBase + UInt32(codes.count))!)).utf8)
                codes.append(code)
            }
        }
        out += b[copied...]
        return (String(decoding: out, as: UTF8.self), codes)
    }

    /// The index of the shortcode a marker scalar stands for.
    static func index(of scalar: Unicode.Scalar) -> Int? {
        isMarkerScalar(scalar) ? Int(scalar.value - markerBase) : nil
    }

    /// One short line for a call: "▶ youtube ID", a link for figure, gist, vimeo and the like.
    /// `plain` is the form for URLs and code, where no styles apply.
    static func line(for code: Shortcode, marker: String = Glyphs.unicode.shortcode) -> (spans: [Span], plain: String) {
        let name = code.name.hasSuffix("_simple") ? String(code.name.dropLast(7)) : code.name
        var words: [String] = []
        var url: String?
        switch name {
        case "ref", "relref", "param":
            let target = code.argument("path", 0) ?? code.argument("name", 0) ?? ""
            let text = Sanitiser.cleanLine(target)
            return ([Span(text)], text)
        case "youtube":
            words = [code.argument("id", 0) ?? ""]
        case "vimeo":
            url = code.argument("id", 0).map { "https://vimeo.com/" + $0 }
        case "gist":
            if let user = code.argument("user", 0), let id = code.argument("id", 1) {
                url = "https://gist.github.com/\(user)/\(id)"
                words = code.argument("file", 2).map { [$0] } ?? []
            }
        case "instagram":
            url = code.argument("id", 0).map { "https://www.instagram.com/p/" + $0 }
        case "x", "tweet", "twitter":
            if let user = code.argument("user", 0), let id = code.argument("id", 1) {
                url = "https://x.com/\(user)/status/\(id)"
            }
        case "figure":
            words = [code.named("title") ?? code.named("caption") ?? code.named("alt") ?? ""]
            url = code.named("src") ?? code.named("link")
        default:
            break
        }
        if words.allSatisfy(\.isEmpty) && url == nil { words = code.positional + code.values }
        let head = marker + " " + Sanitiser.cleanLine(name)
        let text = words.filter { !$0.isEmpty }.map(Sanitiser.cleanLine).joined(separator: " ")
        var spans = [Span(head, Style(.muted))]
        var plain = head
        if !text.isEmpty {
            let clipped = Text.clip(text, width: 60)
            spans.append(Span(" " + clipped))
            plain += " " + clipped
        }
        if let url {
            let cleaned = Sanitiser.cleanLine(url)
            spans.append(Span(" " + cleaned, Style(.url)))
            plain += " " + cleaned
        }
        return (spans, plain)
    }

    private static func isMarkerScalar(_ s: Unicode.Scalar) -> Bool {
        s.value >= markerBase && s.value < markerBase + UInt32(maxCodes)
    }

    /// The text of `/* x */` (Hugo's way to show a shortcode literally), else nil.
    private static func escapedComment(_ inner: String) -> String? {
        let trimmed = inner.trimmingSpaces
        guard trimmed.hasPrefix("/*"), trimmed.hasSuffix("*/"), trimmed.count >= 4 else { return nil }
        return String(trimmed.dropFirst(2).dropLast(2))
    }

    /// Splits the inside of a call into its name and arguments.
    private static func parse(_ inner: String) -> Shortcode? {
        var tokens = words(inner)
        if tokens.last == "/" { tokens.removeLast() }
        guard var name = tokens.first, !name.isEmpty else { return nil }
        var code = Shortcode(name: "")
        if name.hasPrefix("/") {
            code.closing = true
            name.removeFirst()
        }
        if name.hasSuffix("/") { name.removeLast() }
        code.name = name
        for token in tokens.dropFirst() {
            if let equals = token.firstIndex(of: "="), token[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
               equals != token.startIndex {
                code.keys.append(String(token[..<equals]))
                code.values.append(unquote(token[token.index(after: equals)...]))
            } else {
                code.positional.append(unquote(token[...]))
            }
        }
        return code
    }

    /// Whitespace-separated words; quoted parts (with `\"` escapes) may hold spaces.
    private static func words(_ s: String) -> [String] {
        var out: [String] = []
        var word = ""
        var quote: Character?
        var escaped = false
        for c in s {
            if escaped {
                word.append(c)
                escaped = false
            } else if let q = quote {
                if c == "\\" && q == "\"" { escaped = true; word.append(c); continue }
                if c == q { quote = nil }
                word.append(c)
            } else if c == "\"" || c == "`" {
                quote = c
                word.append(c)
            } else if c.isWhitespace {
                if !word.isEmpty { out.append(word) }
                word = ""
            } else {
                word.append(c)
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    private static func unquote(_ s: Substring) -> String {
        guard s.count >= 2, let first = s.first, first == "\"" || first == "`", s.last == first else { return String(s) }
        let inner = s.dropFirst().dropLast()
        return first == "\"" ? inner.replacingBackslashQuotes() : String(inner)
    }

    /// A fence info string keeps only what cannot end the fence line or break the fence.
    private static func cleanInfo(_ language: String) -> String {
        String(language.filter { !$0.isWhitespace && $0 != "`" }.prefix(40))
    }

    private static func longestBacktickRun(_ bytes: ArraySlice<UInt8>) -> Int {
        var longest = 0, run = 0
        for byte in bytes {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}

private extension Substring {
    func replacingBackslashQuotes() -> String {
        var out = ""
        var escaped = false
        for c in self {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
