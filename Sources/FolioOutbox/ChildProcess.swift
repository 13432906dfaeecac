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
/// ours. Signal dispositions and mask are reset to the defaults in the child (`Spawn`). With
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

        let output: [Spawn.Redirect] = quiet ? [.open("/dev/null", flags: O_WRONLY, as: 1), .duplicate(1, to: 2)]
                                             : [.duplicate(2, to: 1)]
        let pid: pid_t
        do { pid = try Spawn.start(arguments, redirects: [.duplicate(readEnd, to: 0)] + output) } catch {
            close(readEnd)
            close(writeEnd)
            return .unavailable("cannot run \(program): \(error)")
        }
        close(readEnd)
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

    /// The hand-off a waitpid status means.
    static func decode(_ status: Int32) -> HandOff {
        switch ChildEnding(waitStatus: status) {
        case .exited(let code): code == 0 ? .accepted : .refused(code)
        case .signalled(let signal): .killed(signal)
        }
    }
}
