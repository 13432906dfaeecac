/// Fits a GFM table to a width: columns at their natural width when they fit; otherwise each
/// column keeps room for its longest word (up to 12 columns) and the rest is shared by max–min
/// fairness, cells word-wrapping inside. Columns are separated by " │ ", the header by a ─┼─
/// rule. When even the longest words cannot fit side by side, each row becomes
/// "Header: value" lines instead, which reads better than words chopped into slivers.
/// At most `maxColumns` columns are laid out; a line says how many more there were, so a
/// 5,000-column table costs (and prints) no more than a 64-column one per row.
enum TableLayout {
    static let maxColumns = 64

    static func lines(_ table: Block.Table, width: Int, glyphs: Glyphs) -> [StyledLine] {
        let allColumns = max(table.alignments.count, table.header.count, table.rows.map(\.count).max() ?? 0)
        let columns = min(allColumns, maxColumns)
        guard columns > 0, width > 0 else { return [] }
        let header = padded(table.header, columns)
        let rows = table.rows.map { padded($0, columns) }
        let note: [StyledLine] = allColumns > columns
            ? wrap([Span("(\(allColumns - columns) more columns not shown)", Style(.muted))], width: width) : []
        return laidOut(header: header, rows: rows, columns: columns, table: table, width: width, glyphs: glyphs) + note
    }

    private static func laidOut(header: [[Span]], rows: [[[Span]]], columns: Int, table: Block.Table,
                                width: Int, glyphs: Glyphs) -> [StyledLine] {
        let separator = " " + glyphs.vertical + " "
        let available = width - DisplayWidth.of(separator) * (columns - 1)
        let natural = (0..<columns).map { column in
            ([header] + rows).map { naturalWidth($0[column]) }.max() ?? 1
        }
        let floors = (0..<columns).map { column in
            min(natural[column], 12, ([header] + rows).map { longestWord($0[column]) }.max() ?? 1)
        }
        guard floors.reduce(0, +) <= available else {
            return records(header: header, rows: rows, width: width)
        }
        let extra = fit(zip(natural, floors).map { $0 - $1 }, into: available - floors.reduce(0, +))
        let widths = zip(floors, extra).map { $0 + $1 }
        let alignments = (0..<columns).map { $0 < table.alignments.count ? table.alignments[$0] : .left }
        var out = renderRow(header, widths: widths, alignments: alignments, separator: separator)
        let rule = widths.map { String(repeating: glyphs.horizontal, count: $0) }
            .joined(separator: glyphs.horizontal + glyphs.cross + glyphs.horizontal)
        out.append([Span(rule, Style(.border))])
        for row in rows {
            out += renderRow(row, widths: widths, alignments: alignments, separator: separator)
        }
        return out
    }

    /// Max–min fair shares: the narrowest columns are satisfied first, the rest split what is left.
    static func fit(_ natural: [Int], into available: Int) -> [Int] {
        if natural.reduce(0, +) <= available { return natural }
        var widths = natural
        var remaining = available
        let order = natural.indices.sorted { natural[$0] < natural[$1] }
        for (placed, column) in order.enumerated() {
            let share = remaining / (natural.count - placed)
            widths[column] = min(natural[column], share)
            remaining -= widths[column]
        }
        return widths
    }

    private static func renderRow(
        _ cells: [[Span]], widths: [Int], alignments: [Text.Alignment], separator: String
    ) -> [StyledLine] {
        let wrapped = cells.indices.map { wrap(cells[$0], width: widths[$0]) }
        let height = max(1, wrapped.map(\.count).max() ?? 1)
        return (0..<height).map { lineIndex in
            var line: StyledLine = []
            for column in cells.indices {
                if column > 0 { line.append(Span(separator, Style(.border))) }
                let part = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : []
                line += Text.pad(part, width: widths[column], alignment: alignments[column])
            }
            return Layout.trimTrailingSpaces(line)
        }
    }

    /// Narrow fallback: "Header: value" per cell, rows separated by a blank line.
    private static func records(header: [[Span]], rows: [[[Span]]], width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for (index, row) in rows.enumerated() {
            if index > 0 { out.append([]) }
            for column in row.indices {
                let label = header[column].isEmpty ? [] : header[column] + [Span(": ", Style(.strong, .bold))]
                out += wrap(label + row[column], width: width)
            }
        }
        return out
    }

    private static func naturalWidth(_ cell: [Span]) -> Int {
        max(1, wrap(cell, width: Int.max / 4).map(Text.width).max() ?? 0)
    }

    private static func longestWord(_ cell: [Span]) -> Int {
        let text = cell.map(\.text).joined()
        return max(1, text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { DisplayWidth.of(String($0)) }.max() ?? 0)
    }

    /// The first `columns` cells of `row`, padded with empty ones to that many.
    private static func padded(_ row: [[Span]], _ columns: Int) -> [[Span]] {
        Array(row.prefix(columns)) + Array(repeating: [], count: max(0, columns - row.count))
    }
}
