/// Where a terminal's input bytes come from: the tty (`TTYReader`), or a script in tests.
public protocol ByteSource: AnyObject {
    /// Waits at most `timeoutMs` milliseconds (negative: without limit) for input, or for one
    /// of the `watching` descriptors (see `WatchSource`) to be readable, in one wait; reads the
    /// terminal once. Never loops: a signal or a timeout comes straight back.
    func read(timeoutMs: Int32, watching: [Int32]) -> ByteRead
}

extension ByteSource {
    /// Waits for the terminal alone.
    public func read(timeoutMs: Int32) -> ByteRead { read(timeoutMs: timeoutMs, watching: []) }
}

/// What one wait on a `ByteSource` produced.
public enum ByteRead: Equatable, Sendable {
    case bytes([UInt8])
    case timeout
    /// A signal interrupted the wait (the caller checks which).
    case interrupted
    /// The terminal is gone: POLLHUP, POLLERR or POLLNVAL, end of file, or a read error such as EIO.
    case hangup
    /// No terminal input, but watched descriptors are readable (`ready`) or in error, hung up
    /// or invalid without data (`failed`: stop watching them).
    case watch(ready: [Int32], failed: [Int32])
}
