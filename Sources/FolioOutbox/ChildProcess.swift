import FolioPOSIX
import FolioSession
import Glibc

/// How one hand-off to the mail transport ended.
public enum HandOff: Sendable, Hashable, CustomStringConvertible {
    /// Exit status 0: the MTA took responsibility for the message.
    case accepted
    /// Exited with this status.
    case refused(Int32)
    /// Killed by this signal.
    case killed(Int32)
    /// Still running at the deadline; it was terminated.
    case timedOut
    /// It could not be started (no such program, permission denied…).
    case unavailable(String)

    /// A failure that says the transport itself is down rather than this message being bad:
    /// forwarding stops for this run. sysexits: 69 unavailable, 71 OS error, 74 I/O error,
    /// 75 temporary failure (msmtp's answer to a refused connection).
    public var transportDown: Bool {
        switch self {
        case .accepted: false
        case .refused(let status): [69, 71, 74, 75].contains(status)
        case .killed, .timedOut, .unavailable: true
        }
    }

    public var description: String {
        switch self {
        case .accepted: "accepted"
        case .refused(let status): "exit status \(status)"
        case .killed(let signal): "killed by signal \(signal)"
        case .timedOut: "timed out"
        case .unavailable(let reason): reason
        }
    }
}

/// Runs a program without a shell (posix_spawnp), writes `input` to its standard input,
/// closes it and waits, all within a deadline. Its standard output goes to our standard error
/// (so `folio outbox forward` prints only its own report on stdout); its standard error is
/// ours. Signal dispositions and mask are reset to the defaults in the child. With
/// `quiet`, both its outputs go to /dev/null instead (a link opener under the live UI, whose
/// screen nothing else may write to).
public enum ChildProcess {
    public static func run(_ arguments: [String], input: [UInt8], timeoutMilliseconds: Int,
                           quiet: Bool = false) -> HandOff {
        guard let program = arguments.first else { return .unavailable("empty command") }
        // An MTA that exits before reading everything must not kill folio: EPIPE ends the
        // writing instead (the child's exit status tells the rest). The child gets the default back.
        signal(SIGPIPE, SIG_IGN)
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return .unavailable("pipe: \(SystemError.current)") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 2, 1)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return .unavailable("cannot run \(program): \(SystemError(spawned))")
        }
        let deadline = Int(MonotonicClock.now()) + timeoutMilliseconds
        _ = fcntl(writeEnd, F_SETFL, O_NONBLOCK)
        // Everything unless the deadline passes. A reader that closed early (EPIPE: SIGPIPE is
        // ignored above) ends the writing, and its exit status tells the rest.
        let fed = Descriptor.write(writeEnd, input, deadline: Int64(deadline), now: MonotonicClock.now)
        close(writeEnd)
        if case .timedOut = fed {
            terminate(pid)
            return .timedOut
        }
        return wait(pid, deadline: deadline)
    }

    private static func wait(_ pid: pid_t, deadline: Int) -> HandOff {
        while true {
            var status: Int32 = 0
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { return decode(status) }
            if done < 0 && errno != EINTR { return .unavailable("waitpid: \(SystemError.current)") }
            if Int(MonotonicClock.now()) >= deadline {
                terminate(pid)
                return .timedOut
            }
            _ = poll(nil, 0, 10)
        }
    }

    /// SIGTERM, a second's grace, then SIGKILL; always reaped.
    private static func terminate(_ pid: pid_t) {
        kill(pid, SIGTERM)
        let grace = Int(MonotonicClock.now()) + 1_000
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Int(MonotonicClock.now()) >= grace {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return
            }
            _ = poll(nil, 0, 10)
        }
    }

    /// WIFEXITED/WEXITSTATUS/WTERMSIG, which Swift cannot import (they are macros).
    static func decode(_ status: Int32) -> HandOff {
        let signal = status & 0x7f
        if signal == 0 {
            let code = (status >> 8) & 0xff
            return code == 0 ? .accepted : .refused(code)
        }
        return .killed(signal)
    }
}
