import Crypto
import FolioPOSIX
@testable import FolioServe
import Glibc
import NIOSSH
import XCTest

final class OpenSSHKeyFileTests: XCTestCase {
    /// Made by `ssh-keygen -t ed25519 -N '' -C fixture` (a test key, used nowhere else).
    static let fixture = """
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACCbJYnA4mDQyOY+z+CPqnveGJ8U+sxVmO1yOJj2wNCRfAAAAJAGEVRfBhFU
XwAAAAtzc2gtZWQyNTUxOQAAACCbJYnA4mDQyOY+z+CPqnveGJ8U+sxVmO1yOJj2wNCRfA
AAAEARldojRqCt+pT+dweG+iClK4q0xTaMi+Uw7c9uCclSZ5slicDiYNDI5j7P4I+qe94Y
nxT6zFWY7XI4mPbA0JF8AAAAB2ZpeHR1cmUBAgMEBQY=
-----END OPENSSH PRIVATE KEY-----
"""
    static let fixturePublic = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJslicDiYNDI5j7P4I+qe94YnxT6zFWY7XI4mPbA0JF8 fixture"
    static let fixtureFingerprint = "SHA256:5oYR2b0uFzcO5r9/+oHUMjQT600ahp40Ux4MwRm5SgM"
    /// The same tool, with a passphrase.
    static let encrypted = """
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABChMj3aIk
+8Rn8nvm7gs/TgAAAAEAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIMRAXSB2JAPcOLAf
uNvT+tMqK1L0wFpLrc+Jf2HSglRqAAAAkNBQ7WenCVGm567Brvqc56KzFT2TPVHPZMmGe+
sm2OeciuqbxzWqY4U2AY14CRNcsRibBEhBivbgWxrsFmk5akPeNfCLiX8qS3+lfpMdq0ZK
Fsy7XhqjZL0v1rGxtjg/fIXUZRXbk6aIWO7jDUZHj6eP1uj2xLTP7kakX9mTy22aNu2N72
1FPDxOtR5vmcOMGA==
-----END OPENSSH PRIVATE KEY-----
"""
    /// An ECDSA key.
    static let ecdsa = """
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAaAAAABNlY2RzYS
1zaGEyLW5pc3RwMjU2AAAACG5pc3RwMjU2AAAAQQQI68xSFsrjmzIIreZVfRmqU7cZMAl/
XY8Lwl9Gjjz7Rhu+cwVTwt/9cicLGfmjoRxQlZOBrs3hllGorelKyOo2AAAAoFrJFDJayR
QyAAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBAjrzFIWyuObMgit
5lV9GapTtxkwCX9djwvCX0aOPPtGG75zBVPC3/1yJwsZ+aOhHFCVk4GuzeGWUait6UrI6j
YAAAAhAMESjF4CjHhbEDFJ24ynn1CQvccKnb2saZEnyMIUJrY/AAAAB3Jvb3RAdm0=
-----END OPENSSH PRIVATE KEY-----
"""

    func testReadsAKeyOpenSSHWroteAndPrintsItsFingerprint() throws {
        let key = try OpenSSHKeyFile.decode(Self.fixture)
        XCTAssertEqual(OpenSSHKeyFile.fingerprint(key.publicKey), Self.fixtureFingerprint)
        let expected = try NIOSSHPublicKey(openSSHPublicKey: Self.fixturePublic)
        XCTAssertEqual(NIOSSHPrivateKey(ed25519Key: key).publicKey, expected)
    }

    func testWritesWhatItReadsBack() throws {
        let key = Curve25519.Signing.PrivateKey()
        let text = OpenSSHKeyFile.encode(key, comment: "round trip")
        XCTAssertTrue(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 70 })
        XCTAssertEqual(try OpenSSHKeyFile.decode(text).rawRepresentation, key.rawRepresentation)
    }

    func testRefusesPassphrasesOtherTypesAndDamage() {
        XCTAssertThrowsError(try OpenSSHKeyFile.decode(Self.encrypted)) {
            XCTAssertEqual($0 as? OpenSSHKeyFile.Failure, .encrypted)
        }
        XCTAssertThrowsError(try OpenSSHKeyFile.decode(Self.ecdsa)) {
            XCTAssertEqual($0 as? OpenSSHKeyFile.Failure, .notEd25519("ecdsa-sha2-nistp256"))
        }
        XCTAssertThrowsError(try OpenSSHKeyFile.decode("ssh-ed25519 AAAA")) {
            XCTAssertEqual($0 as? OpenSSHKeyFile.Failure, .notOpenSSH)
        }
        // One byte of the private half changed: it no longer matches the public half.
        var lines = Self.fixture.split(separator: "\n").map(String.init)
        lines[4] = (lines[4].first == "A" ? "B" : "A") + lines[4].dropFirst()
        XCTAssertThrowsError(try OpenSSHKeyFile.decode(lines.joined(separator: "\n")))
        // Cut short anywhere: an error, never a crash.
        let whole = Self.fixture.split(separator: "\n").map(String.init)
        for count in 1..<whole[1].count {
            let cut = [whole[0], String(whole[1].prefix(count)), whole.last!].joined(separator: "\n")
            XCTAssertThrowsError(try OpenSSHKeyFile.decode(cut))
        }
    }
}

final class HostKeyStoreTests: XCTestCase {
    var directory = ""

    override func setUp() {
        var template = Array("/tmp/folio-serve-test-XXXXXX".utf8CString)
        directory = String(cString: mkdtemp(&template))
    }

    override func tearDown() {
        for name in ["folio/ssh_host_ed25519_key", "folio", "key"] { _ = remove(Path.join(directory, name)) }
        rmdir(directory)
    }

    func testCreatesAPrivateKeyOnceAndReadsTheSameOneAfter() throws {
        let path = HostKeyStore.defaultPath(environment: ["XDG_STATE_HOME": directory])!
        XCTAssertEqual(path, directory + "/folio/ssh_host_ed25519_key")
        let first = try HostKeyStore.load(path: path, create: true)
        XCTAssertTrue(first.created)
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o600)
        let second = try HostKeyStore.load(path: path, create: true)
        XCTAssertFalse(second.created)
        XCTAssertEqual(second.fingerprint, first.fingerprint)
        XCTAssertEqual(second.key.rawRepresentation, first.key.rawRepresentation)
    }

    func testAKeyOthersCanReadOrAMissingOneIsRefused() throws {
        let path = Path.join(directory, "key")
        XCTAssertThrowsError(try HostKeyStore.load(path: path, create: false))
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try Descriptor.writeAll(fd, Array(OpenSSHKeyFileTests.fixture.utf8))
        close(fd)
        chmod(path, 0o644)
        XCTAssertThrowsError(try HostKeyStore.load(path: path, create: false)) {
            XCTAssertTrue("\($0)".contains("readable by others"), "\($0)")
        }
        chmod(path, 0o600)
        XCTAssertEqual(try HostKeyStore.load(path: path, create: false).fingerprint,
                       OpenSSHKeyFileTests.fixtureFingerprint)
    }
}
