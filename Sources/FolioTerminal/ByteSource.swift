/// Where a terminal's input bytes come from: the tty (`TTYReader`), or a script in tests.
public protocol ByteSource: AnyObject {
    /// Waits at most `timeoutMs` milliseconds (negative: without limit) for input, and reads
    /// once. Never loops: a signal or a timeout comes straight back.
    func read(timeoutMs: Int32) -> ByteRead
}

/// What one wait on a `ByteSource` produced.
public enum ByteRead: Equatable, Sendable {
    case bytes([UInt8])
    case timeout
    /// A signal interrupted the wait (the caller checks which).
    case interrupted
    /// The terminal is gone: POLLHUP, POLLERR or POLLNVAL, end of file, or a read error such as EIO.
    case hangup
}
