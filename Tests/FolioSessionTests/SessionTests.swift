import Glibc
import Testing
@testable import FolioSession

@Suite struct SessionTests {
    func ready(_ start: SessionStart, sourceLocation: SourceLocation = #_sourceLocation) -> Session? {
        guard case .ready(let session) = start else {
            Issue.record("expected ready, got \(start)", sourceLocation: sourceLocation)
            return nil
        }
        return session
    }

    @Test func configErrorsRefuseWithExConfigAndLineColumn() {
        let dir = TempDir()
        defer { dir.remove() }
        let system = dir.write("folio.conf", "kiosk = true\nidle_timeout = forever\n")
        let start = Session.begin(flags: SessionSettings(), environment: [:], systemConfig: system, hasTerminal: true)
        guard case .refused(let message, let code) = start else { Issue.record("not refused"); return }
        #expect(code == 78)
        #expect(message.hasPrefix("\(system):2:16: error: idle_timeout: expected seconds"))
    }

    @Test func kioskWithoutTerminalRefusesWithOneLine() {
        let start = Session.begin(flags: SessionSettings(kiosk: true), environment: [:],
                                  systemConfig: "/nonexistent/folio.conf", hasTerminal: false)
        guard case .refused(let message, let code) = start else { Issue.record("not refused"); return }
        #expect(message == "folio needs a terminal: connect with ssh -t" && code == 1)
        #expect(!message.contains("\n"))
        // Without kiosk, no terminal is the browser's business (it prints plain text).
        #expect(ready(Session.begin(flags: SessionSettings(), environment: [:],
                                    systemConfig: "/nonexistent/folio.conf", hasTerminal: false)) != nil)
    }

    @Test func kioskSessionCarriesDefaultsWarningsAndClientChecks() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let system = dir.write("folio.conf", "kiosk = on\ncolour = blue\n")
        let env = ["XDG_STATE_HOME": dir.path, "SSH_CONNECTION": "192.0.2.44 5000 192.0.2.1 22",
                   "SSH_ORIGINAL_COMMAND": "sh -c id", "TERM": "xterm-256color", "LANG": "../x"]
        let session = try #require(ready(Session.begin(flags: SessionSettings(), environment: env,
                                                       systemConfig: system, hasTerminal: true, now: 5_000)))
        #expect(session.config == KioskConfig(kiosk: true, idleTimeout: 600, sessionLimit: 3_600, enquiriesPerHour: 3))
        #expect(session.warnings.map(\.line) == [2])
        #expect(!session.policy.mayLaunchProcesses)
        #expect(session.clock == SessionClock(idleTimeoutSeconds: 600, sessionLimitSeconds: 3_600, start: 5_000))
        #expect(session.rateLimiter?.stateFile == dir.path + "/folio/ratelimit")
        #expect(session.client.rateLimitKey == "192.0.2.44")
        #expect(!session.policy.offersDraftResume)
        #expect(session.draftDirectory(base: "/d") == "/d/visit-\(session.visitID)")
        #expect(session.visitID.hasSuffix("-\(getpid())"))
        let clean = session.client.sanitisedEnvironment(kiosk: session.config.kiosk)
        #expect(clean["SSH_ORIGINAL_COMMAND"] == nil && clean["LANG"] == nil && clean["TERM"] == "xterm-256color")
    }

    @Test func admissionCountsPerAddressAndRefundsFailures() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let env = ["XDG_STATE_HOME": dir.path, "SSH_CONNECTION": "192.0.2.44 5000 192.0.2.1 22"]
        let session = try #require(ready(Session.begin(flags: SessionSettings(kiosk: true, enquiriesPerHour: .value(2)),
                                                       environment: env, systemConfig: "/nonexistent",
                                                       hasTerminal: true)))
        let now = 1_700_000_000
        guard case .allowed(let first?) = session.admitEnquiry(now: now) else { Issue.record("first refused"); return }
        session.refund(first)   // delivery failed: the slot comes back
        #expect(session.admitEnquiry(now: now) == .allowed(RateTicket(address: "192.0.2.44", stamp: now)))
        guard case .allowed = session.admitEnquiry(now: now + 60) else { Issue.record("second refused"); return }
        #expect(session.admitEnquiry(now: now + 120)
                == .refused("Not sent: at most 2 enquiries an hour from one address. Try again in 58 minutes."))
        #expect(session.admitEnquiry(now: now + 1_800)
                == .refused("Not sent: at most 2 enquiries an hour from one address. Try again in 30 minutes."))
    }

    @Test func unusableStateFailsClosedInKioskOpenOtherwise() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let blocker = dir.write("plainfile", "")
        for kiosk in [true, false] {
            let flags = SessionSettings(kiosk: kiosk, enquiriesPerHour: .value(3), rateLimitFile: nil)
            let env = ["XDG_STATE_HOME": blocker]   // state dir would be under a regular file
            let session = try #require(ready(Session.begin(flags: flags, environment: env, systemConfig: "/nonexistent",
                                                           hasTerminal: true)))
            let admission = session.admitEnquiry()
            if kiosk {
                guard case .refused(let why) = admission else { Issue.record("kiosk allowed"); continue }
                #expect(why.hasPrefix("Not sent: cannot create"))
            } else {
                #expect(admission == .allowed(nil))
            }
        }
        let off = try #require(ready(Session.begin(flags: SessionSettings(kiosk: true, enquiriesPerHour: .value(0)),
                                                   environment: ["XDG_STATE_HOME": dir.path],
                                                   systemConfig: "/nonexistent", hasTerminal: true)))
        #expect(off.admitEnquiry() == .refused("Not sent: enquiries are turned off here."))
        let unlimited = try #require(ready(Session.begin(flags: SessionSettings(), environment: [:],
                                                         systemConfig: "/nonexistent", hasTerminal: true)))
        #expect(unlimited.rateLimiter == nil && unlimited.admitEnquiry() == .allowed(nil))
        #expect(unlimited.draftDirectory(base: "/d") == "/d" && unlimited.policy.offersDraftResume)
    }

    @Test func applyToProcessLeavesOnlySanitisedEnvironment() {
        let status = inChild {
            setenv("SSH_ORIGINAL_COMMAND", "sh -c id", 1)
            setenv("EDITOR", "/bin/sh", 1)
            setenv("TERM", "../../evil", 1)
            setenv("LANG", "C.UTF-8", 1)
            guard case .ready(let session) = Session.begin(flags: SessionSettings(kiosk: true),
                                                           systemConfig: "/nonexistent", hasTerminal: true)
            else { return 1 }
            session.applyToProcess()
            if getenv("SSH_ORIGINAL_COMMAND") != nil { return 2 }
            if getenv("EDITOR") != nil || getenv("TERM") != nil { return 3 }
            if getenv("LANG").map({ String(cString: $0) }) != "C.UTF-8" { return 4 }
            return KioskGuard.coreDumpLimit() == 0 ? 0 : 5
        }
        #expect(status == 0)
    }
}
