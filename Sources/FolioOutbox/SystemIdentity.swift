import Glibc

/// What the writer needs from the machine, injectable for tests.
public struct SystemIdentity: Sendable {
    public var now: @Sendable () -> Timestamp
    public var hostName: String
    public var processID: Int32
    /// Random bits for unique names and Message-IDs.
    public var random: @Sendable () -> UInt64

    public init(now: @escaping @Sendable () -> Timestamp = Timestamp.now,
                hostName: String = SystemIdentity.currentHostName(),
                processID: Int32 = getpid(),
                random: @escaping @Sendable () -> UInt64 = { UInt64.random(in: .min ... .max) }) {
        self.now = now; self.hostName = hostName; self.processID = processID; self.random = random
    }

    public static func currentHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Random hex of `count` 64-bit words.
    func randomHex(words: Int = 1) -> String {
        (0..<words).map { _ in
            let hex = String(random(), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
