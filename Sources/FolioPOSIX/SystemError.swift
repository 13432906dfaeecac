import Glibc

/// A failed system call: its errno, and the C library's words for it.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    public let code: Int32

    public init(_ code: Int32) { self.code = code }

    /// The error the last failed call left in errno.
    public static var current: SystemError { SystemError(errno) }

    /// "No such file or directory".
    public var description: String { Self.text(code) }

    /// strerror's text for `code`.
    public static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}
