/// Cuts GFM tables down to `TableLayout.maxColumns` columns before cmark-gfm sees them.
///
/// cmark-gfm's own table parsing is quadratic in the number of columns (every row is padded
/// to the header's width and each cell is its own node), so a 5,000-column table in a file
/// under 1 MiB took seconds before any layout ran. One linear pass over the lines finds each
/// delimiter row (`| --- | :-: |`) wider than the limit whose header row has the same number
/// of cells, keeps the first `maxColumns - 1` cells of the header, the delimiter and every
/// following row up to a blank line, and puts one marker column in place of the rest: the
/// header says "<+N columns>" (as `<+N marks>` for a capped cluster), rows say "...". Lines inside fenced code blocks are left alone,
/// as are container prefixes (`> `, indentation). Nothing else changes, and a source without
/// a wide delimiter row comes back as it was.
enum WideTables {
    static func capped(_ source: String, maxColumns: Int = TableLayout.maxColumns) -> String {
        let keep = max(1, maxColumns - 1)
        // Fast path: no line has enough pipes to be a wide row.
        guard mayHaveWideRow(source.utf8, pipes: keep + 1) else { return source }
        let bytes = Array(source.utf8)
        let lines = lineRanges(bytes)
        var cuts: [(line: Int, cells: Int, kind: RowKind)] = []   // in line order
        var fence: (byte: UInt8, length: Int)?
        var index = 0
        while index < lines.count {
            let row = Row(bytes, lines[index])
            if let open = fence {
                if row.closesFence(open) { fence = nil }
                index += 1
                continue
            }
            if let opened = row.opensFence() { fence = opened; index += 1; continue }
            // A wide delimiter row under a header of the same width: a table to cut.
            guard index > 0, row.isDelimiter, row.cells > keep + 1,
                  Row(bytes, lines[index - 1]).cells == row.cells else { index += 1; continue }
            let hidden = row.cells - keep
            cuts.append((index - 1, hidden, .header))
            cuts.append((index, hidden, .delimiter))
            index += 1
            while index < lines.count {
                let body = Row(bytes, lines[index])
                if body.isBlank || body.opensFence() != nil { break }
                if body.cells > keep { cuts.append((index, 0, .body)) }
                index += 1
            }
        }
        guard !cuts.isEmpty else { return source }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        for cut in cuts {
            let row = Row(bytes, lines[cut.line])
            out += bytes[copied..<row.end(keepingCells: keep)]
            out += Array(marker(cut.kind, hidden: cut.cells).utf8)
            copied = lines[cut.line].upperBound   // the line's end of line stays
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    enum RowKind { case header, delimiter, body }

    /// What replaces the cut cells: one more cell, closed by a pipe.
    private static func marker(_ kind: RowKind, hidden: Int) -> String {
        switch kind {
        case .header: " <+\(hidden) columns> |"
        case .delimiter: " --- |"
        case .body: " ... |"
        }
    }

    /// Whether some line has at least `pipes` pipes: cheap, and false for almost every page.
    private static func mayHaveWideRow(_ utf8: String.UTF8View, pipes: Int) -> Bool {
        var count = 0
        for byte in utf8 {
            if byte == UInt8(ascii: "|") {
                count += 1
                if count >= pipes { return true }
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                count = 0
            }
        }
        return false
    }

    /// Each line's bytes, without its end of line (LF, CRLF or CR).
    private static func lineRanges(_ b: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var k = 0
        while k < b.count {
            if b[k] == UInt8(ascii: "\n") || b[k] == UInt8(ascii: "\r") {
                ranges.append(start..<k)
                if b[k] == UInt8(ascii: "\r"), k + 1 < b.count, b[k + 1] == UInt8(ascii: "\n") { k += 1 }
                start = k + 1
            }
            k += 1
        }
        ranges.append(start..<b.count)
        return ranges
    }

    /// One line seen as a possible table row: its container prefix (`>`, spaces, tabs) set
    /// aside, its unescaped pipes found once.
    private struct Row {
        let bytes: [UInt8]
        /// The content after the prefix, without trailing spaces and tabs.
        let content: Range<Int>
        let pipes: [Int]

        init(_ bytes: [UInt8], _ line: Range<Int>) {
            self.bytes = bytes
            var start = line.lowerBound, end = line.upperBound
            while start < end, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(bytes[start]) {
                start += 1
            }
            while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            content = start..<end
            var pipes: [Int] = []
            for k in content where bytes[k] == UInt8(ascii: "|") && (k == start || bytes[k - 1] != UInt8(ascii: "\\")) {
                pipes.append(k)
            }
            self.pipes = pipes
        }

        var isBlank: Bool { content.isEmpty }
        var leadingPipe: Bool { pipes.first == content.lowerBound }
        var trailingPipe: Bool { !content.isEmpty && pipes.last == content.upperBound - 1 }

        /// Cells as GFM counts them: a leading and a trailing pipe open and close no cell.
        var cells: Int {
            guard !pipes.isEmpty, !content.isEmpty else { return content.isEmpty ? 0 : 1 }
            return pipes.count + 1 - (leadingPipe ? 1 : 0) - (trailingPipe && pipes.count > (leadingPipe ? 1 : 0) ? 1 : 0)
        }

        /// Only pipes, dashes, colons and spaces, with a dash in every cell.
        var isDelimiter: Bool {
            guard !pipes.isEmpty else { return false }
            var dashes = false
            for k in content {
                switch bytes[k] {
                case UInt8(ascii: "|"):
                    if k != content.lowerBound && !dashes { return false }
                    dashes = false
                case UInt8(ascii: "-"): dashes = true
                case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
                default: return false
                }
            }
            return dashes || trailingPipe
        }

        /// Where the line is cut so that `keep` cells remain, just after the pipe closing the last one.
        func end(keepingCells keep: Int) -> Int {
            let closing = keep - 1 + (leadingPipe ? 1 : 0)
            return pipes[min(closing, pipes.count - 1)] + 1
        }

        /// "```" or "~~~" (three or more) after at most three spaces of indentation.
        func opensFence() -> (byte: UInt8, length: Int)? {
            let run = fenceRun()
            return run.length >= 3 ? (run.byte, run.length) : nil
        }

        func closesFence(_ open: (byte: UInt8, length: Int)) -> Bool {
            let run = fenceRun()
            return run.byte == open.byte && run.length >= open.length
                && run.end == content.upperBound
        }

        private func fenceRun() -> (byte: UInt8, length: Int, end: Int) {
            guard let first = content.first, bytes[first] == UInt8(ascii: "`") || bytes[first] == UInt8(ascii: "~") else {
                return (0, 0, 0)
            }
            var k = first
            while k < content.upperBound, bytes[k] == bytes[first] { k += 1 }
            return (bytes[first], k - first, k)
        }
    }
}
