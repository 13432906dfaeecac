import FolioPOSIX
import Glibc

/// The `folio --kiosk` of one visitor, started on a pty slave as the leader of a new session
/// (so the slave becomes its controlling terminal and its process group can be signalled as one).
struct VisitorProcess {
    let pid: pid_t

    /// A new session (so the slave opened on descriptor 0 becomes the controlling terminal),
    /// every signal back to its default disposition and an empty mask (`Spawn`), and exactly
    /// `environment`: nothing of the server's.
    static func spawn(arguments: [String], environment: [String: String], slavePath: String)
        throws(SystemError) -> VisitorProcess {
        let pid = try Spawn.start(arguments, redirects: [.open(slavePath, flags: O_RDWR, as: 0),
                                                         .duplicate(0, to: 1), .duplicate(0, to: 2)],
                                  environment: environment, searchPath: false, newSession: true)
        return VisitorProcess(pid: pid)
    }

    /// Sends `signal` to the child's whole process group (it is the group's leader).
    func signalGroup(_ signal: Int32) {
        kill(-pid, signal)
    }

    /// waitpid without blocking: nil while it runs.
    func reap() -> ChildEnding? {
        var status: Int32 = 0
        let result = Descriptor.retrying { waitpid(pid, &status, WNOHANG) }
        guard result == pid else {
            // ECHILD: reaped already (never happens by design); report it as gone.
            return result < 0 ? .signalled(0) : nil
        }
        return ChildEnding(waitStatus: status)
    }
}
