import FolioCore
import FolioOutbox

/// Opens links for `Effect.openURL` with the visitor's own opener: the first command in
/// `$BROWSER` (a colon-separated list; its words, then the URL), else `xdg-open`. Run without a
/// shell through `ChildProcess` (posix_spawnp) with its output sent to /dev/null, so it
/// cannot write over the screen. The wiring never makes one in a kiosk, and `update` never
/// asks for one there either.
public struct LinkOpener: Sendable {
    /// Words of the opener; the URL is added as the last argument.
    public var command: [String]
    /// How long the opener may take (xdg-open hands over to the browser and returns).
    public var timeoutMilliseconds = 5_000

    public init(command: [String]) { self.command = command }

    /// `$BROWSER`'s first entry, else xdg-open.
    public init(environment: [String: String]) {
        let first = (environment["BROWSER"] ?? "").split(separator: ":").first.map(String.init) ?? ""
        let words = first.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        self.init(command: words.isEmpty ? ["xdg-open"] : words)
    }

    /// Runs `.openURL`; the outcome comes back as a notice. Other effects are not its own.
    public func perform(_ effect: Effect) -> Action? {
        guard case .openURL(let url) = effect else { return nil }
        switch ChildProcess.run(command + [url], input: [], timeoutMilliseconds: timeoutMilliseconds, quiet: true) {
        case .accepted: return .notice("opened " + url)
        case let failure: return .notice("could not open the link: \(command[0]) \(failure)")
        }
    }
}
