/// One visitor's enquiry as typed: what the composer edits, the draft stores and the outbox delivers.
public struct Enquiry: Sendable, Hashable {
    public var name: String
    public var email: String
    public var company: String?
    public var subject: String
    public var message: String

    public init(name: String = "", email: String = "", company: String? = nil,
                subject: String = "", message: String = "") {
        self.name = name; self.email = email; self.company = company
        self.subject = subject; self.message = message
    }

    /// The value of one field ("" for an absent company).
    public subscript(field: EnquiryField) -> String {
        get {
            switch field {
            case .name: name
            case .email: email
            case .company: company ?? ""
            case .subject: subject
            case .message: message
            }
        }
        set {
            switch field {
            case .name: name = newValue
            case .email: email = newValue
            case .company: company = newValue
            case .subject: subject = newValue
            case .message: message = newValue
            }
        }
    }
}

/// The composer's fields in screen order.
public enum EnquiryField: String, Sendable, Hashable, CaseIterable {
    case name, email, company, subject, message

    public var label: String {
        switch self {
        case .name: "Name"
        case .email: "Email"
        case .company: "Company"
        case .subject: "Subject"
        case .message: "Message"
        }
    }

    public var isRequired: Bool { self != .company }
    /// One-line fields refuse every control character; the message keeps newlines and tabs.
    public var isSingleLine: Bool { self != .message }
}
