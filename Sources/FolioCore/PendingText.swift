import FolioText

// Stand-ins for the FolioText API named in CONTRACT.md, which is being built in parallel.
// Same names and signatures, internal, so deleting this file switches FolioCore to the real
// implementation. Deliberately small: exact widths and real Markdown come from FolioText.

enum DisplayWidth {
    static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

    static func of(_ c: Character) -> Int {
        guard let v = c.unicodeScalars.first?.value else { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if (0x0300...0x036F).contains(v) || v == 0x200B || v == 0x200D { return 0 }
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }
}

enum Block: Sendable, Hashable {
    case paragraph([Span])
    case heading(Int, [Span])
    case item([Span])
    case blank
}

enum Markdown {
    static func parse(_ source: String) -> [Block] {
        var blocks: [Block] = []
        var para: [String] = []
        func flush() {
            if !para.isEmpty { blocks.append(.paragraph([Span(para.joined(separator: " "))])) }
            para = []
        }
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingPrefix(while: { $0 == " " })
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                flush()
                let level = line.prefix(while: { $0 == "#" }).count
                let text = String(line.dropFirst(level).trimmingPrefix(while: { $0 == " " }))
                blocks.append(.heading(level, [Span(text, Style(.heading, .bold))]))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flush()
                blocks.append(.item([Span(String(line.dropFirst(2)))]))
            } else {
                para.append(String(line))
            }
        }
        flush()
        return blocks
    }
}

enum Layout {
    static func lines(_ blocks: [Block], width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            if !out.isEmpty { out.append([]) }
            switch block {
            case .paragraph(let spans): out += wrap(spans, width: width)
            case .heading(_, let spans): out += wrap(spans, width: width)
            case .item(let spans):
                out += wrap(spans, width: max(1, width - 2)).enumerated().map { i, line in
                    [Span(i == 0 ? "• " : "  ")] + line
                }
            case .blank: break
            }
        }
        return out
    }
}

/// Greedy word wrap by display width; words longer than the line are folded.
func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
    let width = max(1, width)
    var lines: [StyledLine] = []
    var line: StyledLine = []
    var used = 0
    func emit() { lines.append(line); line = []; used = 0 }
    for span in spans {
        for word in span.text.split(separator: " ") {
            var word = String(word)
            let w = DisplayWidth.of(word)
            if used > 0 && used + 1 + w > width { emit() }
            if used > 0 { line.append(Span(" ", span.style)); used += 1 }
            while DisplayWidth.of(word) > width - used {
                let head = Text.clip(word, width: width - used)
                if head.isEmpty { emit(); continue }
                line.append(Span(head, span.style)); emit()
                word = String(word.dropFirst(head.count))
            }
            line.append(Span(word, span.style)); used += DisplayWidth.of(word)
        }
    }
    if !line.isEmpty || lines.isEmpty { emit() }
    return lines
}

enum Text {
    static func clip(_ s: String, width: Int) -> String {
        var out = "", used = 0
        for c in s {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            out.append(c); used += w
        }
        return out
    }

    static func pad(_ s: String, width: Int) -> String {
        let clipped = clip(s, width: width)
        return clipped + String(repeating: " ", count: max(0, width - DisplayWidth.of(clipped)))
    }
}
