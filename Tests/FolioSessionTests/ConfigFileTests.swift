import FolioText
import Testing
@testable import FolioSession

@Suite struct ConfigFileTests {
    @Test func parsesEveryKeyWithCommentsQuotesAndUnits() {
        let text = """
        # visitors
        kiosk = yes
          idle_timeout=10m   # ten minutes
        session_limit = 1h
        enquiries_per_hour = 3
        outbox = /var/mail/folio-outbox
        content = "/srv/folio/my content #1"
        ratelimit_file = /var/lib/folio/ratelimit
        theme = light

        """
        let (settings, diagnostics) = ConfigFile.parse(text, path: "f")
        #expect(diagnostics.isEmpty)
        #expect(settings == SessionSettings(kiosk: true, idleTimeout: .value(600), sessionLimit: .value(3_600),
                                            enquiriesPerHour: .value(3), outbox: "/var/mail/folio-outbox",
                                            content: "/srv/folio/my content #1",
                                            rateLimitFile: "/var/lib/folio/ratelimit", theme: .light))
    }

    @Test func forwardCommandIsKeptAsWrittenAndMustNotBeBlank() {
        let (settings, diagnostics) = ConfigFile.parse("forward_command = \"msmtp -a 'work account'\"\n", path: "f")
        #expect(diagnostics.isEmpty)
        #expect(settings.forwardCommand == "msmtp -a 'work account'")
        #expect(SessionSettings().overlaid(with: settings).forwardCommand == "msmtp -a 'work account'")
        let (_, blank) = ConfigFile.parse("forward_command = \"  \"\n", path: "f")
        #expect(blank.first?.message.contains("forward_command") == true)
    }

    @Test func serveKeysAreReadCheckedAndLaidOverInOrder() {
        let text = """
        serve_listen = [::1]:2222
        serve_host_key = /var/lib/folio/host_ed25519
        serve_authorized_keys = "/etc/folio/visitors.pub"
        serve_max_sessions = 32
        serve_per_address = 2

        """
        let (settings, diagnostics) = ConfigFile.parse(text, path: "f")
        #expect(diagnostics.isEmpty)
        #expect(settings.serve.listen == ListenAddress("[::1]:2222"))
        #expect(settings.serve.hostKey == "/var/lib/folio/host_ed25519")
        #expect(settings.serve.authorizedKeys == "/etc/folio/visitors.pub")
        #expect(settings.serve.maxSessions == 32)
        #expect(settings.serve.perAddress == 2)
        let (later, _) = ConfigFile.parse("serve_per_address = 3\n", path: "g")
        let merged = settings.overlaid(with: later)
        #expect(merged.serve.perAddress == 3)
        #expect(merged.serve.maxSessions == 32)

        for (line, message) in [("serve_max_sessions = off", "off is not allowed"),
                                ("serve_per_address = 0", "expected a whole number 1…100000"),
                                ("serve_host_key = host_ed25519", "serve_host_key:"),
                                ("serve_listen = a b", "expected HOST:PORT")] {
            let (bad, found) = ConfigFile.parse(line + "\n", path: "f")
            #expect(bad.serve == ServeConfig(), "\(line)")
            #expect(found.count == 1 && found[0].severity == .error && found[0].message.contains(message),
                    "\(line): \(found.map(\.message))")
        }
    }

    @Test func crlfLinesAndOffValues() {
        let (settings, diagnostics) = ConfigFile.parse("idle_timeout = off\r\nenquiries_per_hour = off\r\nkiosk = false\r\n", path: "f")
        #expect(diagnostics.isEmpty)
        #expect(settings.idleTimeout == .off)
        #expect(settings.enquiriesPerHour == .off)
        #expect(settings.kiosk == false)
    }

    @Test(arguments: [
        ("kiosk = maybe", 1, 9, "kiosk: expected true or false"),
        ("\n\nidle_timeout = 0", 3, 16, "idle_timeout: must be between 1 and 604800"),
        ("idle_timeout = -5", 1, 16, "idle_timeout: expected seconds"),
        ("session_limit = 8d", 1, 17, "session_limit: expected seconds"),
        ("session_limit = 99999999999999999999", 1, 17, "session_limit: expected seconds"),
        ("enquiries_per_hour = 1001", 1, 22, "enquiries_per_hour: expected a whole number 0…1000"),
        ("outbox = var/mail", 1, 10, "outbox: expected an absolute path"),
        ("   just words", 1, 4, "expected `key = value`"),
        ("= true", 1, 1, "missing key before `=`"),
        ("kiosk =", 1, 7, "kiosk: missing value after `=`"),
        ("kiosk =   # nothing", 1, 7, "kiosk: missing value after `=`"),
        ("content = \"/srv/x", 1, 11, "content: unterminated quoted value"),
        ("content = \"/srv/x\" junk", 1, 20, "content: unexpected `j` after the closing quote"),
        ("kiosk = tr\u{1B}ue", 1, 11, "control character U+001B"),
        ("theme = Light", 1, 9, "theme: expected one of auto, dark, light; found `Light`"),
    ])
    func reportsErrorsAtLineAndColumn(text: String, line: Int, column: Int, message: String) {
        let (_, diagnostics) = ConfigFile.parse(text, path: "/etc/folio/folio.conf")
        #expect(diagnostics.count == 1)
        let d = diagnostics.first
        #expect(d?.severity == .error)
        #expect(d?.line == line)
        #expect(d?.column == column)
        #expect(d?.message.hasPrefix(message) == true, "\(d?.message ?? "none")")
        #expect(d?.description.hasPrefix("/etc/folio/folio.conf:\(line):\(column): error: ") == true)
    }

    @Test func columnsCountCharactersNotBytes() {
        // "é" is two UTF-8 bytes but one column.
        let (_, diagnostics) = ConfigFile.parse("outbox = é", path: "f")
        #expect(diagnostics.first?.column == 10)
        let (_, wide) = ConfigFile.parse("kiosk = 日本", path: "f")
        #expect(wide.first?.column == 9)
    }

    @Test func unknownAndRepeatedKeysAreWarningsAndLaterWins() {
        let (settings, diagnostics) = ConfigFile.parse("""
        idle-timeout = 5
        colour = blue
        idle_timeout = 5
        idle_timeout = 7
        """, path: "f")
        #expect(settings.idleTimeout == .value(7))
        #expect(diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(diagnostics[0].message.contains("did you mean `idle_timeout`"))
        #expect(diagnostics[1].message.contains("known keys: kiosk"))
        #expect(diagnostics[2].line == 4 && diagnostics[2].message.contains("repeats line 3"))
    }

    @Test func badValueLeavesSettingUnset() {
        let (settings, _) = ConfigFile.parse("idle_timeout = soon\nkiosk = on", path: "f")
        #expect(settings.idleTimeout == nil)
        #expect(settings.kiosk == true)
    }

    @Test func durationsAcceptUnitsAndBounds() throws {
        #expect(try ConfigValue.duration("90").get() == .value(90))
        #expect(try ConfigValue.duration("90s").get() == .value(90))
        #expect(try ConfigValue.duration("2h").get() == .value(7_200))
        #expect(try ConfigValue.duration("OFF").get() == .off)
        #expect(try ConfigValue.duration("604800").get() == .value(604_800))
        for bad in ["", "s", "1.5", "+3", " 3", "0x10", "604801", "169h", "1d"] {
            #expect((try? ConfigValue.duration(bad).get()) == nil, "\(bad)")
        }
    }
}
