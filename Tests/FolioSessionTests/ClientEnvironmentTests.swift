import Glibc
import Testing
@testable import FolioSession

@Suite struct ClientEnvironmentTests {
    @Test(arguments: ["C", "POSIX", "C.UTF-8", "C.utf8", "en_US.UTF-8", "de_DE@euro", "fil_PH.UTF-8",
                      "sr_RS.UTF-8@latin", "en"])
    func wellFormedLocaleNames(name: String) {
        #expect(LocaleName.isWellFormed(name))
    }

    @Test(arguments: ["", "../../tmp/evil", "/usr/lib/locale/C.utf8", "en_us.UTF-8", "e", "engl_US",
                      "en_USA", "en_US.", "en_US.UTF 8", "en_US@", "C.UTF-8\n", "POSIXLY", "en_US.UTF-8@euro@x",
                      "x\u{0}y", String(repeating: "a", count: 81)])
    func malformedLocaleNames(name: String) {
        #expect(!LocaleName.isWellFormed(name))
    }

    @Test func installedLocalesAreCheckedWithoutTouchingTheProcessLocale() {
        #expect(LocaleName.isUsable("C.UTF-8"))
        #expect(LocaleName.isUsable("POSIX", category: LC_CTYPE))
        // Well-formed but not installed (this box only has C, C.utf8 and POSIX guaranteed).
        #expect(!LocaleName.isUsable("xx_YY.UTF-8"))
    }

    @Test func invalidLocaleAndTermVariablesAreDropped() {
        let client = ClientEnvironment(environment: [
            "LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": "../evil", "LC_TIME": "xx_YY",
            "LANGUAGE": "en:../x", "TERM": "xterm/../../tmp/t", "HOME": "/home/v",
        ])
        #expect(client.locale == ["LANG": "C.UTF-8", "LC_ALL": ""])
        #expect(Set(client.rejected) == ["LC_CTYPE", "LC_TIME", "LANGUAGE", "TERM"])
        #expect(client.term == nil)
        let clean = client.sanitisedEnvironment(kiosk: false)
        #expect(clean == ["LANG": "C.UTF-8", "LC_ALL": "", "HOME": "/home/v"])
    }

    @Test(arguments: [("xterm-256color", true), ("screen.xterm-256color", true), ("rxvt-unicode+x", true),
                      ("vt100", true), ("", false), (".hidden", false), ("-x", false), ("a/b", false),
                      ("x y", false), ("xterm\u{1B}", false), ("tërm", false),
                      (String(repeating: "x", count: 64), true), (String(repeating: "x", count: 65), false)])
    func termPattern(term: String, valid: Bool) {
        #expect(ClientEnvironment.isValidTerm(term) == valid)
    }

    @Test func sshOriginalCommandIsDroppedInEveryModeAndLaunchersInKiosk() {
        let env = ["SSH_ORIGINAL_COMMAND": "sh -c id", "EDITOR": "/bin/sh", "VISUAL": "vi", "PAGER": "less",
                   "BROWSER": "w3m", "SHELL": "/bin/bash", "TERMINFO": "/tmp/t", "LOCPATH": "/tmp/l",
                   "TERM": "xterm", "PATH": "/usr/bin"]
        let client = ClientEnvironment(environment: env)
        let user = client.sanitisedEnvironment(kiosk: false)
        #expect(user["SSH_ORIGINAL_COMMAND"] == nil)
        #expect(user["EDITOR"] == "/bin/sh" && user["TERMINFO"] == "/tmp/t")
        #expect(client.sanitisedEnvironment(kiosk: true) == ["TERM": "xterm", "PATH": "/usr/bin"])
    }

    @Test func rateLimitKeyFallsBackSafely() {
        #expect(ClientEnvironment(environment: [:]).rateLimitKey == "local")
        #expect(ClientEnvironment(environment: ["SSH_CONNECTION": "garbage"]).rateLimitKey == "unknown")
        #expect(ClientEnvironment(environment: ["SSH_CONNECTION": "1.2.3.4 0 10.0.0.1 22"]).rateLimitKey == "unknown")
        let client = ClientEnvironment(environment: ["SSH_CONNECTION": "::ffff:10.0.0.2 5 10.0.0.1 22"])
        #expect(client.rateLimitKey == "10.0.0.2" && client.connection?.clientAddress == "10.0.0.2")
    }
}
