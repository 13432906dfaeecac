/// Page slugs: what a valid one is, and the one a file name gives.
enum Slug {
    /// Lowercase letters, digits, '-', '_' and '.', starting with a letter or digit.
    static func isValid(_ slug: String) -> Bool {
        guard let first = slug.unicodeScalars.first, isSlugScalar(first), first != "-", first != "_", first != "." else {
            return false
        }
        return slug.unicodeScalars.allSatisfy(isSlugScalar)
    }

    /// A file name made into a slug: lowercased, other characters become '-'. On bytes: Unicode
    /// lowercasing goes first (it can make ASCII of other letters: the Kelvin sign becomes 'k'),
    /// then every byte of a non-ASCII scalar is a non-slug byte, and a run of them makes one '-'
    /// as the scalar did.
    static func fromFileName(_ name: String) -> String {
        if isSlugAlready(name) { return name }
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var name = name
            return name.withUTF8(slug)
        }
        return lowercasedNonASCII(name).withUnsafeBufferPointer(slug)
    }

    /// The slug of lowercased UTF-8 bytes (ASCII capitals are lowered here).
    private static func slug(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: max(bytes.count, 4)) { out in
            var end = 0
            for byte in bytes {
                let lower = (0x41...0x5A).contains(byte) ? byte + 32 : byte
                if isSlugByte(lower) { out[end] = lower; end += 1 }
                else if end == 0 || out[end - 1] != UInt8(ascii: "-") { out[end] = UInt8(ascii: "-"); end += 1 }
            }
            var start = 0
            while start < end, out[start] == UInt8(ascii: "-") || out[start] == UInt8(ascii: ".") || out[start] == UInt8(ascii: "_") {
                start += 1
            }
            while end > start, out[end - 1] == UInt8(ascii: "-") { end -= 1 }
            if start == end {
                for (index, byte) in "page".utf8.enumerated() { out[index] = byte }
                return 4
            }
            for index in start..<end { out[index - start] = out[index] }
            return end - start
        }
    }

    /// `name.lowercased()`'s bytes as `slug` sees them: the standard library lowercases scalar by
    /// scalar, and `slug` lowers ASCII itself, so only the other scalars are looked up.
    private static func lowercasedNonASCII(_ name: String) -> [UInt8] {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if scalar.isASCII { lowered.append(UInt8(scalar.value)) }
            else { lowered.append(contentsOf: scalar.properties.lowercaseMapping.utf8) }
        }
        return lowered
    }

    /// Whether `fromFileName` keeps `name` as it is: only slug bytes, nothing to trim (no '-',
    /// '.' or '_' first, no '-' last), not empty. The usual file name, read without copying it.
    private static func isSlugAlready(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, last != UInt8(ascii: "-"),
                  first != UInt8(ascii: "-"), first != UInt8(ascii: "."), first != UInt8(ascii: "_") else { return false }
            for byte in bytes where !isSlugByte(byte) { return false }
            return true
        }
    }

    /// Lowercase ASCII letters, digits, '-', '_' and '.'.
    private static func isSlugByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }

    private static func isSlugScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "."
    }
}
