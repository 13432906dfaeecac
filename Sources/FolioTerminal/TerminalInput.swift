import FolioCore

/// What one wait on the terminal produced.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    case reply(TerminalReply)   // a terminal's answer to a query folio made (never a key)
    case timeout
    case hangup          // end of input or a read error on the tty
    case signal(Int32)   // SIGHUP, SIGTERM, SIGINT or SIGQUIT arrived
    /// Watched descriptors (`WatchSource`) that are readable, and those that failed.
    case watch(ready: [Int32], failed: [Int32])
}
