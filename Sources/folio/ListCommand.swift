import ArgumentParser
import FolioContent
import FolioTerminal
import FolioText

struct ListCommand: ParsableCommand {
    enum Section: String, CaseIterable, ExpressibleByArgument {
        case services, caseStudies = "case-studies", stack
    }

    static let configuration = CommandConfiguration(
        commandName: "list",
        _superCommandName: "folio",
        abstract: "List services, case studies or stack tags as plain text.",
        discussion: """
        Prints one line per service or case study (slug, then title; case studies add \
        their sector) and, for the stack, each group with its tags and how many pages use \
        each. With no SECTION all three are printed, each under a heading. Slugs are what \
        folio show takes.

        Text from the content is printed on one line each, with control and bidi \
        characters shown as visible markers.

        EXAMPLES
          folio list                  everything, grouped
          folio list case-studies     just the case studies
          folio list stack | grep Kafka

        EXIT STATUS
          0  listed (problems in the content are noted on standard error; see folio check)
          64 bad usage
        """
    )

    @Argument(help: ArgumentHelp("What to list: services, case-studies or stack (default: all).",
                                 valueName: "SECTION"))
    var section: Section?

    @OptionGroup var options: ContentOptions

    func run() throws {
        let portfolio = options.load()
        let sections = section.map { [$0] } ?? Section.allCases
        var blocks: [[String]] = []
        for section in sections {
            let lines = Self.lines(for: section, in: portfolio)
            blocks.append(self.section == nil ? [Self.heading(section)] + lines.map { "  " + $0 } : lines)
        }
        // On a terminal each line is cut to its width (a long title wrapped into the next
        // entry); piped output stays whole for scripts.
        let width = TerminalCheck.ttyColumns()
        let fitted = blocks.map { $0.map { line in width.map { Text.clip(line, width: $0) } ?? line } }
        print(fitted.map { $0.joined(separator: "\n") }.joined(separator: "\n\n"))
        if portfolio.hasErrors {
            printError("folio: the content has \(counted(portfolio.errorCount, "error")); run folio check")
        }
    }

    static func heading(_ section: Section) -> String {
        switch section {
        case .services: "Services"
        case .caseStudies: "Case studies"
        case .stack: "Stack"
        }
    }

    static func lines(for section: Section, in portfolio: Portfolio) -> [String] {
        switch section {
        case .services:
            return columns(portfolio.services.map { ($0.slug, $0.title) })
        case .caseStudies:
            return columns(portfolio.caseStudies.map { item in
                (item.slug, item.title + (item.sector.map { " · " + $0 } ?? ""))
            })
        case .stack:
            // One column width for all groups, so the counts line up down the page.
            let width = portfolio.stack.tags.map { Text.width(plainLine($0.name)) }.max() ?? 0
            var lines: [String] = []
            for group in portfolio.stack.groups {
                lines.append(plainLine(group.name))
                lines += columns(group.tags.map { ($0, "used by \(portfolio.users(ofTag: $0).count)") }, width: width)
                    .map { "  " + $0 }
            }
            return lines
        }
    }

    /// Two columns, the first padded (by display width) to `width` or its widest entry.
    static func columns(_ rows: [(String, String)], width: Int? = nil) -> [String] {
        let cleaned = rows.map { (plainLine($0.0), plainLine($0.1)) }
        let width = width ?? cleaned.map { Text.width($0.0) }.max() ?? 0
        return cleaned.map { Text.pad($0.0, width: width) + "  " + $0.1 }
    }
}
