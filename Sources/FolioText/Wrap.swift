/// Greedy word wrap of styled spans to `width` display columns.
///
/// - Words break at spaces and tabs (a tab counts as one space) and around wide (CJK, emoji)
///   characters, which need no space to break; styles carry across span boundaries.
/// - A word wider than the line is folded at grapheme boundaries.
/// - "\n" in any span is a hard break; each "\n" starts a new line, so "a\n" gives two lines.
/// - Leading spaces of a paragraph are kept; spaces at a wrap point and at a line's end go.
/// - No line is ever wider than `width`. A character wider than the whole line (a wide character
///   at width 1) becomes "?". `width <= 0` returns []. Empty input returns [].
public func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
    guard width > 0, spans.contains(where: { !$0.text.isEmpty }) else { return [] }
    var wrapper = Wrapper(width: width)
    for span in spans {
        for c in span.text {
            wrapper.add(c, span.style)
        }
    }
    return wrapper.finish()
}

/// The state of one greedy wrap: the line being filled, the pending gap (spaces seen since the
/// last word) and the word being collected.
private struct Wrapper {
    let width: Int
    var lines: [StyledLine] = []
    var line: StyledLine = []
    var lineWidth = 0
    var gap: StyledLine = []
    var gapWidth = 0
    var word: [(Character, Style, Int)] = []
    var wordWidth = 0
    /// True until the current paragraph's first word is placed: its leading gap is kept.
    var paragraphStart = true

    init(width: Int) { self.width = width }

    mutating func add(_ c: Character, _ style: Style) {
        if c == "\n" || c == "\r\n" {
            flushWord()
            endLine()
            gap = []
            gapWidth = 0
            paragraphStart = true
        } else if c == " " || c == "\t" {
            flushWord()
            Wrapper.append(" ", style, to: &gap)
            gapWidth += 1
        } else {
            let w = DisplayWidth.of(c)
            if w == 2 {
                // Wide characters stand alone: a line may break before and after each.
                flushWord()
                word = [(c, style, w)]
                wordWidth = w
                flushWord()
            } else {
                word.append((c, style, w))
                wordWidth += w
            }
        }
    }

    mutating func finish() -> [StyledLine] {
        flushWord()
        endLine()
        return lines
    }

    private mutating func flushWord() {
        guard !word.isEmpty else { return }
        let keepGap = lineWidth > 0 || paragraphStart
        if keepGap && lineWidth + gapWidth + wordWidth <= width {
            place(gap)
            lineWidth += gapWidth
        } else if lineWidth > 0 {
            endLine()
        } else if keepGap && gapWidth < width && wordWidth > width {
            // Indented first word that must fold anyway: keep the indent, fold after it.
            place(gap)
            lineWidth += gapWidth
        }
        gap = []
        gapWidth = 0
        paragraphStart = false
        for (c, style, w) in word {
            var (text, cw) = (String(c), w)
            if cw > width { (text, cw) = ("?", 1) }
            if lineWidth + cw > width { endLine() }
            Wrapper.append(text, style, to: &line)
            lineWidth += cw
        }
        word = []
        wordWidth = 0
    }

    private mutating func place(_ spans: StyledLine) {
        for span in spans { Wrapper.append(span.text, span.style, to: &line) }
    }

    private mutating func endLine() {
        lines.append(line)
        line = []
        lineWidth = 0
    }

    /// Appends text, merging into the last span when the style is the same.
    private static func append(_ text: String, _ style: Style, to line: inout StyledLine) {
        if let last = line.indices.last, line[last].style == style {
            line[last].text += text
        } else {
            line.append(Span(text, style))
        }
    }
}
