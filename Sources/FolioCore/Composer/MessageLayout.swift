import FolioText

/// How the composer shows one character: what to draw and how many columns it takes.
/// Controls and invisible format characters become visible markers (the message keeps none,
/// but a one-line field may hold a pasted one until the validator refuses it); a tab is one space.
enum EditorGlyph {
    static func shown(_ c: Character) -> String {
        needsMarker(c) ? Sanitiser.cleanLine(String(c)) : String(c)
    }

    static func width(_ c: Character) -> Int {
        if let ascii = c.asciiValue, ascii >= 0x20 && ascii < 0x7F { return 1 }
        return needsMarker(c) ? DisplayWidth.of(Sanitiser.cleanLine(String(c))) : DisplayWidth.of(c)
    }

    /// Controls, format characters (bidi, ZWJ, …), line separators and the soft hyphen: the
    /// ones the sanitiser may change. Everything else is drawn as it is, without that detour.
    static func needsMarker(_ c: Character) -> Bool {
        for scalar in c.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7F..<0xA0).contains(v) { return true }
            if v >= 0xAD && (v == 0xAD || v == 0x2028 || v == 0x2029 || scalar.properties.generalCategory == .format) {
                return true
            }
        }
        return false
    }

    static func width(_ characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + width($1) }
    }
}

/// A multi-line field soft-wrapped at `width` display columns. Unlike the reading view's word
/// wrap it keeps every character (spaces at a break included), so each cursor index has exactly
/// one place on screen and each place maps back to an index.
struct MessageLayout: Sendable {
    struct Row: Hashable {
        var start: Int          // first character
        var end: Int            // one past the last, not counting a newline
        var endsLine: Bool      // ends at a newline or the end of the text (not a soft wrap)
    }

    let rows: [Row]
    let width: Int

    init(_ characters: [Character], width: Int) {
        self.width = max(2, width)
        var rows: [Row] = []
        var lineStart = 0
        for i in 0...characters.count where i == characters.count || characters[i].isNewline {
            MessageLayout.wrapLine(characters, lineStart..<i, width: self.width, into: &rows)
            lineStart = i + 1
        }
        self.rows = rows
    }

    /// Greedy wrap of one logical line: break after the last space (or beside a wide character)
    /// that fits, else fold the word at the edge. A space that meets the edge starts the next row.
    private static func wrapLine(_ chars: [Character], _ line: Range<Int>, width: Int, into rows: inout [Row]) {
        var start = line.lowerBound
        var column = 0
        var lastBreak: Int? = nil
        var i = line.lowerBound
        while i < line.upperBound {
            let c = chars[i]
            let w = EditorGlyph.width(c)
            if w == 2 && i > start { lastBreak = i }
            if column + w > width && i > start {
                let isSpace = c == " " || c == "\t"
                let at = !isSpace && (lastBreak ?? start) > start ? lastBreak! : i
                rows.append(Row(start: start, end: at, endsLine: false))
                start = at
                column = EditorGlyph.width(chars[at..<i])
                lastBreak = nil
                continue
            }
            column += w
            if c == " " || c == "\t" || w == 2 { lastBreak = i + 1 }
            i += 1
        }
        rows.append(Row(start: start, end: line.upperBound, endsLine: true))
    }

    /// The row holding cursor `index`: a cursor at a soft wrap belongs to the next row's start.
    func row(of index: Int) -> Int {
        var low = 0, high = rows.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if rows[mid].start <= index { low = mid } else { high = mid - 1 }
        }
        return low
    }

    func position(of index: Int, in characters: [Character]) -> (row: Int, column: Int) {
        let r = row(of: index)
        let row = rows[r]
        return (r, EditorGlyph.width(characters[row.start..<min(max(row.start, index), row.end)]))
    }

    /// The cursor index nearest to `column` on `row`; never past a soft wrap, which would put
    /// the cursor on the next row.
    func index(row r: Int, column: Int, in characters: [Character]) -> Int {
        let row = rows[min(max(0, r), rows.count - 1)]
        let last = row.endsLine || row.end == row.start ? row.end : row.end - 1
        var used = 0
        var i = row.start
        while i < last {
            let w = EditorGlyph.width(characters[i])
            if used + w > column { break }
            used += w
            i += 1
        }
        return i
    }
}
