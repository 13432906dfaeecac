import Testing
@testable import FolioSession

/// `--listen` and the config file's `serve_listen`: one parser.
@Suite struct ListenAddressTests {
    @Test func theFormsItTakes() {
        #expect(ListenAddress("0.0.0.0:2222") == ListenAddress("2222"))
        #expect(ListenAddress("0.0.0.0:2222") == .standard)
        #expect(ListenAddress("127.0.0.1:22")?.host == "127.0.0.1")
        #expect(ListenAddress("[::1]:2222")?.host == "::1")
        #expect(ListenAddress("[::1]:2222")?.port == 2222)
        #expect(ListenAddress("portfolio.example.org:0")?.host == "portfolio.example.org")
        #expect(ListenAddress("[2001:db8::1]:22")?.description == "[2001:db8::1]:22")
        #expect(ListenAddress("localhost:65535")?.description == "localhost:65535")
    }

    @Test(arguments: ["", ":22", "host:", "host:65536", "host:-1", "[::1]2222", "host:22x", "host:000022",
                      "a b:22", "host\t:22", "[::1]:", "[1.2.3.4]:22", "[::1%eth0]:22", "[nothost]:22", "::1:22",
                      "ho/st:22", "ho_st:22", "2222 ", " 2222", String(repeating: "a", count: 254) + ":22"])
    func whatItRefuses(_ text: String) {
        #expect(ListenAddress(text) == nil)
    }

    @Test func aBadServeListenIsAConfigErrorAtItsLineAndColumn() {
        let (settings, diagnostics) = ConfigFile.parse("kiosk = true\n\nserve_listen =  host:70000\n", path: "/etc/folio/folio.conf")
        #expect(settings.serve.listen == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.line == 3)
        #expect(diagnostics.first?.column == 17)
        #expect(diagnostics.first?.message == "serve_listen: " + ListenAddress.expected)
        #expect(diagnostics.first?.description.hasPrefix("/etc/folio/folio.conf:3:17: ") == true)
        let (quoted, found) = ConfigFile.parse("serve_listen = \"a b:22\"\n", path: "f")
        #expect(quoted.serve.listen == nil)
        #expect(found.map(\.column) == [17])   // the value inside its quotes
    }

    @Test func aGoodServeListenIsParsedOnce() {
        let (settings, diagnostics) = ConfigFile.parse("serve_listen = [::1]:2200 # loopback\n", path: "f")
        #expect(diagnostics.isEmpty)
        #expect(settings.serve.listen == ListenAddress("[::1]:2200"))
        #expect(settings.serve.listen?.port == 2200)
    }
}
