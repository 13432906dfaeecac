import FolioPOSIX

/// Turns a content directory into a `Portfolio`. Never throws and never traps: every
/// problem becomes a diagnostic, broken files are skipped and the rest loads.
///
/// Layout: `profile.md`, `stack.yml` (or `.yaml`, `.toml`), `services/*.md` and
/// `case-studies/*.md`; a folder holding `index.md` also counts as a page (Hugo's bundles).
public enum ContentLoader {
    public static func load(directory: String) -> Portfolio {
        var diagnostics: [Diagnostic] = []
        let profilePath = Path.join(directory, "profile.md")
        func bare(_ message: String) -> Portfolio {
            Portfolio(profile: .placeholder(path: profilePath), services: [], caseStudies: [], stack: Stack(),
                      diagnostics: [Diagnostic(path: directory, message: message)])
        }
        switch FileStatus.kind(directory) {
        case .directory: break
        case .missing: return bare("content directory not found")
        case .file, .other: return bare("not a directory; --content wants the folder that holds profile.md")
        }
        let names: [String]
        switch Directory.list(directory) {
        case .success(let listed): names = listed.filter { !$0.hasPrefix(".") }
        case .failure(let error): return bare("cannot read directory: \(error)")
        }
        if names.isEmpty { return bare("content directory is empty: expected profile.md, stack.yml, services/ and case-studies/") }

        var profile = Profile.placeholder(path: profilePath)
        var profileTagPositions: [SourcePosition] = []
        if names.contains("profile.md") {
            (profile, profileTagPositions) = PageReader.profile(at: profilePath, into: &diagnostics)
        } else {
            diagnostics.append(Diagnostic(path: profilePath, message: "missing profile.md: the name, headline and introduction go there"))
        }

        var stack: Stack?
        let stackNames = StackReader.fileNames.filter(names.contains)
        if let stackName = stackNames.first {
            stack = StackReader.read(path: Path.join(directory, stackName), into: &diagnostics)
            for ignored in stackNames.dropFirst() {
                diagnostics.append(Diagnostic(path: Path.join(directory, ignored), severity: .warning,
                                              message: "ignored: \(stackName) is the stack file"))
            }
        } else {
            diagnostics.append(Diagnostic(path: Path.join(directory, "stack.yml"),
                                          message: "missing stack file (stack.yml or stack.toml): item tags cannot be checked"))
        }

        var sources: [ItemSource] = []
        for kind in ItemKind.allCases {
            sources += loadItems(kind, in: directory, present: names.contains(kind.folder), into: &diagnostics)
        }
        sources = ContentChecks.uniqueSlugs(sources, into: &diagnostics)
        if let stack {
            let stackFile = stackNames[0], stackIndex = StackIndex(stack)
            profile.tags = ContentChecks.resolveTags(profile.tags, positions: profileTagPositions, path: profile.path,
                                                     stack: stack, index: stackIndex, stackFile: stackFile,
                                                     into: &diagnostics)
            for index in sources.indices {
                sources[index].item.tags = ContentChecks.resolveTags(
                    sources[index].item.tags, positions: sources[index].tagPositions, path: sources[index].item.path,
                    stack: stack, index: stackIndex, stackFile: stackFile, into: &diagnostics)
            }
        }

        let items = sources.map(\.item).sorted(by: displayOrder)
        return Portfolio(profile: profile,
                         services: items.filter { $0.kind == .service },
                         caseStudies: items.filter { $0.kind == .caseStudy },
                         stack: stack ?? Stack(),
                         diagnostics: diagnostics.sorted(by: Diagnostic.ordered))
    }

    /// Items of one kind: `<folder>/*.md` plus `<folder>/<name>/index.md` bundles.
    /// Hugo's `_index.md` (a section page) and hidden files are not items.
    private static func loadItems(_ kind: ItemKind, in directory: String, present: Bool,
                                  into diagnostics: inout [Diagnostic]) -> [ItemSource] {
        let folder = Path.join(directory, kind.folder)
        guard present else {
            diagnostics.append(Diagnostic(path: folder, severity: .warning, message: "no \(kind.folder)/ folder: no \(kind.pluralName) will show"))
            return []
        }
        guard FileStatus.kind(folder) == .directory else {
            diagnostics.append(Diagnostic(path: folder, message: "\(kind.folder) must be a folder of Markdown files"))
            return []
        }
        let names: [String]
        switch Directory.list(folder) {
        case .success(let listed): names = listed
        case .failure(let error):
            diagnostics.append(Diagnostic(path: folder, message: "cannot read directory: \(error)"))
            return []
        }
        var sources: [ItemSource] = []
        for name in names where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let path = Path.join(folder, name)
            var page: (path: String, slug: String)?
            if name.hasSuffix(".md") {
                page = (path, String(name.dropLast(3)))
            } else if FileStatus.kind(path) == .directory, FileStatus.kind(Path.join(path, "index.md")) == .file {
                page = (Path.join(path, "index.md"), name)
            }
            guard let page else { continue }
            if let source = PageReader.item(at: page.path, kind: kind, fileSlug: page.slug, into: &diagnostics) {
                sources.append(source)
            }
        }
        return sources
    }

    /// Order first (0 means unset and sorts last, as Hugo's weight does), then title.
    static func displayOrder(_ a: Item, _ b: Item) -> Bool {
        let ka = a.order == 0 ? Int.max : a.order, kb = b.order == 0 ? Int.max : b.order
        if ka != kb { return ka < kb }
        if a.title.lowercased() != b.title.lowercased() { return a.title.lowercased() < b.title.lowercased() }
        return a.slug < b.slug
    }
}
