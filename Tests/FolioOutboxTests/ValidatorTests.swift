import Testing
@testable import FolioOutbox

@Suite struct ValidatorTests {
    let good = Enquiry(name: "Ada Lovelace", email: "ada@example.org", company: "Analytical Engines",
                       subject: "A question", message: "Hello,\nhow are you?\n")

    @Test func validEnquiryHasNoErrors() {
        #expect(EnquiryValidator.validate(good).isEmpty)
    }

    @Test func requiredFieldsAreReported() {
        let errors = EnquiryValidator.validate(Enquiry(name: "  ", email: "", company: nil, subject: "", message: " \n\t"))
        #expect(errors.map(\.field) == [.name, .email, .subject, .message])
        #expect(errors.allSatisfy { $0.problem == .required })
    }

    @Test(arguments: [
        "a@b", "ada@example.org", "first.last+tag@sub.example.co.uk", ".a..b.@x.io",
        "!#$%&'*+/=?^_`{|}~-@example.com", "a@a-b.c", "a@\(String(repeating: "x", count: 63)).com",
    ])
    func whatwgValidAddresses(_ address: String) {
        #expect(EmailAddress.isValid(address), "\(address)")
    }

    @Test(arguments: [
        "", "plain", "@example.com", "a@", "a@-b.com", "a@b-.com", "a@b..com", "a@.b", "a@b.",
        "a b@example.com", "a@b@c", "\"q\"@example.com", "ü@example.com", "a@exämple.com", "a@b_c.com",
        "a@\(String(repeating: "x", count: 64)).com", "a(b)@example.com",
    ])
    func whatwgInvalidAddresses(_ address: String) {
        #expect(!EmailAddress.isValid(address), "\(address)")
    }

    @Test func addressLongerThan254IsRefused() {
        let label = String(repeating: "a", count: 60)
        let address = "x@" + [label, label, label, label, "com"].joined(separator: ".")  // 2 + 4*61 + 3 = 249
        #expect(EmailAddress.isValid(address))
        let longer = "xxxxxx" + address  // 255
        #expect(longer.utf8.count == 255)
        let errors = EnquiryValidator.validate(Enquiry(name: "n", email: longer, subject: "s", message: "m"))
        #expect(errors.map(\.field) == [.email])
        #expect(errors.first?.problem == .tooLong(limit: 254, count: 255))
    }

    @Test func limitsCountCharactersInLinesAndBytesInTheMessage() {
        var enquiry = good
        enquiry.name = String(repeating: "界", count: 128)
        #expect(EnquiryValidator.validate(enquiry).isEmpty)
        enquiry.name += "界"
        enquiry.subject = String(repeating: "s", count: 201)
        enquiry.company = String(repeating: "c", count: 129)
        enquiry.message = String(repeating: "é", count: 32 * 1024) + "x"  // 65537 bytes
        let problems = EnquiryValidator.validate(enquiry).map { "\($0.field): \($0.problem)" }
        #expect(problems == [
            "name: tooLong(limit: 128, count: 129)",
            "company: tooLong(limit: 128, count: 129)",
            "subject: tooLong(limit: 200, count: 201)",
            "message: tooLong(limit: 65536, count: 65537)",
        ])
    }

    @Test func tenMegabytePasteIsRefusedAndCanBeCapped() {
        let paste = String(repeating: "0123456789\n", count: 1_000_000)
        var enquiry = good
        enquiry.message = paste
        #expect(EnquiryValidator.validate(enquiry).map(\.field) == [.message])
        let capped = FieldLimits.capped(paste, for: .message)
        #expect(capped.utf8.count <= FieldLimits.messageBytes)
        #expect(capped.utf8.count > FieldLimits.messageBytes - 12)
        enquiry.message = capped
        #expect(EnquiryValidator.validate(enquiry).isEmpty)
    }

    @Test func cappingKeepsWholeCharacters() {
        let name = String(repeating: "👩‍💻", count: 50)  // 3 scalars each: 150
        let capped = FieldLimits.capped(name, for: .name)
        #expect(capped == String(repeating: "👩‍💻", count: 42))
        #expect(FieldLimits.count(capped, for: .name) == 126)
        #expect(FieldLimits.capped("short", for: .name) == "short")
    }

    @Test(arguments: ["Hi\r\nBcc: x@y", "a\nb", "a\rb", "a\u{0}b", "tab\there", "esc\u{1B}[31m", "c1\u{85}", "del\u{7F}", "ls\u{2028}"])
    func controlsAreRefusedInOneLineFields(_ value: String) {
        for field in [EnquiryField.name, .company, .subject] {
            var enquiry = good
            enquiry[field] = value
            let errors = EnquiryValidator.validate(enquiry)
            #expect(errors.count == 1)
            guard case .controlCharacter = errors.first?.problem else {
                Issue.record("\(field) \(value.debugDescription): \(errors)"); continue
            }
            #expect(errors.first?.field == field)
        }
    }

    @Test func normalisingRemovesControlsFromTheMessageOnly() {
        let enquiry = Enquiry(name: "  Ada ", email: " ada@example.org ", company: "   ",
                              subject: "\u{00A0}Hi\u{00A0}", message: "a\r\nb\rc\u{0}d\u{1B}[2Je\tf\u{85}g\u{7F}\n")
        let clean = enquiry.normalised()
        #expect(clean.name == "Ada")
        #expect(clean.email == "ada@example.org")
        #expect(clean.company == nil)
        #expect(clean.subject == "Hi")
        #expect(clean.message == "a\nb\ncd[2Je\tfg\n")
        #expect(clean.normalised() == clean)
    }

    @Test func trailingNewlineInANameIsRefusedNotTrimmed() {
        var enquiry = good
        enquiry.name = "Ada\n"
        #expect(EnquiryValidator.validate(enquiry).first?.problem == .controlCharacter(0x0A))
    }

    @Test func errorMessagesNameTheField() {
        let errors = EnquiryValidator.validate(Enquiry(name: "A", email: "nope", subject: "x\u{0}", message: "m"))
        #expect(errors.map(\.description) == [
            "email: not a valid e-mail address (like name@example.com)",
            "subject: contains a control character (U+0000); line breaks and tabs are not allowed here",
        ])
    }
}

@Suite struct FieldValidationTests {
    @Test func singleFieldsAreNormalisedBeforeChecking() {
        #expect(EnquiryValidator.validate("  ada@example.org ", as: .email).isEmpty)
        #expect(EnquiryValidator.validate("   ", as: .company).isEmpty)
        #expect(EnquiryValidator.validate("   ", as: .name).map(\.problem) == [.required])
        #expect(EnquiryValidator.validate("a\u{0}b", as: .message).isEmpty)  // removed, not refused
        #expect(Enquiry.normalised("a\r\nb\u{7}", as: .message) == "a\nb")
        #expect(Enquiry.normalised(" x ", as: .subject) == "x")
    }

    @Test func labelsAndLimitsForTheComposer() {
        #expect(EnquiryField.allCases.map(\.label) == ["Name", "Email", "Company", "Subject", "Message"])
        #expect(EnquiryField.allCases.filter(\.isRequired) == [.name, .email, .subject, .message])
        #expect(FieldLimits.count("山田", for: .name) == 2)
        #expect(FieldLimits.count("山田", for: .message) == 6)
        #expect(FieldLimits.unit(for: .message) == .bytes)
    }
}
