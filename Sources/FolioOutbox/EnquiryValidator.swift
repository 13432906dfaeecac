/// One problem with one field, phrased for the composer and for `folio enquire`.
public struct FieldError: Sendable, Hashable, CustomStringConvertible, Error {
    public enum Problem: Sendable, Hashable {
        case required
        case tooLong(limit: Int, count: Int)
        case invalidEmail
        /// The first control character found, e.g. U+000D.
        case controlCharacter(UInt32)
    }

    public var field: EnquiryField
    public var problem: Problem

    public init(field: EnquiryField, problem: Problem) {
        self.field = field; self.problem = problem
    }

    /// The reason without the field name, e.g. "at most 128 characters (has 130)".
    public var message: String {
        switch problem {
        case .required:
            return "required"
        case .tooLong(let limit, let count):
            let unit = FieldLimits.unit(for: field) == .bytes ? "bytes" : "characters"
            return "at most \(limit) \(unit) (has \(count))"
        case .invalidEmail:
            return "not a valid e-mail address (like name@example.com)"
        case .controlCharacter(let scalar):
            return "contains a control character (\(Self.codePoint(scalar))); line breaks and tabs are not allowed here"
        }
    }

    public var description: String { "\(field.rawValue): \(message)" }

    static func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// The rules every enquiry passes before it is written: the composer shows the errors inline,
/// `folio enquire` prints them and exits 65, and `Maildir.deliver` refuses to write without them.
public enum EnquiryValidator {
    /// All problems of `enquiry`, checked on `enquiry.normalised()`, in field order.
    public static func validate(_ enquiry: Enquiry) -> [FieldError] {
        EnquiryField.allCases.flatMap { validate(enquiry[$0], as: $0) }
    }

    /// The problems of one field's value (normalised first): for inline display while typing.
    public static func validate(_ value: String, as field: EnquiryField) -> [FieldError] {
        let value = Enquiry.normalised(value, as: field)
        var errors: [FieldError] = []
        let blank = value.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        if blank {
            if field.isRequired { errors.append(FieldError(field: field, problem: .required)) }
            return errors
        }
        if field.isSingleLine, let bad = value.unicodeScalars.first(where: isForbiddenInLine) {
            errors.append(FieldError(field: field, problem: .controlCharacter(bad.value)))
        }
        let count = FieldLimits.count(value, for: field)
        let limit = FieldLimits.limit(for: field)
        if count > limit {
            errors.append(FieldError(field: field, problem: .tooLong(limit: limit, count: count)))
        }
        if field == .email, errors.isEmpty, !EmailAddress.isValid(value) {
            errors.append(FieldError(field: field, problem: .invalidEmail))
        }
        return errors
    }

    /// C0, DEL and C1 controls, plus the Unicode line and paragraph separators.
    static func isForbiddenInLine(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }
}

extension Enquiry {
    /// The enquiry as it will be saved: one-line fields lose surrounding spaces (controls stay,
    /// so the validator can refuse them), an empty company becomes nil, and the message has
    /// CR LF and lone CR turned into LF and every other control except LF and tab removed.
    public func normalised() -> Enquiry {
        var copy = self
        for field in EnquiryField.allCases { copy[field] = Self.normalised(self[field], as: field) }
        if copy.company?.isEmpty ?? true { copy.company = nil }
        return copy
    }

    /// One field's value as it will be saved (see `normalised()`).
    public static func normalised(_ value: String, as field: EnquiryField) -> String {
        field.isSingleLine ? trimmed(value) : cleanMessage(value)
    }

    static func trimmed(_ value: String) -> String {
        let scalars = value.unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = {
            $0.properties.isWhitespace && !EnquiryValidator.isControl($0)
                && $0.value != 0x2028 && $0.value != 0x2029
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    static func cleanMessage(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": out.append("\n")
            case "\n": if !previousWasCR { out.append(scalar) }
            case "\t": out.append(scalar)
            default: if !EnquiryValidator.isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }
}
