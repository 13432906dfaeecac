/// Terminal display width in columns, measured per grapheme cluster from built-in tables
/// (UnicodeTables.swift), so results never depend on the locale or the C library.
///
/// Rules: East Asian Wide/Fullwidth = 2; a cluster whose base is an emoji followed by VS16
/// (U+FE0F), and a regional-indicator pair (a flag) = 2; ZWJ emoji sequences take their base's
/// width (emoji bases are Wide); combining marks, ZWJ, variation selectors and other zero-width
/// format characters = 0; C0/C1 controls and DEL = 0 (sanitise text before measuring it);
/// everything else, East Asian Ambiguous included, = 1.
public enum DisplayWidth {
    /// Columns `s` occupies. ASCII strings take a byte-counting fast path.
    public static func of(_ s: String) -> Int {
        var columns = 0
        for byte in s.utf8 {
            guard byte < 0x80 else { return clusterSum(s) }
            if byte >= 0x20 && byte != 0x7F { columns += 1 }
        }
        return columns
    }

    /// Columns one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        if let ascii = c.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        var scalars = c.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return 0 }
        let baseWidth = of(base)
        if baseWidth == 2 { return 2 }
        var regionalIndicators = isRegionalIndicator(base) ? 1 : 0
        while let next = scalars.next() {
            // VS16 asks for emoji presentation, which terminals draw two columns wide.
            if next.value == 0xFE0F && base.properties.isEmoji { return 2 }
            if isRegionalIndicator(next) { regionalIndicators += 1 }
        }
        return regionalIndicators >= 2 ? 2 : baseWidth
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
