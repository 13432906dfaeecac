/// Terminal display width in columns, measured per grapheme cluster from built-in tables
/// (UnicodeTables.swift), so results never depend on the locale or the C library.
///
/// A cluster is as wide as the terminal cells it becomes (`cells(of:)`), and a cell as wide as
/// its spacing character: East Asian Wide/Fullwidth = 2; combining marks, ZWJ, variation
/// selectors and other zero-width format characters = 0; C0/C1 controls and DEL = 0 (sanitise
/// text before measuring it); everything else, East Asian Ambiguous included, = 1. That is
/// what ncurses advances (glibc's wcwidth of the cell's first character), so the Buffer and
/// the screen agree on where every later character goes.
public enum DisplayWidth {
    /// The most zero-width characters one cell keeps after its spacing character: ncurses'
    /// `cchar_t` holds CCHARW_MAX (5) characters in all.
    public static let marksPerCell = 4

    /// Columns `s` occupies. ASCII strings take a byte-counting fast path.
    public static func of(_ s: String) -> Int {
        var columns = 0
        for byte in s.utf8 {
            guard byte < 0x80 else { return clusterSum(s) }
            if byte >= 0x20 && byte != 0x7F { columns += 1 }
        }
        return columns
    }

    /// Columns one grapheme cluster occupies: the sum of its cells' widths.
    public static func of(_ c: Character) -> Int {
        if let ascii = c.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        var scalars = c.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return 0 }
        if scalars.next() == nil { return of(base) }
        return cells(of: c).reduce(0) { $0 + $1.width }
    }

    /// A grapheme cluster as the terminal cells folio draws it in. ncurses puts one spacing
    /// character and at most `marksPerCell` zero-width ones after it in a cell (its setcchar
    /// stops at the next spacing character) and advances by the spacing character's width, so
    /// a cluster that holds more than that cannot reach the screen whole. It becomes:
    /// - for an emoji ZWJ sequence (👩‍💻, 👨‍👩‍👧), its first emoji: the rest cannot be sent, and a
    ///   ZWJ left at the end of a cell makes terminals (tmux) join whatever is drawn next, a
    ///   border or a letter, into the emoji. Skin tones and tag characters (🏴 subdivision flags)
    ///   are dropped the same way; the emoji stays, at its own width.
    /// - VS16 after a one-column character is dropped (❤️ shows as ❤): ncurses advances one
    ///   column while terminals that honour VS16 draw two, which left stale letters behind.
    /// - a regional indicator becomes its capital letter (🇯🇵 → "J", "P"): ncurses would keep
    ///   only the first of the pair, and two letters take the two columns a flag takes.
    /// - any other spacing character after the first starts a cell of its own (a Devanagari
    ///   consonant and its vowel sign), as wcwidth-based terminals draw them.
    /// Zero-width characters before any spacing one, and past `marksPerCell`, are dropped
    /// (`Sanitiser` marks clusters with more marks than a cell holds).
    public static func cells(of c: Character) -> [(text: String, width: Int)] {
        var cells: [(text: String, width: Int)] = []
        forEachCell(of: c) { cells.append(($0, $1)) }
        return cells
    }

    /// `cells(of:)` one at a time, without building an array for the common one-scalar cluster.
    public static func forEachCell(of c: Character, _ body: (String, Int) -> Void) {
        var scalars = c.unicodeScalars.makeIterator()
        if let only = scalars.next(), scalars.next() == nil, !isRegionalIndicator(only) {
            let width = of(only)
            if width > 0 { body(String(c), width) }
            return
        }
        var text = ""
        var width = 0
        var marks = 0
        for scalar in c.unicodeScalars {
            let v = scalar.value
            if v == 0x200D { break }                                   // ZWJ: the first emoji only
            if (0xE0020...0xE007F).contains(v) || (0x1F3FB...0x1F3FF).contains(v) && width > 0 { continue }
            let letter = isRegionalIndicator(scalar) ? Unicode.Scalar(v - 0x1F1E6 + 0x41) : nil
            let w = letter == nil ? of(scalar) : 1
            if w > 0 {
                if width > 0 { body(text, width) }
                text = String(letter ?? scalar)
                width = w
                marks = 0
            } else if width > 0, marks < marksPerCell, !(v == 0xFE0F && width == 1) {
                text.unicodeScalars.append(scalar)
                marks += 1
            }
        }
        if width > 0 { body(text, width) }
    }

    /// Columns a single scalar occupies on its own (no cluster context).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }  // DEL and C1 controls
        if v < 0x300 { return 1 }  // Latin-1 and Latin Extended: nothing zero-width or wide here
        if contains(zeroWidthRanges, v) { return 0 }
        if contains(wideRanges, v) { return 2 }
        return 1
    }

    private static func clusterSum(_ s: String) -> Int {
        var columns = 0
        for c in s { columns += of(c) }
        return columns
    }

    private static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(s.value)
    }

    /// Binary search in a flat array of inclusive (lo, hi) pairs sorted by lo.
    private static func contains(_ ranges: [UInt32], _ v: UInt32) -> Bool {
        var lo = 0
        var hi = ranges.count / 2 - 1
        if hi < 0 || v < ranges[0] || v > ranges[ranges.count - 1] { return false }
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < ranges[2 * mid] {
                hi = mid - 1
            } else if v > ranges[2 * mid + 1] {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
