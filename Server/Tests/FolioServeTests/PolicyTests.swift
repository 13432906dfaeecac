import FolioSession
@testable import FolioServe
import NIOSSH
import XCTest

final class ConnectionLimiterTests: XCTestCase {
    func testPerAddressThenTotalThenDropped() {
        let limiter = ConnectionLimiter(maxSessions: 3, perAddress: 2)
        let a = ConnectionLimiter.key(for: "192.0.2.1"), b = ConnectionLimiter.key(for: "192.0.2.2")
        XCTAssertEqual(limiter.admit(a), .admitted)
        XCTAssertEqual(limiter.admit(a), .admitted)
        guard case .refused(let line) = limiter.admit(a) else { return XCTFail("third from a admitted") }
        XCTAssertTrue(line.contains("at most 2 sessions from one address"), line)
        XCTAssertEqual(limiter.admit(a), .refused(line))
        XCTAssertEqual(limiter.admit(a), .dropped)   // past twice the limit: not even a refusal
        for _ in 0..<3 { limiter.release(a) }
        XCTAssertEqual(limiter.count, 2)
        XCTAssertEqual(limiter.admit(b), .admitted)
        guard case .refused(let full) = limiter.admit(b) else { return XCTFail("fourth admitted") }
        XCTAssertTrue(full.contains("server is full (3 visitors)"), full)
        limiter.release(b)
        limiter.release(b)
        limiter.release(a)
        XCTAssertEqual(limiter.admit(a), .admitted)
    }

    func testAnIPv6SubscriberIsOneSourceForItsWhole64() {
        XCTAssertEqual(ConnectionLimiter.key(for: "2001:db8:1:2::1"), ConnectionLimiter.key(for: "2001:db8:1:2:ffff::9"))
        XCTAssertNotEqual(ConnectionLimiter.key(for: "2001:db8:1:2::1"), ConnectionLimiter.key(for: "2001:db8:1:3::1"))
        XCTAssertEqual(ConnectionLimiter.key(for: "::ffff:192.0.2.7"), "192.0.2.7")
        XCTAssertEqual(ConnectionLimiter.key(for: nil), "unknown")
    }
}

final class SettingsTests: XCTestCase {
    func testWindowSizesAreClampedAsFolioClampsThem() {
        let huge = TerminalSize(columns: 100_000, rows: 100_000)
        XCTAssertEqual([huge.columns, huge.rows], [WindowSize.max.width, WindowSize.max.height])
        XCTAssertEqual(TerminalSize(columns: 501, rows: 40), TerminalSize(columns: 500, rows: 40))
        XCTAssertEqual(TerminalSize(columns: 0, rows: 0), TerminalSize(columns: 80, rows: 24))
        XCTAssertEqual(TerminalSize(columns: 132, rows: 43).columns, 132)
    }

    func testTheKioskGetsTheSameBinaryWithTheGivenDirectories() {
        let settings = ServeSettings(host: "::", port: 22, folio: "/usr/bin/folio", content: "/srv/c", outbox: nil,
                                     maxSessions: 1, perAddress: 1, authorizedKeys: nil)
        XCTAssertEqual(settings.kioskArguments, ["/usr/bin/folio", "--kiosk", "--content", "/srv/c"])
    }
}

final class SessionRequestsTests: XCTestCase {
    func testOnlyValidTermAndInstalledLocaleNamesReachTheChild() {
        var requests = SessionRequests()
        XCTAssertTrue(requests.terminal(.init(wantReply: true, term: "../../evil", terminalCharacterWidth: 9_999,
                                              terminalRowHeight: 40, terminalPixelWidth: 0, terminalPixelHeight: 0,
                                              terminalModes: .init([:]))))
        XCTAssertFalse(requests.terminal(.init(wantReply: true, term: "xterm", terminalCharacterWidth: 80,
                                               terminalRowHeight: 24, terminalPixelWidth: 0, terminalPixelHeight: 0,
                                               terminalModes: .init([:]))), "a second pty-req")
        XCTAssertEqual(requests.size, TerminalSize(columns: 500, rows: 40))
        XCTAssertTrue(requests.environment(name: "LANG", value: "C.UTF-8"))
        XCTAssertFalse(requests.environment(name: "LANG", value: "/tmp/evil"))
        XCTAssertFalse(requests.environment(name: "LD_PRELOAD", value: "C"))
        XCTAssertFalse(requests.environment(name: "PATH", value: "C"))
        let environment = requests.childEnvironment(sshConnection: "192.0.2.1 5000 192.0.2.2 22")
        XCTAssertEqual(environment, ["LANG": "C.UTF-8", "SSH_CONNECTION": "192.0.2.1 5000 192.0.2.2 22"])
    }
}

final class VisitorAuthenticationTests: XCTestCase {
    func testAnonymousVisitorsPasswordsAndAuthorizedKeys() throws {
        let listed = try NIOSSHPublicKey(openSSHPublicKey: OpenSSHKeyFileTests.fixturePublic)
        let other = NIOSSHPrivateKey(ed25519Key: .init()).publicKey
        let open: AuthorizedKeys? = nil
        XCTAssertTrue(VisitorAuthentication.accepts(.none, authorized: open))
        XCTAssertTrue(VisitorAuthentication.accepts(.publicKey(.init(publicKey: other)), authorized: open))
        XCTAssertFalse(VisitorAuthentication.accepts(.password(.init(password: "x")), authorized: open))
        let keys = try AuthorizedKeys.parse("# owners\n\n\(OpenSSHKeyFileTests.fixturePublic)\n", path: "k")
        XCTAssertEqual(keys.keys, [listed])
        XCTAssertFalse(VisitorAuthentication.accepts(.none, authorized: keys))
        XCTAssertFalse(VisitorAuthentication.accepts(.publicKey(.init(publicKey: other)), authorized: keys))
        XCTAssertTrue(VisitorAuthentication.accepts(.publicKey(.init(publicKey: listed)), authorized: keys))
        XCTAssertThrowsError(try AuthorizedKeys.parse("restrict \(OpenSSHKeyFileTests.fixturePublic)\n", path: "k"))
    }
}
