import Testing
import FolioPOSIX

@Suite struct SSHConnectionTests {
    @Test func parsesIPv4AndIPv6() throws {
        let v4 = try #require(SSHConnection("203.0.113.7 51234 192.0.2.1 22"))
        #expect(v4.clientAddress == "203.0.113.7" && v4.clientPort == 51_234)
        #expect(v4.serverAddress == "192.0.2.1" && v4.serverPort == 22)
        #expect(v4.rateLimitKey == "203.0.113.7")
        let v6 = try #require(SSHConnection("2001:DB8:0:1:aaaa:bbbb:0:1 40000 ::1 2222"))
        #expect(v6.clientAddress == "2001:db8:0:1:aaaa:bbbb:0:1" && v6.serverAddress == "::1")
        #expect(v6.rateLimitKey == "2001:db8:0:1::/64")
        // Another address in the same /64 shares the key; every spelling prints one way.
        #expect(SSHConnection("2001:db8:0:1::99 1 ::1 22")?.rateLimitKey == v6.rateLimitKey)
        #expect(SSHConnection("0:0::1 1 ::1 22")?.clientAddress == "::1")
        let mapped = try #require(SSHConnection("::ffff:198.51.100.9 1 ::1 22"))
        #expect(mapped.clientAddress == "198.51.100.9" && mapped.rateLimitKey == "198.51.100.9")
    }

    @Test(arguments: [("10.0.0.2 1 10.0.0.1 65535", 1, 65_535), ("10.0.0.2 65535 10.0.0.1 1", 65_535, 1)])
    func portsAtTheBoundsAreAccepted(value: String, client: Int, server: Int) throws {
        let parsed = try #require(SSHConnection(value))
        #expect(parsed.clientPort == client && parsed.serverPort == server)
    }

    /// Everything a client could put in SSH_CONNECTION (with `AcceptEnv *` or a broken sshd).
    @Test(arguments: [
        "", " ", "garbage", "1.2.3.4 5 6.7.8.9", "1.2.3.4 5 6.7.8.9 22 x",
        "1.2.3.4  5 6.7.8.9 22", " 1.2.3.4 5 6.7.8.9 22", "1.2.3.4 5 6.7.8.9 22 ",
        "1.2.3.4\t5 6.7.8.9 22", "1.2.3.4 5 6.7.8.9 22\n", "1.2.3.4\n5 6.7.8.9 22",
        "1.2.3.4 0 6.7.8.9 22", "1.2.3.4 5 6.7.8.9 0", "1.2.3.4 65536 6.7.8.9 22", "1.2.3.4 5 6.7.8.9 65536",
        "1.2.3.4 -5 6.7.8.9 22", "1.2.3.4 +5 6.7.8.9 22", "1.2.3.4 5x 6.7.8.9 22", "1.2.3.4 ٥ 6.7.8.9 22",
        "1.2.3.4 99999999999999999999 6.7.8.9 22", "1.2.3.4 0x16 6.7.8.9 22",
        "1.2.3.256 5 6.7.8.9 22", "01.2.3.4 5 6.7.8.9 22", "1.2.3 5 6.7.8.9 22", "1.2.3.4.5 5 6.7.8.9 22",
        "fe80::1%eth0 5 ::1 22", "::1 5 fe80::1%1 22", "[::1] 5 ::1 22", "2001:db8::1::2 5 ::1 22",
        "host.example 5 ::1 22", "1.2.3.4 5 localhost 22", "1.2.3.4\u{0} 5 6.7.8.9 22",
        "ssh 1.2.3.4 port 5", "1.2.3.4\r\nX-Injected: yes 5 6.7.8.9 22",
        String(repeating: "1", count: 10_000) + " 5 6.7.8.9 22",
    ])
    func rejectsHostileValues(value: String) {
        #expect(SSHConnection(value) == nil)
    }

    @Test func readsTheEnvironmentSnapshot() {
        #expect(SSHConnection(environment: [:]) == nil)
        #expect(SSHConnection(environment: ["SSH_CONNECTION": "garbage"]) == nil)
        #expect(SSHConnection(environment: ["SSH_CONNECTION": "10.0.0.2 5 10.0.0.1 22"])?.clientAddress == "10.0.0.2")
    }
}
