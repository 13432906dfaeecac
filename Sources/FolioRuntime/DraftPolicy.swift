import FolioOutbox
#if canImport(Glibc)
import Glibc
#endif

/// Which draft file a session uses. On a shared kiosk account each visit gets its own name, so
/// no visitor is offered another's draft; the owner can still recover every one from the
/// drafts directory.
public struct DraftPolicy: Sendable, Hashable {
    public var directory: String
    public var name: String
    /// Whether a draft found at start-up is offered (never for a kiosk visit).
    public var offersResume: Bool

    public init(directory: String = OutboxPaths.drafts(), name: String = "enquiry", offersResume: Bool = true) {
        self.directory = directory; self.name = name; self.offersResume = offersResume
    }

    /// The policy for a session: a person's own account keeps one draft ("enquiry") and offers
    /// it next time; a kiosk visit writes `visit-<visit>` and offers nothing.
    public static func session(kiosk: Bool, visit: String, directory: String = OutboxPaths.drafts()) -> DraftPolicy {
        guard kiosk else { return DraftPolicy(directory: directory) }
        let safe = String(visit.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") })
        return DraftPolicy(directory: directory, name: "visit-" + (safe.isEmpty ? "\(getpid())" : safe), offersResume: false)
    }
}
