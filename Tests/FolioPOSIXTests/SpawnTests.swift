import FolioTestSupport
import Glibc
import Testing
@testable import FolioPOSIX

/// The one posix_spawn set-up: redirects in order, exactly the environment given, default
/// signals in the child, a new session when asked, and how a child ended.
@Suite struct SpawnTests {
    static func reap(_ pid: pid_t) -> ChildEnding {
        var status: Int32 = 0
        _ = Descriptor.retrying { waitpid(pid, &status, 0) }
        return ChildEnding(waitStatus: status)
    }

    static func contents(_ path: String) -> String {
        guard case .success(let bytes) = WholeFile.read(path, limit: 1 << 16) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func redirectsApplyInOrderAndTheEnvironmentIsExactlyTheOneGiven() throws {
        let directory = TempDir(prefix: "folio-spawn")
        defer { directory.remove() }
        let out = directory.write("out", "")
        let pid = try Spawn.start(["/usr/bin/env"], redirects: [.open(out, flags: O_WRONLY | O_TRUNC, as: 1)],
                                  environment: ["B": "2", "A": "1"], searchPath: false)
        #expect(Self.reap(pid) == .exited(0))
        #expect(Self.contents(out) == "A=1\nB=2\n")

        let both = try Spawn.start(["sh", "-c", "echo out; echo err >&2"],
                                   redirects: [.open(out, flags: O_WRONLY | O_TRUNC, as: 1), .duplicate(1, to: 2)])
        #expect(Self.reap(both) == .exited(0))
        #expect(Self.contents(out) == "out\nerr\n")
    }

    @Test func withoutAnEnvironmentOursIsPassedOn() throws {
        let directory = TempDir(prefix: "folio-spawn")
        defer { directory.remove() }
        let out = directory.write("out", "")
        setenv("FOLIO_SPAWN_TEST", "inherited", 1)
        defer { unsetenv("FOLIO_SPAWN_TEST") }
        let pid = try Spawn.start(["sh", "-c", "printf %s \"$FOLIO_SPAWN_TEST\""],
                                  redirects: [.open(out, flags: O_WRONLY | O_TRUNC, as: 1)])
        #expect(Self.reap(pid) == .exited(0))
        #expect(Self.contents(out) == "inherited")
    }

    @Test func theChildGetsDefaultSignalsWhateverWeIgnore() throws {
        // SIGHUP ignored here, and inherited as ignored without SETSIGDEF: the child must die of it.
        let previous = signal(SIGHUP, SIG_IGN)
        defer { signal(SIGHUP, previous) }
        let pid = try Spawn.start(["sh", "-c", "kill -HUP $$; exit 3"], redirects: [])
        #expect(Self.reap(pid) == .signalled(SIGHUP))
        let exits = try Spawn.start(["sh", "-c", "exit 3"], redirects: [])
        #expect(Self.reap(exits) == .exited(3))
    }

    @Test(arguments: [false, true])
    func aNewSessionOnlyWhenAsked(_ newSession: Bool) throws {
        let pid = try Spawn.start(["sleep", "30"], redirects: [], newSession: newSession)
        defer {
            kill(pid, SIGKILL)
            _ = Self.reap(pid)
        }
        #expect((getsid(pid) == pid) == newSession)
        #expect((getsid(pid) == getsid(0)) == !newSession)
    }

    @Test func aMissingProgramIsAnError() {
        #expect(throws: SystemError.self) {
            try Spawn.start(["/nonexistent/program"], redirects: [], searchPath: false)
        }
        #expect(throws: SystemError.self) { try Spawn.start(["folio-no-such-program"], redirects: []) }
        #expect(throws: SystemError.self) { try Spawn.start([], redirects: []) }
    }

    @Test func waitStatuses() {
        #expect(ChildEnding(waitStatus: 0) == .exited(0))
        #expect(ChildEnding(waitStatus: 75 << 8) == .exited(75))
        #expect(ChildEnding(waitStatus: 9) == .signalled(9))
        #expect(ChildEnding(waitStatus: 0x80 | 11) == .signalled(11))   // core dumped
        #expect(ChildEnding.signalled(9).description == "killed by signal 9")
    }
}
