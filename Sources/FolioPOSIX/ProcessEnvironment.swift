import Glibc

/// The process environment as a dictionary (a snapshot), and the one place that changes it.
/// Call `apply` only while folio is single-threaded (at start-up): setenv and unsetenv race
/// with getenv in other threads.
public enum ProcessEnvironment {
    /// One variable, as getenv finds it (the first definition); nil when unset. Invalid UTF-8
    /// becomes U+FFFD.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        guard var entry = Optional(environ) else { return result }
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)   // invalid UTF-8 becomes U+FFFD
            if let equals = pair.firstIndex(of: "=") {
                let name = String(pair[..<equals])
                // The first definition wins, as with getenv.
                if result[name] == nil { result[name] = String(pair[pair.index(after: equals)...]) }
            }
            entry += 1
        }
        return result
    }

    /// Makes the process environment equal `desired`: unsets what it lacks, sets what differs.
    /// Returns the names removed.
    @discardableResult
    public static func apply(_ desired: [String: String]) -> [String] {
        let now = current()
        var removed: [String] = []
        for name in now.keys where desired[name] == nil {
            unsetenv(name)
            removed.append(name)
        }
        for (name, value) in desired where now[name] != value {
            setenv(name, value, 1)
        }
        return removed.sorted()
    }
}
