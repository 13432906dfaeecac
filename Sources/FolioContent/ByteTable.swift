import Glibc

/// Texts by their UTF-8 bytes, each numbered in insertion order, in one open-addressed table
/// (a word-at-a-time multiplicative hash, linear probing). Equal means byte-equal here, not
/// String's canonical equivalence.
struct ByteTable {
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]              // text i is bytes[starts[i] ..< starts[i + 1]]
    private var slots: [Int32] = Array(repeating: -1, count: 16)   // a text's number, or -1

    var count: Int { starts.count - 1 }

    init() {}

    /// Room for `count` texts of `bytes` bytes in all before the table grows.
    init(reserving count: Int, bytes: Int = 0) {
        var slots = 16
        while count * 2 > slots { slots *= 4 }
        self.slots = Array(repeating: -1, count: slots)
        self.bytes.reserveCapacity(bytes)
        starts.reserveCapacity(count + 1)
    }

    /// Adds `text` unless its bytes are there already.
    mutating func insert(_ text: String) {
        var text = text
        _ = text.withUTF8 { numberOrInsert($0) }
    }

    /// The number of a text with these bytes if there is one; else nil, and they are added
    /// (numbered `count`).
    mutating func numberOrInsert(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let slot: Int
        switch find(text) {
        case .found(let number): return number
        case .empty(let empty): slot = empty
        }
        slots[slot] = Int32(count)
        bytes.append(contentsOf: text)
        starts.append(Int32(bytes.count))
        if count * 2 > slots.count { rehash() }
        return nil
    }

    func number(of text: String) -> Int? {
        var text = text
        return text.withUTF8 { text in
            if case .found(let number) = find(text) { return number }
            return nil
        }
    }

    private enum Probe { case found(Int), empty(Int) }

    private func find(_ text: UnsafeBufferPointer<UInt8>) -> Probe {
        let mask = slots.count - 1
        var slot = Self.hash(text) & mask
        return bytes.withUnsafeBufferPointer { bytes in
            while true {
                let number = Int(slots[slot])
                if number < 0 { return .empty(slot) }
                let start = Int(starts[number]), end = Int(starts[number + 1])
                if end - start == text.count, text.isEmpty || memcmp(text.baseAddress!, bytes.baseAddress! + start, text.count) == 0 {
                    return .found(number)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func rehash() {
        slots = Array(repeating: -1, count: slots.count * 4)
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { bytes in
            for number in 0..<count {
                let text = UnsafeBufferPointer(rebasing: bytes[Int(starts[number])..<Int(starts[number + 1])])
                var slot = Self.hash(text) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(number)
            }
        }
    }

    /// Eight bytes at a time, then the rest as one word; multiplied and folded so every byte
    /// reaches the low bits that pick the slot.
    private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let odd: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = odd &* UInt64(text.count &+ 1), at = 0
        if let base = text.baseAddress {
            let raw = UnsafeRawPointer(base)
            while at + 8 <= text.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* odd
                hash ^= hash >> 29
                at += 8
            }
            var rest: UInt64 = 0
            while at < text.count { rest = rest << 8 | UInt64(text[at]); at += 1 }
            hash = (hash ^ rest) &* odd
        }
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }
}

extension ByteTable {
    /// Per text, the index of the first text before it that is equal to it as a String, or -1.
    /// When every text is ASCII (every slug folio makes is: `Slug`), equal bytes are exactly
    /// equal Strings, and a table of bytes finds them at a fraction of the cost of hashing
    /// Strings (at 100,000 slugs, 26 ms a dictionary of Strings); otherwise String's own
    /// equality decides (NFC and NFD spellings alike).
    static func firstEqual(_ texts: [String]) -> [Int32] {
        let ascii = firstEqual(count: texts.count) { index, body in
            var text = texts[index]
            return text.withUTF8 { bytes in
                guard SourceText.firstNonASCII(bytes) == bytes.count else { return false }
                body(bytes)
                return true
            }
        }
        if let ascii { return ascii }
        var first = [Int32](repeating: -1, count: texts.count), firstOf: [String: Int32] = [:]
        firstOf.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            if let earlier = firstOf[text] { first[index] = earlier } else { firstOf[text] = Int32(index) }
        }
        return first
    }

    /// Per key, the index of the first key before it with the same bytes, or -1. `withKey(i, body)`
    /// calls `body` with key i's bytes and returns true, or returns false when it has none (it
    /// is not ASCII, say): then the answer is nil.
    static func firstEqual(count: Int, _ withKey: (Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Bool) -> [Int32]? {
        var first = [Int32](repeating: -1, count: count)
        var table = ByteTable(reserving: count)
        var indexOf: [Int32] = []                            // a key's number → its index
        indexOf.reserveCapacity(count)
        for index in 0..<count {
            var number: Int?
            guard withKey(index, { number = table.numberOrInsert($0) }) else { return nil }
            if let number { first[index] = indexOf[number] } else { indexOf.append(Int32(index)) }
        }
        return first
    }
}
