import Glibc

/// Texts by their UTF-8 bytes, each numbered in insertion order, in one open-addressed table
/// (a word-at-a-time multiplicative hash, linear probing). Equal means byte-equal here, not
/// String's canonical equivalence.
struct ByteTable {
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]              // text i is bytes[starts[i] ..< starts[i + 1]]
    private var slots: [Int32] = Array(repeating: -1, count: 16)   // a text's number, or -1

    var count: Int { starts.count - 1 }

    /// Adds `text` unless its bytes are there already.
    mutating func insert(_ text: String) {
        var text = text
        text.withUTF8 { text in
            guard case .empty(let slot) = find(text) else { return }
            slots[slot] = Int32(count)
            bytes.append(contentsOf: text)
            starts.append(Int32(bytes.count))
        }
        if count * 2 > slots.count { rehash() }
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
