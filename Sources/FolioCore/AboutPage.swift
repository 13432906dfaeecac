import FolioContent

/// A page of the About section: the profile body split at its level-2 headings, so a long
/// introduction becomes a short list beside readable pages.
public struct AboutPage: Sendable, Hashable {
    public var title: String
    public var markdown: String

    static func split(_ body: String) -> [AboutPage] {
        var pages: [AboutPage] = []
        var title = "Introduction"
        var lines: [Substring] = []
        var inFence = false
        func flush() {
            let text = lines.joined(separator: "\n")
            if !pages.isEmpty || !text.allSatisfy(\.isWhitespace) || title != "Introduction" {
                pages.append(AboutPage(title: title, markdown: text))
            }
            lines = []
        }
        // Lines by byte: the loader has turned CRLF into LF, and a line feed is always a
        // grapheme of its own, so this is the same split as by Character, without breaking
        // the whole body into graphemes (a fifth of the first frame's content work).
        for bytes in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = Substring(bytes)
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, line.hasPrefix("## ") {
                flush()
                title = line.dropFirst(3).trimmingCharacters(in: " #")
            } else {
                lines.append(line)
            }
        }
        flush()
        if pages.isEmpty { pages.append(AboutPage(title: "Introduction", markdown: "")) }
        return pages
    }
}

extension AboutPage {
    static let problemsTitle = "Content problems"

    /// Loader diagnostics stay visible in the browser, as `folio check` lists them, each
    /// saying whether its file was skipped or loaded: an error skips a file, except those the
    /// loader can work around (a tag missing from the stack file); warnings never do.
    static func problems(_ portfolio: Portfolio) -> [AboutPage] {
        let diagnostics = portfolio.diagnostics
        guard !diagnostics.isEmpty else { return [] }
        var loaded = Set((portfolio.services + portfolio.caseStudies).map(\.path))
        if portfolio.profile != .placeholder(path: portfolio.profile.path) { loaded.insert(portfolio.profile.path) }
        let skipped = Set(diagnostics.filter { $0.severity == .error && !loaded.contains($0.path) }.map(\.path))
        let errors = diagnostics.filter { $0.severity == .error }.count
        let summary = "\(errors) error\(errors == 1 ? "" : "s") and \(diagnostics.count - errors) "
            + "warning\(diagnostics.count - errors == 1 ? "" : "s") while loading. "
            + (skipped.isEmpty ? "No file was skipped. "
                : "\(skipped.count) file\(skipped.count == 1 ? " was" : "s were") skipped and "
                    + "\(skipped.count == 1 ? "is" : "are") not shown; the rest loaded. ")
            + "Run `folio check` for the same list."
        let list = diagnostics.map { d in
            let status = skipped.contains(d.path) ? " (file skipped)" : loaded.contains(d.path) ? " (file loaded)" : ""
            return "- `\(d.path):\(d.line):\(d.column)` \(d.severity.rawValue): \(d.message)\(status)"
        }.joined(separator: "\n")
        return [AboutPage(title: problemsTitle, markdown: summary + "\n\n" + list)]
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
