import Glibc

/// A wall-clock instant; the builder and the Maildir take a clock so tests can fix the time.
public struct Timestamp: Sendable, Hashable {
    public var seconds: Int
    public var microseconds: Int

    public init(seconds: Int, microseconds: Int = 0) {
        self.seconds = seconds; self.microseconds = microseconds
    }

    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(seconds: Int(spec.tv_sec), microseconds: Int(spec.tv_nsec) / 1000)
    }

    /// RFC 5322 date-time in UTC, e.g. "Thu, 13 Feb 2025 10:00:00 +0000".
    public var rfc5322: String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[Int(parts.tm_wday)]), \(parts.tm_mday) \(months[Int(parts.tm_mon)]) "
            + "\(1900 + Int(parts.tm_year)) \(Self.two(parts.tm_hour)):\(Self.two(parts.tm_min)):"
            + "\(Self.two(parts.tm_sec)) +0000"
    }

    private static func two(_ value: Int32) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
