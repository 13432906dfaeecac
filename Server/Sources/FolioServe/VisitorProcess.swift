import CFolioPTY
import FolioPOSIX
import Glibc

/// The `folio --kiosk` of one visitor, started on a pty slave as the leader of a new session
/// (so the slave becomes its controlling terminal and its process group can be signalled as one).
struct VisitorProcess {
    let pid: pid_t

    /// How a reaped child ended.
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let status): "exit status \(status)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    /// posix_spawn with POSIX_SPAWN_SETSID (glibc does setsid before the file actions, so the
    /// slave opened on descriptor 0 becomes the controlling terminal), every signal back to its
    /// default disposition and an empty mask, and exactly `environment`: nothing of the server's.
    static func spawn(arguments: [String], environment: [String: String], slavePath: String)
        throws(SystemError) -> VisitorProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, folio_posix_spawn_setsid | Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted(by: { $0.key < $1.key }).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else { throw SystemError(result) }
        return VisitorProcess(pid: pid)
    }

    /// Sends `signal` to the child's whole process group (it is the group's leader).
    func signalGroup(_ signal: Int32) {
        kill(-pid, signal)
    }

    /// waitpid without blocking: nil while it runs.
    func reap() -> Ending? {
        var status: Int32 = 0
        let result = Descriptor.retrying { waitpid(pid, &status, WNOHANG) }
        guard result == pid else {
            // ECHILD: reaped already (never happens by design); report it as gone.
            return result < 0 ? .signalled(0) : nil
        }
        let low = status & 0x7F
        return low == 0 ? .exited((status >> 8) & 0xFF) : .signalled(low)
    }
}
