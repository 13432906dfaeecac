/// Size limits of the enquiry fields, shared by the validator and the composer ("12/128").
///
/// One-line fields count Unicode scalar values (code points), not grapheme clusters: that keeps
/// the stored size bounded (a "character" built from hundreds of combining marks counts as
/// hundreds). The message counts UTF-8 bytes after `Enquiry.normalised()`.
public enum FieldLimits {
    public static let name = 128
    public static let email = 254
    public static let company = 128
    public static let subject = 200
    /// 64 KiB of UTF-8.
    public static let messageBytes = 64 * 1024

    public enum Unit: Sendable, Hashable {
        case characters, bytes
    }

    public static func limit(for field: EnquiryField) -> Int {
        switch field {
        case .name: name
        case .email: email
        case .company: company
        case .subject: subject
        case .message: messageBytes
        }
    }

    public static func unit(for field: EnquiryField) -> Unit {
        field == .message ? .bytes : .characters
    }

    /// The size of `value` in the field's unit, for "count/limit" displays.
    public static func count(_ value: String, for field: EnquiryField) -> Int {
        unit(for: field) == .bytes ? value.utf8.count : value.unicodeScalars.count
    }

    /// `value` cut at a grapheme boundary so that it fits the field's limit (for a large paste).
    public static func capped(_ value: String, for field: EnquiryField) -> String {
        let limit = limit(for: field)
        if count(value, for: field) <= limit { return value }
        var size = 0
        var end = value.startIndex
        for index in value.indices {
            let character = value[index]
            let step = unit(for: field) == .bytes ? character.utf8.count : character.unicodeScalars.count
            if size + step > limit { break }
            size += step
            end = value.index(after: index)
        }
        return String(value[..<end])
    }
}
