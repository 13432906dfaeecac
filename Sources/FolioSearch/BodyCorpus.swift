/// Every item's body, as a reader sees it (`BodyText`), folded once into one flat byte array,
/// so matching a query per keystroke is a byte scan over contiguous memory.
///
/// Folded scalars are stored as UTF-8 (a page is mostly ASCII: a byte a character), runs of
/// whitespace as one space, lines joined by a space. For snippets, each non-empty segment
/// records where its folded text starts and where its source is; re-reading one segment
/// maps a folded offset back to the characters a snippet shows.
struct BodyCorpus: Sendable, Equatable {
    struct Body: Sendable, Equatable {
        var start: Int32
        var end: Int32
        /// `FoldedCorpus.bit` of every folded scalar present: rejects most bodies at once.
        var mask: UInt64
        /// Its segments are `segments[firstSegment ..< endSegment]`.
        var firstSegment: Int32
        var endSegment: Int32
    }

    struct Segment: Sendable, Equatable {
        /// Where its folded text starts in `bytes`.
        var folded: Int32
        var source: BodyText.Segment
    }

    private(set) var bytes: [UInt8] = []
    private(set) var segments: [Segment] = []
    private(set) var bodies: [Body] = []

    var count: Int { bodies.count }

    /// Bytes held (capacity), for the memory report.
    var memory: Int {
        bytes.capacity + segments.capacity * MemoryLayout<Segment>.stride + bodies.capacity * MemoryLayout<Body>.stride
    }

    mutating func append(_ body: String) {
        var entry = Body(start: Int32(bytes.count), end: 0, mask: 0, firstSegment: Int32(segments.count), endSegment: 0)
        var visible: [Unicode.Scalar] = [], folded: [UInt32] = []
        var out: [UInt8] = []
        swap(&out, &bytes)  // appended to as a local: no uniqueness check through self per byte
        defer { swap(&out, &bytes) }
        BodyText.segments(body) { segment, scalars in
            BodyText.visible(scalars, segment, into: &visible)
            var started = false, space = false
            func add(_ f: UInt32) {
                if f == 0x20 {
                    space = started
                    return
                }
                if !started {
                    if out.count > entry.start { out.append(0x20) }
                    segments.append(Segment(folded: Int32(out.count), source: segment))
                    started = true
                } else if space {
                    out.append(0x20)
                }
                space = false
                if f < 0x80 { out.append(UInt8(f)) } else { Self.appendUTF8(f, to: &out) }
                entry.mask |= FoldedCorpus.bit(f)
            }
            for s in visible {
                let v = s.value
                if v < 0x80 {  // the common case: no call, no array
                    add(v >= 0x41 && v <= 0x5A ? v | 0x20 : (v <= 0x20 || v == 0x7F ? 0x20 : v))
                } else {
                    folded.removeAll(keepingCapacity: true)
                    Fold.append(scalar: s, to: &folded)
                    for f in folded { add(f) }
                }
            }
        }
        entry.end = Int32(out.count)
        entry.endSegment = Int32(segments.count)
        bodies.append(entry)
    }

    /// Gives back the spare capacity growth left (the index lives as long as the content).
    mutating func shrink() {
        bytes = bytes.withUnsafeBufferPointer { Array($0) }  // a copy: Array(bytes) would share the storage
        segments = segments.withUnsafeBufferPointer { Array($0) }
        bodies = bodies.withUnsafeBufferPointer { Array($0) }
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        guard let s = Unicode.Scalar(v) else { return }
        if v < 0x80 {
            out.append(UInt8(v))
        } else {
            out.append(contentsOf: UTF8.encode(s)!)
        }
    }

    /// A query folded the same way: UTF-8 of its folded scalars.
    static func bytes(of query: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        for v in query { appendUTF8(v, to: &out) }
        return out
    }

    /// The segment of body `i` holding folded offset `at`.
    func segment(containing at: Int32, in i: Int) -> Segment {
        let body = bodies[i]
        var lo = Int(body.firstSegment), hi = Int(body.endSegment)
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if segments[mid].folded <= at { lo = mid } else { hi = mid }
        }
        return segments[lo]
    }
}
