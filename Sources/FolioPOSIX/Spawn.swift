import Glibc

/// The one posix_spawn set-up: a program started without a shell, with every signal back at
/// its default disposition and an empty signal mask in the child (whatever folio ignores or
/// blocks), its descriptors set by `redirects` in order. Used by `ChildProcess` (the mail
/// transport, the link opener) and by folio-serve's visitor on a pty.
public enum Spawn {
    /// One change to the child's descriptors before the program runs.
    public enum Redirect: Sendable, Hashable {
        /// `dup2(from, to)`.
        case duplicate(Int32, to: Int32)
        /// `open(path, flags)` as descriptor `as`.
        case open(String, flags: Int32, as: Int32)
    }

    /// glibc's POSIX_SPAWN_SETSID (<spawn.h>: 0x80, part of its ABI), which Swift's Glibc
    /// module hides behind _GNU_SOURCE. `SpawnTests` checks the child leads its own session.
    static let setsidFlag: Int16 = 0x80

    /// Starts `arguments` and returns its pid. `environment` nil passes ours on; otherwise the
    /// child gets exactly it. `searchPath` looks the program up in our PATH (posix_spawnp); a
    /// name with a slash is used as it is either way. `newSession` makes the child the leader
    /// of a new session (glibc calls setsid before the redirects, so a terminal opened as
    /// descriptor 0 becomes its controlling terminal, and its process group can be signalled as one).
    public static func start(_ arguments: [String], redirects: [Redirect], environment: [String: String]? = nil,
                             searchPath: Bool = true, newSession: Bool = false) throws(SystemError) -> pid_t {
        guard let program = arguments.first else { throw SystemError(EINVAL) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for redirect in redirects {
            switch redirect {
            case .duplicate(let from, let to): posix_spawn_file_actions_adddup2(&actions, from, to)
            case .open(let path, let flags, let descriptor): posix_spawn_file_actions_addopen(&actions, descriptor, path, flags, 0)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) | (newSession ? setsidFlag : 0))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { $0.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result: Int32 = if let envp {
            searchPath ? posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
                       : posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        } else {
            searchPath ? posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
                       : posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        }
        guard result == 0 else { throw SystemError(result) }
        return pid
    }
}

/// How a reaped child ended, from waitpid's status (WIFEXITED, WEXITSTATUS and WTERMSIG are
/// macros Swift cannot import).
public enum ChildEnding: Sendable, Hashable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)

    public init(waitStatus status: Int32) {
        let signal = status & 0x7F
        self = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }

    public var description: String {
        switch self {
        case .exited(let status): "exit status \(status)"
        case .signalled(let signal): "killed by signal \(signal)"
        }
    }
}
