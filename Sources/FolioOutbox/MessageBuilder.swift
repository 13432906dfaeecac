/// Turns an enquiry into one RFC 5322 message (text/plain, utf-8, quoted-printable).
///
/// Lines end in LF, the Maildir norm (MUAs and Python's `mailbox` read both; an MTA adds CR when
/// it sends). There is no Reply-To: From already carries the visitor's own address, so a reply
/// goes to the visitor. The visitor's company travels in X-Folio-Company; the session's origin
/// in X-Folio-Origin / X-Folio-Session.
public struct MessageBuilder: Sendable {
    public var identity: SystemIdentity

    public init(identity: SystemIdentity = SystemIdentity()) {
        self.identity = identity
    }

    /// The message and its Message-ID (without angle brackets). The enquiry is normalised and
    /// validated first; `to` must be a valid address.
    public func build(_ enquiry: Enquiry, to recipient: String, origin: Origin) throws(OutboxError)
        -> (messageID: String, text: String) {
        let enquiry = enquiry.normalised()
        let errors = EnquiryValidator.validate(enquiry)
        guard errors.isEmpty else { throw OutboxError.invalid(errors) }
        guard EmailAddress.isValid(recipient) else {
            throw OutboxError(kind: .invalidMessage, reason: "invalid contact address \(recipient.debugDescription)")
        }
        let now = identity.now()
        let messageID = "\(now.seconds).\(identity.randomHex(words: 2)).\(identity.processID)@\(domain)"
        var headers = [
            try Header.line(name: "From", value: Header.mailbox(name: enquiry.name, address: enquiry.email, header: "From")),
            try Header.line(name: "To", value: Header.mailbox(name: "", address: recipient, header: "To")),
            try Header.line(name: "Subject", value: Header.unstructured(enquiry.subject, header: "Subject")),
            try Header.line(name: "Date", value: now.rfc5322),
            try Header.line(name: "Message-ID", value: "<\(messageID)>"),
            try Header.line(name: "MIME-Version", value: "1.0"),
            try Header.line(name: "Content-Type", value: "text/plain; charset=utf-8"),
            try Header.line(name: "Content-Transfer-Encoding", value: "quoted-printable"),
        ]
        if let company = enquiry.company {
            headers.append(try Header.line(name: "X-Folio-Company",
                                           value: Header.unstructured(company, header: "X-Folio-Company")))
        }
        headers.append(try Header.line(name: "X-Folio-Origin", value: origin.originHeader))
        headers.append(try Header.line(name: "X-Folio-Session",
                                       value: Header.unstructured(origin.sessionHeader(processID: identity.processID),
                                                                  header: "X-Folio-Session")))
        let text = headers.joined(separator: "\n") + "\n\n" + QuotedPrintable.encode(enquiry.message)
        return (messageID, text)
    }

    /// The host name as a dot-atom for Message-IDs ("localhost" when nothing usable is left).
    var domain: String {
        let labels = identity.hostName.split(separator: ".").map { label in
            String(label.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-") })
        }.filter { !$0.isEmpty }
        return labels.isEmpty ? "localhost" : labels.joined(separator: ".")
    }
}
