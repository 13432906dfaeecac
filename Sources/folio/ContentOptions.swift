import ArgumentParser
import FolioContent
import FolioText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--content DIR`, shared by every command that reads the portfolio
/// (`@OptionGroup var content: ContentOptions`).
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Read the portfolio from DIR instead of the bundled content (also $FOLIO_CONTENT).",
        valueName: "DIR"))
    var content: String?

    /// The directory to load: --content, then $FOLIO_CONTENT, then the bundled content.
    var directory: String { ContentLocator.resolve(explicit: content) }

    func load() -> Portfolio { ContentLoader.load(directory: directory) }
}

/// Content text on its way to a terminal: one line, control and bidi characters made visible.
func plainLine(_ text: String) -> String { Sanitiser.cleanLine(text) }

/// "1 error", "2 errors"; `plural` for nouns that do not just take an s.
func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}
