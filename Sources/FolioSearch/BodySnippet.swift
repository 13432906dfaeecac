extension BodyCorpus {
    /// The segment of body `i` (whose source is `body`) holding the folded range
    /// `at ..< at + length`, as a reader sees it, and the grapheme offsets the range covers
    /// (up to the segment's end when a match runs on to the next line). Re-reads one segment:
    /// at most `BodyText.segmentLimit` scalars.
    func snippet(_ body: String, _ i: Int, at: Int, length: Int) -> (text: String, offsets: [Int]) {
        let segment = segment(containing: Int32(at), in: i)
        let utf8 = body.utf8
        guard Int(segment.source.end) <= utf8.count else { return ("", []) }
        let lo = utf8.index(utf8.startIndex, offsetBy: Int(segment.source.start))
        let hi = utf8.index(utf8.startIndex, offsetBy: Int(segment.source.end))
        var visible: [Unicode.Scalar] = []
        BodyText.visible(Array(body[lo ..< hi].unicodeScalars), segment.source, into: &visible)

        // Fold again exactly as `append` did, tracking each shown scalar's folded offset.
        var text: [UInt8] = []   // UTF-8: appending to a String scalar by scalar is slow
        var matched: [Int] = []  // indices into `text`'s scalars
        var count = 0            // scalars in `text`
        var pos = Int(segment.folded), started = false, space = false
        var folded: [UInt32] = []
        let end = at + length
        for s in visible {
            folded.removeAll(keepingCapacity: true)
            Fold.append(scalar: s, to: &folded)
            if folded.isEmpty {  // a combining mark: shown with its letter, folded away
                if started {
                    BodyCorpus.appendUTF8(s.value, to: &text)
                    count += 1
                }
                continue
            }
            if folded.allSatisfy({ $0 == 0x20 }) {
                space = started
                continue
            }
            if space {
                if pos >= at && pos < end { matched.append(count) }
                text.append(0x20)
                count += 1
                pos += 1
                space = false
            }
            let start = pos
            for f in folded { pos += f < 0x80 ? 1 : UTF8.width(Unicode.Scalar(f) ?? " ") }
            if start < end && pos > at { matched.append(count) }
            BodyCorpus.appendUTF8(s.value, to: &text)
            count += 1
            started = true
        }
        let string = String(decoding: text, as: UTF8.self)
        guard let first = matched.first, let last = matched.last else { return (string, []) }
        // Scalar indices → grapheme offsets.
        var offsets: [Int] = [], scalar = 0
        for (offset, ch) in string.enumerated() {
            let next = scalar + ch.unicodeScalars.count
            if next > first && scalar <= last { offsets.append(offset) }
            if scalar > last { break }
            scalar = next
        }
        return (string, offsets)
    }
}
