import FolioPOSIX
import Glibc
import Testing
@testable import FolioSession
import FolioTestSupport

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
        let start = Session.begin(flags: SessionSettings(kiosk: true), environment: [:], account: Account(),
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
                                                       account: Account(home: dir.file("home")),
                                                       systemConfig: system, hasTerminal: true, now: 5_000)))
        #expect(session.config == KioskConfig(kiosk: true, idleTimeout: 600, sessionLimit: 3_600, enquiriesPerHour: 3))
        #expect(session.warnings.map(\.line) == [2])
        #expect(session.clock == SessionClock(idleTimeoutSeconds: 600, sessionLimitSeconds: 3_600, start: 5_000))
        // A kiosk keeps its state under the passwd home, not where XDG_STATE_HOME points.
        #expect(session.rateLimiter?.stateFile == dir.file("home") + "/.local/state/folio/ratelimit")
        #expect(session.pathEnvironment == ["HOME": dir.file("home")])
        #expect(session.client.rateLimitKey == "192.0.2.44")
        #expect(session.visitID.hasSuffix("-\(getpid())"))
        let clean = session.client.sanitisedEnvironment(kiosk: session.config.kiosk)
        #expect(clean["SSH_ORIGINAL_COMMAND"] == nil && clean["LANG"] == nil && clean["TERM"] == "xterm-256color")
    }

    @Test func admissionCountsPerAddressAndRefundsFailures() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let env = ["SSH_CONNECTION": "192.0.2.44 5000 192.0.2.1 22"]
        let session = try #require(ready(Session.begin(flags: SessionSettings(kiosk: true, enquiriesPerHour: .value(2)),
                                                       environment: env, account: Account(home: dir.path),
                                                       systemConfig: "/nonexistent",
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
        let home = dir.file("home")
        mkdir(home, 0o755)
        dir.write("home/.local", "")   // ~/.local/state cannot be made
        for kiosk in [true, false] {
            let flags = SessionSettings(kiosk: kiosk, enquiriesPerHour: .value(3), rateLimitFile: nil)
            // The state dir would be under a regular file (a kiosk's from passwd, another's from XDG).
            let env = ["XDG_STATE_HOME": blocker]
            let session = try #require(ready(Session.begin(flags: flags, environment: env, account: Account(home: home),
                                                           systemConfig: "/nonexistent", hasTerminal: true)))
            let admission = session.admitEnquiry()
            if kiosk {
                guard case .refused(let why) = admission else { Issue.record("kiosk allowed"); continue }
                #expect(why.hasPrefix("Not sent: cannot create"))
            } else {
                #expect(admission == .allowed(nil))
            }
        }
        let off = try #require(ready(Session.begin(flags: SessionSettings(kiosk: true, enquiriesPerHour: .value(0)),
                                                   environment: [:], account: Account(home: dir.path),
                                                   systemConfig: "/nonexistent", hasTerminal: true)))
        #expect(off.admitEnquiry() == .refused("Not sent: enquiries are turned off here."))
        let unlimited = try #require(ready(Session.begin(flags: SessionSettings(), environment: [:],
                                                         systemConfig: "/nonexistent", hasTerminal: true)))
        #expect(unlimited.rateLimiter == nil && unlimited.admitEnquiry() == .allowed(nil))
    }

    @Test func applyToProcessLeavesOnlySanitisedEnvironment() {
        let status = inChild {
            setenv("SSH_ORIGINAL_COMMAND", "sh -c id", 1)
            setenv("EDITOR", "/bin/sh", 1)
            setenv("TERM", "../../evil", 1)
            setenv("LANG", "C.UTF-8", 1)
            setenv("HOME", "/tmp/client-home", 1)
            setenv("XDG_STATE_HOME", "/tmp/client-state", 1)
            setenv("FOLIO_CONTENT", "/tmp/client-content", 1)
            guard case .ready(let session) = Session.begin(flags: SessionSettings(kiosk: true),
                                                           account: Account(home: "/home/owner"),
                                                           systemConfig: "/nonexistent", hasTerminal: true)
            else { return 1 }
            session.applyToProcess()
            if getenv("XDG_STATE_HOME") != nil || getenv("FOLIO_CONTENT") != nil { return 6 }
            if getenv("HOME").map({ String(cString: $0) }) != "/home/owner" { return 7 }
            if getenv("SSH_ORIGINAL_COMMAND") != nil { return 2 }
            if getenv("EDITOR") != nil || getenv("TERM") != nil { return 3 }
            if getenv("LANG").map({ String(cString: $0) }) != "C.UTF-8" { return 4 }
            return KioskGuard.coreDumpLimit() == 0 ? 0 : 5
        }
        #expect(status == 0)
    }

    /// Issue 11 item 7: with sshd's `AcceptEnv *` a visitor sends any variable. In a kiosk none
    /// that names a place counts: the user config is the passwd home's, the state and every
    /// other path come from HOME as the passwd entry says.
    @Test func kioskTakesNoPathFromTheClientEnvironment() throws {
        let dir = TempDir()
        defer { dir.remove() }
        for sub in ["home", "home/.config", "home/.config/folio", "evil", "evil/folio"] { mkdir(dir.file(sub), 0o755) }
        dir.write("home/.config/folio/config", "enquiries_per_hour = 1\n")
        dir.write("evil/folio/config", "enquiries_per_hour = 1000\nratelimit_file = \(dir.file("evil/rl"))\n")
        dir.write("evil.conf", "enquiries_per_hour = 999\nkiosk = false\n")
        let hostile = ["FOLIO_CONFIG": dir.file("evil.conf"), "XDG_CONFIG_HOME": dir.file("evil"),
                       "XDG_STATE_HOME": dir.file("evil"), "XDG_DATA_HOME": dir.file("evil"),
                       "FOLIO_CONTENT": dir.file("evil"), "FOLIO_OUTBOX": dir.file("evil"), "HOME": dir.file("evil")]
        let account = Account(name: "visitor", home: dir.file("home"))
        for (flags, system) in [(SessionSettings(kiosk: true), "/nonexistent"),
                                (SessionSettings(), dir.write("system.conf", "kiosk = true\n"))] {
            let kiosk = try #require(ready(Session.begin(flags: flags, environment: hostile, account: account,
                                                         systemConfig: system, hasTerminal: true)))
            #expect(kiosk.config.kiosk && kiosk.config.enquiriesPerHour == 1)
            #expect(kiosk.rateLimiter?.stateFile == dir.file("home") + "/.local/state/folio/ratelimit")
            #expect(kiosk.pathEnvironment == ["HOME": dir.file("home")])
        }
        // The same environment outside a kiosk is the user's own choice, and counts.
        let own = try #require(ready(Session.begin(flags: SessionSettings(), environment: hostile, account: account,
                                                   systemConfig: "/nonexistent", hasTerminal: true)))
        #expect(!own.config.kiosk && own.config.enquiriesPerHour == 999)
        #expect(own.pathEnvironment == hostile)
    }

    /// `kiosk = true` in the account's own file cannot be dodged by pointing the config
    /// variables elsewhere; a file the environment chose may turn kiosk on, never off.
    @Test func kioskInTheAccountFileHoldsWhateverTheEnvironmentSays() throws {
        let dir = TempDir()
        defer { dir.remove() }
        for sub in ["home", "home/.config", "home/.config/folio"] { mkdir(dir.file(sub), 0o755) }
        dir.write("home/.config/folio/config", "kiosk = true\nidle_timeout = 42\n")
        let elsewhere = dir.write("elsewhere.conf", "kiosk = false\nidle_timeout = 4242\n")
        let account = Account(home: dir.file("home"))
        for env in [["FOLIO_CONFIG": elsewhere], ["XDG_CONFIG_HOME": dir.path], ["HOME": dir.path]] {
            let session = try #require(ready(Session.begin(flags: SessionSettings(), environment: env, account: account,
                                                           systemConfig: "/nonexistent", hasTerminal: true)))
            #expect(session.config.kiosk && session.config.idleTimeout == 42, "\(env)")
        }
        let asks = dir.write("asks.conf", "kiosk = true\nidle_timeout = 7\n")
        let chosen = try #require(ready(Session.begin(flags: SessionSettings(), environment: ["FOLIO_CONFIG": asks],
                                                      account: Account(home: dir.file("nohome")),
                                                      systemConfig: "/nonexistent", hasTerminal: true)))
        #expect(chosen.config.kiosk && chosen.config.idleTimeout == 600)   // kiosk, with the kiosk's own defaults
        #expect(chosen.pathEnvironment == ["HOME": dir.file("nohome")])
    }
}
