import FolioText

// Stand-ins for FolioText's Markdown and Layout, which are landing in parallel. Same names
// and signatures, internal, so deleting this file switches FolioCore to the real ones.

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
    static func lines(_ blocks: [Block], width: Int, glyphs: Glyphs = .unicode) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            if !out.isEmpty { out.append([]) }
            switch block {
            case .paragraph(let spans): out += wrap(spans, width: width)
            case .heading(_, let spans): out += wrap(spans, width: width)
            case .item(let spans):
                out += wrap(spans, width: max(1, width - 2)).enumerated().map { i, line in
                    [Span(i == 0 ? glyphs.bullet(depth: 0) + " " : "  ")] + line
                }
            case .blank: break
            }
        }
        return out
    }
}
