import FolioPOSIX
import Glibc
import Testing
@testable import FolioSession

/// These change process-wide state, so each runs its changes in a forked child.
@Suite struct KioskGuardTests {
    @Test func disablesCoreDumpsForGood() {
        let status = inChild {
            guard KioskGuard.disableCoreDumps(), KioskGuard.coreDumpLimit() == 0 else { return 1 }
            // The hard limit is 0 too, so an unprivileged process cannot raise it again.
            var raise = rlimit(rlim_cur: 1 << 20, rlim_max: 1 << 20)
            if getuid() != 0, setrlimit(Int32(RLIMIT_CORE.rawValue), &raise) == 0 { return 2 }
            var limit = rlimit()
            getrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
            return getuid() == 0 || limit.rlim_max == 0 ? 0 : 3
        }
        #expect(status == 0)
    }

    @Test func ignoredJobControlSignalsDoNotStopOrKill() {
        let status = inChild {
            KioskGuard.ignoreJobControlSignals()
            raise(SIGTSTP)
            raise(SIGQUIT)
            raise(SIGTTOU)
            return 7
        }
        #expect(status == 7)
        // Control: without the guard SIGQUIT kills the child (it does not reach `return`).
        let unguarded = inChild {
            KioskGuard.disableCoreDumps()   // SIGQUIT's default action dumps core
            signal(SIGQUIT, SIG_DFL)
            raise(SIGQUIT)
            return 7
        }
        #expect(unguarded == 128 + SIGQUIT)
    }

    /// What `Session.applyToProcess` does to the environment in a kiosk.
    @Test func kioskRemovesLaunchersLoadersAndOriginalCommand() {
        let status = inChild {
            for name in ["EDITOR", "VISUAL", "PAGER", "BROWSER", "SHELL", "TERMINFO", "SSH_ORIGINAL_COMMAND"] {
                setenv(name, "/bin/sh", 1)
            }
            setenv("TERM", "xterm", 1)
            let removed = Set(ProcessEnvironment.apply(ClientEnvironment.current().sanitisedEnvironment(kiosk: true)))
            guard removed.isSuperset(of: ["EDITOR", "VISUAL", "PAGER", "BROWSER", "SHELL", "TERMINFO",
                                          "SSH_ORIGINAL_COMMAND"]) else { return 1 }
            for name in KioskGuard.kioskRemovedVariables where getenv(name) != nil { return 2 }
            return getenv("TERM") != nil ? 0 : 3
        }
        #expect(status == 0)
    }

    @Test func processEnvironmentApplyMakesEnvironEqualTheDictionary() {
        let status = inChild {
            setenv("FOLIO_T_DROP", "1", 1)
            setenv("FOLIO_T_KEEP", "same", 1)
            var desired = ProcessEnvironment.current()
            desired["FOLIO_T_DROP"] = nil
            desired["FOLIO_T_NEW"] = "é value"
            let removed = ProcessEnvironment.apply(desired)
            guard removed == ["FOLIO_T_DROP"] else { return 1 }
            return ProcessEnvironment.current() == desired ? 0 : 2
        }
        #expect(status == 0)
    }

    @Test func ttyCheckTellsPipesFromTerminals() throws {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { close(pipeEnds[0]); close(pipeEnds[1]) }
        #expect(!TTYCheck.hasTerminal(input: pipeEnds[0], output: pipeEnds[1]))

        let (master, slave) = try #require(openPseudoTerminal())
        defer { close(master); close(slave) }
        #expect(TTYCheck.hasTerminal(input: slave, output: slave))
        #expect(!TTYCheck.hasTerminal(input: slave, output: pipeEnds[1]))
        #expect(TTYCheck.refusal == "folio needs a terminal: connect with ssh -t")
    }
}
