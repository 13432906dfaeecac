import FolioText

/// The command that hands a message to the mail transport: its words, then "--" and the
/// recipient. The recipient is always an argument, never taken from the message's headers
/// (so no `-t`). Words are split at blanks; '…' and "…" quote (no escapes, no expansion:
/// nothing goes through a shell).
public struct MailCommand: Sendable, Hashable, CustomStringConvertible {
    public var words: [String]

    /// `sendmail -oi`: -oi so a line holding a single "." does not end the message.
    public static let standard = MailCommand(words: ["sendmail", "-oi"])
    /// Where sendmail lives when it is not on PATH (it is in /usr/sbin on Debian and most others).
    public static let sendmailFallbacks = ["/usr/sbin/sendmail", "/usr/lib/sendmail"]
    /// A command line longer than this is a mistake.
    public static let maxLength = 4_096

    public init(words: [String]) { self.words = words }

    /// nil for an empty command, an unbalanced quote, or one longer than `maxLength`.
    public init?(parsing text: String) {
        guard text.utf8.count <= Self.maxLength else { return nil }
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        guard quote == nil else { return nil }
        if inWord { words.append(current) }
        guard !words.isEmpty, !words.contains(where: { $0.containsBytes("\0") }) else { return nil }
        self.words = words
    }

    /// The argument vector for one hand-off.
    public func arguments(recipient: String) -> [String] { words + ["--", recipient] }

    public var description: String { words.joined(separator: " ") }
}
