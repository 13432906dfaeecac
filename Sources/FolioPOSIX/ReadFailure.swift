/// Why a whole file could not be read (`WholeFile.read`, `Descriptor.readAll`).
public enum ReadFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case missing
    case directory
    /// A FIFO, device or socket: never read, so nothing can make a reader block or stream forever.
    case notRegular
    /// Over the cap; `size` is what fstat said, nil when the file grew while being read
    /// (or was a stream).
    case tooLarge(limit: Int, size: Int?)
    case system(SystemError)

    public var description: String {
        switch self {
        case .missing: "no such file"
        case .directory: "is a directory"
        case .notRegular: "not a regular file"
        case .tooLarge(let limit, _): "larger than \(limit) bytes"
        case .system(let error): error.description
        }
    }
}
