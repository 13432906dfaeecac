import FolioPOSIX
import Glibc
import Testing
@testable import FolioSession
import FolioTestSupport

@Suite struct ConfigLoaderTests {
    @Test func userFileFollowsFolioConfigThenXDGThenHome() {
        #expect(ConfigLoader.userPath(environment: ["FOLIO_CONFIG": "/x/c", "XDG_CONFIG_HOME": "/y"])! == ("/x/c", true))
        #expect(ConfigLoader.userPath(environment: ["XDG_CONFIG_HOME": "/y", "HOME": "/h"])! == ("/y/folio/config", false))
        // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
        #expect(ConfigLoader.userPath(environment: ["XDG_CONFIG_HOME": "y", "HOME": "/h"])! == ("/h/.config/folio/config", false))
        #expect(ConfigLoader.userPath(environment: ["FOLIO_CONFIG": ""]) == nil)
    }

    @Test func missingFilesAreFineUnlessNamedByFolioConfig() {
        let dir = TempDir()
        defer { dir.remove() }
        let quiet = ConfigLoader.load(environment: ["HOME": dir.path], systemPath: dir.file("none"))
        #expect(quiet.0 == SessionSettings() && quiet.1.isEmpty)
        let named = ConfigLoader.load(environment: ["FOLIO_CONFIG": dir.file("nope")], systemPath: dir.file("none"))
        #expect(named.1.count == 1)
        #expect(named.1.first?.description == "\(dir.file("nope")): error: cannot read config: no such file")
    }

    @Test func userFileOverridesSystemButCannotTurnKioskOff() {
        let dir = TempDir()
        defer { dir.remove() }
        let system = dir.write("system.conf", "kiosk = true\nidle_timeout = 300\nenquiries_per_hour = 3\n")
        dir.write("user.conf", "kiosk = false\nidle_timeout = 60\n")
        let (settings, diagnostics) = ConfigLoader.load(environment: ["FOLIO_CONFIG": dir.file("user.conf")],
                                                        systemPath: system)
        #expect(diagnostics.isEmpty)
        #expect(settings.kiosk == true)
        #expect(settings.idleTimeout == .value(60))
        #expect(settings.enquiriesPerHour == .value(3))
    }

    @Test func invalidUTF8IsLocated() {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("c", bytes: Array("kiosk = true\nab".utf8) + [0xC3, 0x28])
        let (_, diagnostics) = ConfigLoader.loadFile(path, required: true)
        #expect(diagnostics.map(\.description) == ["\(path):2:3: error: invalid UTF-8"])
    }

    @Test func refusesDirectoriesFifosAndHugeFiles() {
        let dir = TempDir()
        defer { dir.remove() }
        #expect(ConfigLoader.loadFile(dir.path, required: false).1.first?.message == "cannot read config: not a regular file")
        mkfifo(dir.file("fifo"), 0o600)
        // O_NONBLOCK: this returns at once instead of waiting for a writer.
        #expect(ConfigLoader.loadFile(dir.file("fifo"), required: false).1.first?.message == "cannot read config: not a regular file")
        let big = dir.write("big", String(repeating: "# padding\n", count: 7_000))
        #expect(ConfigLoader.loadFile(big, required: false).1.first?.message == "cannot read config: larger than 65536 bytes")
    }

    @Test func kioskDefaultsApplyOnlyInKioskAndOffWins() {
        #expect(KioskConfig(SessionSettings()) == KioskConfig())
        #expect(KioskConfig(SessionSettings(kiosk: true))
                == KioskConfig(kiosk: true, idleTimeout: 600, sessionLimit: 3_600, enquiriesPerHour: 3))
        let tuned = KioskConfig(SessionSettings(kiosk: true, idleTimeout: .value(2), sessionLimit: .off,
                                                enquiriesPerHour: .value(0)))
        #expect(tuned == KioskConfig(kiosk: true, idleTimeout: 2, sessionLimit: nil, enquiriesPerHour: 0))
        #expect(KioskConfig(SessionSettings(idleTimeout: .value(30))).idleTimeout == 30)
    }

    @Test func flagsParseLikeTheFileAndOverrideIt() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let system = dir.write("system.conf", "idle_timeout = 300\noutbox = /srv/outbox\n")
        let flags = try SessionFlags.settings(kiosk: true, idleTimeout: "2", sessionLimit: "off",
                                              content: "relative/ok").get()
        let (config, diagnostics) = KioskConfig.resolve(flags: flags, environment: [:], account: Account(),
                                                        systemPath: system)
        #expect(diagnostics.isEmpty)
        #expect(config == KioskConfig(kiosk: true, idleTimeout: 2, sessionLimit: nil, enquiriesPerHour: 3,
                                      outbox: "/srv/outbox", content: "relative/ok"))
        let bad = SessionFlags.settings(kiosk: false, idleTimeout: "2x")
        #expect(throws: ConfigValueError.self) { try bad.get() }
        if case .failure(let error) = bad { #expect(error.message.hasPrefix("--idle-timeout: expected seconds")) }
    }
}
