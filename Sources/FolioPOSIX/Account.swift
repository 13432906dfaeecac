import Glibc

/// The account folio runs as, from the password database (never from the environment, which
/// an ssh client can set).
public struct Account: Sendable, Hashable {
    /// The login name, when it is plain printable ASCII (it goes into a header).
    public var name: String?
    /// pw_dir, when it is an absolute path.
    public var home: String?

    public init(name: String? = nil, home: String? = nil) { self.name = name; self.home = home }

    /// getpwuid(getuid()).
    public static func current() -> Account {
        guard let entry = getpwuid(getuid()) else { return Account() }
        let name = entry.pointee.pw_name.map { String(cString: $0) }
        let home = entry.pointee.pw_dir.map { String(cString: $0) }
        return Account(name: name.flatMap { $0.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) ? $0 : nil },
                       home: home.flatMap { $0.hasPrefix("/") ? $0 : nil })
    }
}
