import FolioPOSIX

/// Where `folio serve` listens: `HOST:PORT`, `[IPv6]:PORT`, or a bare port (all IPv4
/// addresses). The one parser for `--listen` and the config file's `serve_listen`, so a bad
/// address in the file is reported with its line and column like any other value.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int

    /// 0.0.0.0:2222, when neither the flag nor the file says.
    public static let standard = ListenAddress(host: "0.0.0.0", port: 2222)
    /// What the parsers say about a text that is none of the forms.
    public static let expected = "expected HOST:PORT, [IPv6]:PORT or PORT"

    private init(host: String, port: Int) { self.host = host; self.port = port }

    /// The host is an IPv4 or IPv6 address (IPv6 only in brackets) or a host name of letters,
    /// digits, dots and dashes; the port 0–65535 in at most five digits.
    public init?(_ text: String) {
        guard text.utf8.count <= 262 else { return nil }
        var host = "0.0.0.0", portText = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":"), host.contains(":"), IPAddress(host) != nil else { return nil }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
            guard Self.isHostName(host) else { return nil }
        }
        guard !portText.isEmpty, portText.count <= 5,
              portText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let port = Int(portText), (0...65_535).contains(port) else { return nil }
        self.host = host
        self.port = port
    }

    /// `HOST:PORT`, with an IPv6 host in brackets.
    public var description: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

    /// A dotted IPv4 address or a DNS name: 1–253 bytes of letters, digits, `.` and `-`.
    private static func isHostName(_ host: String) -> Bool {
        (1...253).contains(host.utf8.count) && host.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }
}
