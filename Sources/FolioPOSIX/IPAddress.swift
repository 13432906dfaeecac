import Glibc

/// An IPv4 or IPv6 address, validated and printed by the C library so every spelling of
/// one address ("::1", "0:0::1") becomes one text and one key.
public struct IPAddress: Sendable, Hashable {
    public let text: String
    /// The address itself for IPv4 (and IPv4-mapped IPv6), the /64 for IPv6.
    public let rateLimitKey: String

    public init?(_ text: String) {
        // Only hex digits, dots and colons reach inet_pton: a NUL would end the C string early
        // ("1.2.3.4\0junk" would pass), and zone suffixes (%eth0) are not addresses.
        guard !text.isEmpty, text.utf8.count <= 45, text.utf8.allSatisfy({ byte in
            (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        }) else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self.text = Self.format(AF_INET, &v4)
            self.rateLimitKey = self.text
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        var bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            var mapped = in_addr()
            withUnsafeMutableBytes(of: &mapped) { $0.copyBytes(from: bytes[12..<16]) }
            self.text = Self.format(AF_INET, &mapped)
            self.rateLimitKey = self.text
            return
        }
        self.text = Self.format(AF_INET6, &v6)
        for i in 8..<16 { bytes[i] = 0 }
        var prefix = in6_addr()
        withUnsafeMutableBytes(of: &prefix) { $0.copyBytes(from: bytes) }
        self.rateLimitKey = Self.format(AF_INET6, &prefix) + "/64"
    }

    private static func format<T>(_ family: Int32, _ address: inout T) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let ok = buffer.withUnsafeMutableBufferPointer { out in
            withUnsafePointer(to: &address) { inet_ntop(family, $0, out.baseAddress, socklen_t(out.count)) }
        } != nil
        return ok ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    }
}
