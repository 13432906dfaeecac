/// A line the status bar shows about something the runtime did: a reload, or a change to a
/// message that failed. Content problems themselves stay on the About page.
public enum Notice: Sendable, Hashable {
    /// The content was reloaded; it has this many problems. Gone at the next key.
    case reloaded(problems: Int)
    /// A reload found new errors, so the last good content stays: the first error, and how many
    /// more. Stays until a reload succeeds.
    case reloadKept(String, more: Int)
    /// The outbox could not be read or a message not moved. Gone at the next key.
    case inboxFailed(String)
    /// What a link or copy key did ("copied …", "opened …"). Gone at the next key.
    case said(String)

    public var text: String {
        switch self {
        case .reloaded(let problems):
            problems == 0 ? "reloaded" : "reloaded \u{B7} \(problems) content problem\(problems == 1 ? "" : "s") (About)"
        case .reloadKept(let error, let more):
            "not reloaded: \(error)" + (more > 0 ? " (+\(more) more)" : "")
        case .inboxFailed(let reason):
            "inbox: \(reason)"
        case .said(let text):
            text
        }
    }

    /// Whether it outlives the next key (a broken file stays broken until it is fixed).
    var isSticky: Bool { if case .reloadKept = self { true } else { false } }
}
