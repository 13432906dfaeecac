import FolioPOSIX

/// What `folio init` writes: a small portfolio that passes `folio check` with no problem at
/// all, each file commented so it explains itself. Writing is all or nothing: every target is
/// checked first, and a file is only ever created where nothing is (`NewFile`), so an
/// existing file is never overwritten.
public enum StarterPortfolio {
    public struct File: Sendable {
        public var path: String     // relative to the content folder
        public var text: String
    }

    public enum Outcome: Sendable, Equatable {
        /// Every file, in the order written (full paths).
        case written([String])
        /// Paths already taken; nothing was written.
        case exists([String])
        /// A path that could not be checked or created, and why; nothing is left behind.
        case failed(String, SystemError)
    }

    /// Writes the starter files under `directory` (created when missing), or nothing at all.
    public static func write(to directory: String) -> Outcome {
        let targets = files.map { Path.join(directory, $0.path) }
        var taken: [String] = []
        for target in targets {
            switch NewFile.exists(target) {
            case .success(true): taken.append(target)
            case .success(false): break
            case .failure(let error): return .failed(target, error)
            }
        }
        guard taken.isEmpty else { return .exists(taken) }
        var written: [String] = []
        for (file, target) in zip(files, targets) {
            do throws(SystemError) {
                if let parent = Path.parent(target) { try Directory.makeAll(parent, mode: 0o755) }
                try NewFile.create(target, Array(file.text.utf8))
                written.append(target)
            } catch {
                // Another process got there first, or the disk filled: take back what this run wrote.
                for path in written { NewFile.remove(path) }
                return .failed(target, error)
            }
        }
        return .written(written)
    }

    public static let files: [File] = [
        File(path: "profile.md", text: """
            ---
            # profile.md: who you are. The header shows the name and headline; the text below
            # the second --- line is the About section, one page per '## ' heading.
            # This block between the --- lines is YAML front matter.
            name: Your Name
            headline: Backend engineer
            tagline: Reliable services, clear contracts, calm releases.
            # Enquiries from the contact form (the c key) are addressed to this email.
            # Without one there is no form, and `folio check` warns.
            email: you@example.com
            # Links show in the Contact section: a label and a URL, or a bare URL.
            links:
              - label: GitHub
                url: https://github.com/your-name
              - https://example.com
            # Tags for your work overall; names or aliases from stack.yml, in any case.
            tags: [Go, postgres]
            ---
            <!-- Markdown from here on. HTML comments like this one are never shown. -->
            A paragraph or two about you: what you build, for whom, and how you work.

            ## Experience

            - **Company**: what you did there, and what changed because of it.
            - **Another company**: the same, in a line or two.

            """),
        File(path: "services/consulting.md", text: """
            ---
            # A service: something you offer. Every Markdown file in services/ is one, and its
            # file name is its slug: `folio consulting` opens this page.
            title: Backend consulting
            summary: Reviews, designs and hands-on help with services and their data.
            # Services are listed by order, then by title.
            order: 1
            # Tags link this page to the Stack section; any name or alias from stack.yml.
            tags: [golang, PostgreSQL]
            ---
            What you offer, who it is for, and how an engagement usually goes.

            ## What I do

            - Design reviews of APIs and data models
            - Performance work on slow queries and hot paths

            """),
        File(path: "case-studies/first-project.md", text: """
            ---
            # A case study: work you have done. Every Markdown file in case-studies/ is one;
            # folders inside it and page bundles (name/index.md) load too.
            title: A first project
            # The sector shows beside the title in the list.
            sector: fintech
            summary: What the client needed, and what changed because of the work.
            date: 2025-01-15
            order: 1
            tags: [Go, Kafka, PostgreSQL]
            # Set draft to true to keep a page out of the portfolio while you write it.
            draft: false
            ---
            ## The problem

            A sentence or two on the situation before the work started.

            ## What I did

            1. The first thing that mattered.
            2. The second.

            Code blocks are labelled with their language; long lines wrap behind a marker.

            ```go
            func main() { fmt.Println("hello") }
            ```

            ## The outcome

            Numbers if you have them: latency, cost, incidents, time to release.

            """),
        File(path: "stack.yml", text: """
            # stack.yml: the tools you work with, in groups. The Stack section lists every tag
            # with the services and case studies that use it.
            intro: The tools I reach for first.
            groups:
              - name: Languages
                tags:
                  # A tag is a name, or a name with aliases: other spellings that match it in
                  # front matter and in search (tags: [golang] means Go).
                  - {name: Go, aliases: [golang]}
                  - SQL
              - name: Data
                tags:
                  - {name: PostgreSQL, aliases: [postgres, pg]}
                  - {name: Kafka, aliases: [apache-kafka]}

            """),
    ]
}
