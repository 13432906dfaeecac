import FolioPOSIX
import Testing
@testable import FolioOutbox

@Suite struct MessageBuilderTests {
    static let identity = SystemIdentity(now: { Timestamp(seconds: 1_739_440_800, microseconds: 42) },
                                         hostName: "box.example", processID: 4242, random: { 0xABCDEF })
    let builder = MessageBuilder(identity: identity)
    let origin = Origin(clientAddress: "203.0.113.9", clientPort: 52144, serverAddress: "10.0.0.1",
                        serverPort: 22, user: "visitor")

    func build(_ enquiry: Enquiry) throws -> String {
        try builder.build(enquiry, to: "hello@example.com", origin: origin).text
    }

    func headerBlock(_ text: String) -> [Substring] {
        text.split(separator: "\n\n", maxSplits: 1).first!.split(separator: "\n")
    }

    @Test func asciiEnquiry() throws {
        let text = try build(Enquiry(name: "Ada Lovelace", email: "ada@example.org", company: "ACME",
                                     subject: "Hello there", message: "Line one\nLine two\n"))
        #expect(text == """
        From: "Ada Lovelace" <ada@example.org>
        To: <hello@example.com>
        Subject: Hello there
        Date: Thu, 13 Feb 2025 10:00:00 +0000
        Message-ID: <1739440800.0000000000abcdef0000000000abcdef.4242@box.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable
        X-Folio-Company: ACME
        X-Folio-Origin: ssh 203.0.113.9 port 52144
        X-Folio-Session: server 10.0.0.1 port 22; user visitor; pid 4242

        Line one
        Line two

        """)
    }

    @Test func headerRefusesLineBreaksAndNul() {
        for value in ["Hi\r\nBcc: x@y", "Hi\nBcc: x@y", "Hi\rx", "a\u{0}b"] {
            #expect(throws: OutboxError.self) { try Header.line(name: "Subject", value: value) }
        }
        #expect(throws: OutboxError.self) { try Header.line(name: "Bad Name", value: "x") }
        #expect(throws: OutboxError.self) { try Header.line(name: "Subject", value: "ünencoded") }
    }

    @Test func injectionInAnUnvalidatedEnquiryWritesNothing() {
        let enquiry = Enquiry(name: "Eve", email: "eve@example.org", subject: "Hi\r\nBcc: x@y", message: "m")
        #expect(throws: OutboxError.self) { try build(enquiry) }
        #expect(throws: OutboxError.self) { try Header.unstructured("界\r\nBcc: x@y", header: "Subject") }
        #expect(throws: OutboxError.self) { try Header.mailbox(name: "界\nBcc: x@y", address: "a@b.c", header: "From") }
    }

    @Test func cjkNameIsEncodedAndFolded() throws {
        let name = String(repeating: "山田太郎", count: 10)
        let text = try build(Enquiry(name: name, email: "taro@example.jp", subject: "日本語の件名", message: "本文\n"))
        let headers = headerBlock(text)
        #expect(headers.allSatisfy { $0.utf8.count <= 78 && $0.utf8.allSatisfy { $0 < 128 } })
        let from = fieldLines(headers, "From")
        #expect(from.count > 1)
        #expect(from[0].hasPrefix("From: =?utf-8?b?"))
        #expect(from.last!.hasSuffix("<taro@example.jp>"))
        #expect(decodeWords(from.joined().dropFirst(6)) == name + " <taro@example.jp>")
        #expect(decodeWords(fieldLines(headers, "Subject").joined().dropFirst(9)) == "日本語の件名")
    }

    @Test func mostlyAsciiNamesUseQ() throws {
        let text = try build(Enquiry(name: "François Dupont", email: "j@example.es", subject: "Olá", message: "x"))
        let from = fieldLines(headerBlock(text), "From").joined()
        #expect(from == "From: =?utf-8?q?Fran=C3=A7ois_Dupont?= <j@example.es>")
        #expect(fieldLines(headerBlock(text), "Subject").joined() == "Subject: =?utf-8?q?Ol=C3=A1?=")
    }

    @Test func asciiThatLooksEncodedIsEncoded() throws {
        let subject = try Header.unstructured("=?utf-8?q?fake?=", header: "Subject")
        #expect(subject.hasPrefix("=?utf-8?"))
        #expect(subject != "=?utf-8?q?fake?=")
    }

    @Test func quotedNamesEscapeQuotesAndBackslashes() throws {
        #expect(try Header.mailbox(name: #"A "B" \C"#, address: "a@b.c", header: "From") == #""A \"B\" \\C" <a@b.c>"#)
        #expect(try Header.mailbox(name: "", address: ".a..b@x.io", header: "From") == #"<".a..b"@x.io>"#)
    }

    @Test func longAsciiSubjectFoldsAtSpaces() throws {
        let subject = (1...40).map { "word\($0)" }.joined(separator: " ")
        let line = try Header.line(name: "Subject", value: subject)
        let lines = line.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(line.replacingNewlines() == "Subject: " + subject)
    }

    @Test func unbreakableValueStaysUnderTheHardLimit() throws {
        let word = String(repeating: "x", count: 200)
        #expect(try Header.line(name: "Subject", value: word) == "Subject: " + word)
        #expect(throws: OutboxError.self) { try Header.line(name: "Subject", value: String(repeating: "x", count: 999)) }
    }

    @Test func emojiSplitsOnlyBetweenCharacters() throws {
        let name = String(repeating: "👩‍👩‍👧‍👦🎉", count: 8)
        let words = Header.encodedWords(name)
        #expect(words.allSatisfy { $0.utf8.count <= Header.maxWordLength })
        #expect(words.map { decodeWords($0) }.allSatisfy { !$0.contains("\u{FFFD}") })
        #expect(decodeWords(words.joined(separator: " ")) == name)
    }

    @Test func messageIsQuotedPrintable() throws {
        let long = String(repeating: "é", count: 300) + " \n" + String(repeating: "a", count: 2000) + "=\t"
        let text = try build(Enquiry(name: "A", email: "a@b.c", subject: "s", message: long))
        let body = text.split(separator: "\n\n", maxSplits: 1)[1]
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(body.utf8.allSatisfy { $0 < 128 })
        #expect(decodeQP(String(body)) == long)
    }

    @Test func quotedPrintableRoundTrips() {
        for text in ["", "\n", "a", "a\n", "From me\n.\n", "tab\t\nspace \n", String(repeating: "=", count: 100),
                     "日本語" + String(repeating: "x", count: 74) + "\n" + String(repeating: "🎉", count: 30)] {
            let encoded = QuotedPrintable.encode(text)
            #expect(encoded.split(separator: "\n").allSatisfy { $0.utf8.count <= 76 }, "\(text.debugDescription)")
            #expect(decodeQP(encoded) == text, "\(text.debugDescription)")
        }
        #expect(QuotedPrintable.encode("From here\n") == "=46rom here\n")
        #expect(QuotedPrintable.encode("end \n") == "end=20\n")
    }

    /// The header shows the address as `SSHConnection` canonicalised it, the same parse the
    /// rate limit keys on.
    @Test func originFromSSHConnection() {
        let origin = Origin(connection: SSHConnection("2001:DB8:0::1 52144 10.0.0.1 22"), user: nil)
        #expect(origin.clientAddress == "2001:db8::1")
        #expect(origin.originHeader == "ssh 2001:db8::1 port 52144")
        #expect(origin.sessionHeader(processID: 7) == "server 10.0.0.1 port 22; pid 7")
        for bad in ["1.2.3.4 x 5.6.7.8 22", "1.2.3.4 1 5.6.7.8", "a\nb 1 c 2", "1.2.3.4 99999 5.6.7.8 22",
                    "1.2.3.4 0 5.6.7.8 22", "fe80::1%eth0 1 ::1 22"] {
            #expect(Origin(connection: SSHConnection(bad), user: nil).originHeader == "local")
        }
        #expect(Origin(connection: nil, user: nil).sessionHeader(processID: 7) == "pid 7")
    }

    @Test func invalidRecipientIsRefused() {
        #expect(throws: OutboxError.self) {
            try builder.build(Enquiry(name: "A", email: "a@b.c", subject: "s", message: "m"), to: "nobody", origin: origin)
        }
    }

    @Test func invalidEnquiryCarriesFieldErrors() {
        do throws(OutboxError) {
            _ = try builder.build(Enquiry(name: "", email: "x", subject: "s", message: "m"), to: "a@b.c", origin: origin)
            Issue.record("no error")
        } catch {
            guard case .invalidEnquiry(let errors) = error.kind else { Issue.record("\(error)"); return }
            #expect(errors.map(\.field) == [.name, .email])
        }
    }

    func fieldLines(_ headers: [Substring], _ name: String) -> [Substring] {
        guard let start = headers.firstIndex(where: { $0.hasPrefix(name + ":") }) else { return [] }
        var lines = [headers[start]]
        var index = start + 1
        while index < headers.count, headers[index].hasPrefix(" ") { lines.append(headers[index]); index += 1 }
        return lines
    }
}

extension StringProtocol {
    func replacingNewlines() -> String { split(separator: "\n").joined() }
}

func decodeWords(_ text: some StringProtocol) -> String {
    MessageDecoding.words(String(text))
}

func decodeQP(_ text: String) -> String {
    String(decoding: MessageDecoding.quotedPrintable(Array(text.utf8)), as: UTF8.self)
}
