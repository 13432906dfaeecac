/// One piece of raw HTML as Markdown lets it through: text between tags, a tag, or something
/// never shown (a comment, a declaration, a processing instruction).
enum HTMLToken: Equatable {
    /// Text with character references decoded (not yet sanitised).
    case text(String)
    /// `<name attr="v">`; `name` is lower-cased, attribute names too. `selfClosing` for `<br/>`.
    case open(String, attributes: [String: String], selfClosing: Bool)
    case close(String)
    /// `<!-- … -->`, `<!DOCTYPE …>`, `<?…?>`, `<![CDATA[…]]>`: never shown.
    case hidden
}

/// A single forward pass over raw HTML: no recursion, no tree, so input-controlled nesting
/// cannot grow the stack. Anything that is not a well-formed tag stays text, as a browser
/// shows it. At most `maxAttributes` attributes per tag are kept. Linear time: a search for a
/// closing byte that fails is remembered, so "<!<!<!…" does not rescan to the end each time.
struct HTMLScanner {
    static let maxAttributes = 32

    private let b: [UInt8]
    /// byte → the earliest position from which a search for it already failed.
    private var missingFrom: [UInt8: Int] = [:]

    private init(_ html: String) { b = Array(html.utf8) }

    static func tokens(_ html: String) -> [HTMLToken] {
        var scanner = HTMLScanner(html)
        return scanner.scan()
    }

    private mutating func scan() -> [HTMLToken] {
        let bytes = b
        var tokens: [HTMLToken] = []
        var textStart = 0
        var i = 0
        func flushText(upTo end: Int) {
            if end > textStart {
                tokens.append(.text(HTMLEntities.decode(String(decoding: bytes[textStart..<end], as: UTF8.self))))
            }
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), let (token, next) = markup(at: i) else {
                i += 1
                continue
            }
            flushText(upTo: i)
            tokens.append(token)
            i = next
            textStart = next
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    /// The markup starting at `start` (a "<") and the index after it; nil when it is not markup.
    private mutating func markup(at start: Int) -> (HTMLToken, Int)? {
        if starts(start, "<!--") {
            let end = find("-->", from: start + 4).map { $0 + 3 } ?? b.count
            return (.hidden, end)
        }
        if starts(start, "<![CDATA[") {
            return (.hidden, find("]]>", from: start + 9).map { $0 + 3 } ?? b.count)
        }
        guard start + 1 < b.count else { return nil }
        let next = b[start + 1]
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            guard let end = find(UInt8(ascii: ">"), from: start + 2) else { return nil }
            return (.hidden, end + 1)
        }
        let closing = next == UInt8(ascii: "/")
        let nameStart = start + (closing ? 2 : 1)
        guard nameStart < b.count, isLetter(b[nameStart]) else { return nil }
        var i = nameStart
        while i < b.count, isNameByte(b[i]) { i += 1 }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: ">") {
                let token: HTMLToken = closing ? .close(name) : .open(name, attributes: attributes, selfClosing: selfClosing)
                return (token, i + 1)
            }
            if c == UInt8(ascii: "<") { return nil }  // "a <b c" is text, not a tag
            if c == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
            if isSpace(c) { i += 1; continue }
            selfClosing = false
            // An attribute: name, then optionally = and a quoted or bare value.
            let attrStart = i
            while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">"),
                  b[i] != UInt8(ascii: "/") || i == attrStart { i += 1 }
            let attrName = String(decoding: b[attrStart..<i], as: UTF8.self).lowercased()
            var value = ""
            var j = i
            while j < b.count, isSpace(b[j]) { j += 1 }
            if j < b.count, b[j] == UInt8(ascii: "=") {
                j += 1
                while j < b.count, isSpace(b[j]) { j += 1 }
                guard j < b.count else { return nil }
                if b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                    guard let close = find(b[j], from: j + 1) else { return nil }
                    value = String(decoding: b[(j + 1)..<close], as: UTF8.self)
                    j = close + 1
                } else {
                    let valueStart = j
                    while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                    value = String(decoding: b[valueStart..<j], as: UTF8.self)
                }
                i = j
            }
            if attributes.count < Self.maxAttributes, attributes[attrName] == nil {
                attributes[attrName] = HTMLEntities.decode(value)
            }
        }
        return nil
    }

    private func starts(_ at: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard at + count <= b.count else { return false }
        return prefix.withUTF8Buffer { p in
            (0..<count).allSatisfy { k in lower(b[at + k]) == lower(p[k]) }
        }
    }

    /// Used only where a miss consumes the rest of the input, so each runs at most once per hit.
    private func find(_ needle: StaticString, from: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, from <= b.count - count else { return nil }
        return needle.withUTF8Buffer { p in
            (from...(b.count - count)).first { at in (0..<count).allSatisfy { b[at + $0] == p[$0] } }
        }
    }

    private mutating func find(_ byte: UInt8, from: Int) -> Int? {
        guard from < b.count, from < missingFrom[byte, default: Int.max] else { return nil }
        if let at = b[from...].firstIndex(of: byte) { return at }
        missingFrom[byte] = from
        return nil
    }

    private func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
    private func isLetter(_ c: UInt8) -> Bool { (65...90).contains(c) || (97...122).contains(c) }
    private func isNameByte(_ c: UInt8) -> Bool {
        isLetter(c) || (48...57).contains(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ":")
    }
    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
}
