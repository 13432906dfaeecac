/// Builds one Unicode scalar from UTF-8 bytes given one at a time. Strict: overlong forms,
/// surrogates, values past U+10FFFF and stray continuation bytes are refused, so the caller
/// shows U+FFFD for them (one per maximal bad part, as `String(decoding:as:)` does).
struct UTF8Assembler: Sendable {
    enum Step: Equatable { case more, scalar(Unicode.Scalar), invalid }

    private var value: UInt32 = 0
    private var needed = 0                     // continuation bytes still to come
    private var low: UInt8 = 0x80, high: UInt8 = 0xBF   // range of the next continuation byte

    /// Whether a scalar is half built.
    var isPartial: Bool { needed > 0 }

    /// How many bytes a sequence starting with `lead` has, or nil if `lead` cannot start one.
    static func length(lead: UInt8) -> Int? {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return nil
        }
    }

    /// Starts a scalar. `.invalid` means the byte starts nothing (and is used up).
    mutating func start(_ lead: UInt8) -> Step {
        guard let length = Self.length(lead: lead) else { return .invalid }
        if length == 1 { return .scalar(Unicode.Scalar(lead)) }
        needed = length - 1
        value = UInt32(lead) & (0xFF >> (length + 1))
        switch lead {
        case 0xE0: (low, high) = (0xA0, 0xBF)   // no overlong three-byte forms
        case 0xED: (low, high) = (0x80, 0x9F)   // no surrogates
        case 0xF0: (low, high) = (0x90, 0xBF)   // no overlong four-byte forms
        case 0xF4: (low, high) = (0x80, 0x8F)   // nothing past U+10FFFF
        default: (low, high) = (0x80, 0xBF)
        }
        return .more
    }

    /// Adds a continuation byte. `.invalid` means the scalar so far is bad and `byte` was NOT
    /// used: the caller shows U+FFFD and looks at `byte` afresh.
    mutating func add(_ byte: UInt8) -> Step {
        guard needed > 0, byte >= low, byte <= high else { reset(); return .invalid }
        value = value << 6 | UInt32(byte & 0x3F)
        needed -= 1
        (low, high) = (0x80, 0xBF)
        guard needed == 0 else { return .more }
        return Unicode.Scalar(value).map { .scalar($0) } ?? .invalid
    }

    mutating func reset() { needed = 0; value = 0 }
}
