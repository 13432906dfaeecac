import FolioPOSIX

/// Turns a content directory into a `Portfolio`. Never throws and never traps: every
/// problem becomes a diagnostic, broken files are skipped and the rest loads.
///
/// Layout: `profile.md`, `stack.yml` (or `.yaml`, `.toml`), `services/` and `case-studies/`
/// (or the folders `folio.toml` maps to them) holding Markdown pages, nested folders and
/// bundles (see `PageWalker`).
public enum ContentLoader {
    public static func load(directory: String) -> Portfolio { load(directory: directory, threads: Workers.available) }

    /// `threads`: how many threads read a folder's pages (when it has `parallelPages` or more).
    static func load(directory: String, threads: Int) -> Portfolio {
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
        let stackNames = StackReader.fileNames.filter(names.contains)

        var configDiagnostics: [Diagnostic] = []
        let config = SiteConfig.read(directory: directory, names: names, into: &configDiagnostics)
        let folders = ItemKind.allCases.flatMap { kind in (config.folders[kind] ?? []).map { (kind: kind, name: $0) } }
        // A large stack file is read while the folders are walked, each folder a job of its
        // own: each was ~5% of the time at 10,000 items, and none needs another.
        let stackBytes = stackNames.first.flatMap { try? FileStatus.of(Path.join(directory, $0)).get().st_size } ?? 0
        var head = Head(profile: .placeholder(path: profilePath))
        var walks = [FolderWalk](repeating: .missing, count: folders.count)
        withUnsafeMutablePointer(to: &head) { head in
            walks.withUnsafeMutableBufferPointer { walks in
                // Job k < folders.count writes walks[k], the last job head. The walks are handed
                // out first: with the stack last, a thread that walked a small folder reads the
                // stack while another walks a large one (at 10,000 items the stack first left a
                // thread idle for the length of the small folder's walk, ~2.5 ms).
                nonisolated(unsafe) let (head, walks) = (head, walks)
                Workers.forEach(folders.count + 1, threads: stackBytes >= overlapStackBytes ? threads : 1) { job in
                    if job == folders.count {
                        head.pointee = readHead(directory: directory, names: names, stackNames: stackNames)
                    } else {
                        walks[job] = walkFolder(Path.join(directory, folders[job].name))
                    }
                }
            }
        }
        var profile = head.profile
        var diagnostics = head.diagnostics + configDiagnostics
        let tags = head.tags
        var sources: [ItemSource] = []
        var introductions: [ItemKind: SectionIntroduction] = [:]
        for (folder, walk) in zip(folders, walks) {
            let (found, introduction) = loadItems(folder.kind, folder: folder.name, walk: walk, in: directory,
                                                  config: config, tags: tags, threads: threads, into: &diagnostics)
            sources += found
            if introductions[folder.kind] == nil { introductions[folder.kind] = introduction }
        }
        warnUnmappedFolders(names, in: directory, config: config, into: &diagnostics)
        if profile.email.isEmpty, names.contains("profile.md"), !diagnostics.contains(where: { $0.path == profilePath && $0.severity == .error }) {
            diagnostics.append(Diagnostic(path: profilePath, severity: .warning, message:
                "no 'email': the contact form is off and the Contact section shows your links instead; add 'email: you@example.com'"))
        }
        ContentChecks.uniqueSlugs(&sources, threads: threads, into: &diagnostics)
        if let tags {
            profile.tags = tags.resolve(profile.tags, positions: head.profileTagPositions, path: profile.path, into: &diagnostics)
            for index in sources.indices where !sources[index].tagDiagnostics.isEmpty {
                diagnostics += sources[index].tagDiagnostics
            }
        }

        var services: [Item] = [], caseStudies: [Item] = []
        var serviceCount = 0
        for index in sources.indices where sources[index].item.kind == .service { serviceCount += 1 }
        services.reserveCapacity(serviceCount)
        caseStudies.reserveCapacity(sources.count - serviceCount)
        let order = displayOrder(sources)
        for index in order {
            var item = Item.moved
            swap(&item, &sources[index].item)
            if item.kind == .service { services.append(item) } else { caseStudies.append(item) }
        }
        return Portfolio(profile: profile,
                         services: services,
                         caseStudies: caseStudies,
                         stack: head.tags?.stack ?? Stack(),
                         diagnostics: diagnostics.sorted(by: Diagnostic.ordered),
                         introductions: introductions)
    }

    /// Fewer pages (or slugs to compare) than this stay on the caller's thread: starting
    /// threads costs more than a small site takes to read.
    static let parallelPages = 64

    /// A stack file smaller than this is read before the folders are walked, on one thread:
    /// starting a thread costs more than a small site's stack takes to read.
    static let overlapStackBytes = 16 * 1024

    /// The profile and the stack file, read before the pages.
    private struct Head: Sendable {
        var profile: Profile
        var profileTagPositions: [SourcePosition] = []
        /// The stack file's tags, indexed. Tags are resolved where each page is read, while
        /// its item is still in the cache: at 100,000 items a pass over them all afterwards
        /// was a cache miss per item.
        var tags: TagResolver?
        var diagnostics: [Diagnostic] = []
    }

    private static func readHead(directory: String, names: [String], stackNames: [String]) -> Head {
        let profilePath = Path.join(directory, "profile.md")
        var head = Head(profile: .placeholder(path: profilePath))
        if names.contains("profile.md") {
            (head.profile, head.profileTagPositions) = PageReader.profile(at: profilePath, into: &head.diagnostics)
        } else {
            head.diagnostics.append(Diagnostic(path: profilePath, message: "missing profile.md: the name, headline and introduction go there"))
        }
        if let stackName = stackNames.first {
            let stack = StackReader.read(path: Path.join(directory, stackName), into: &head.diagnostics)
            head.tags = TagResolver(stack: stack, stackFile: stackName)
            for ignored in stackNames.dropFirst() {
                head.diagnostics.append(Diagnostic(path: Path.join(directory, ignored), severity: .warning,
                                                   message: "ignored: \(stackName) is the stack file"))
            }
        } else {
            head.diagnostics.append(Diagnostic(path: Path.join(directory, "stack.yml"),
                                               message: "missing stack file (stack.yml or stack.toml): item tags cannot be checked"))
        }
        return head
    }

    /// A section folder walked, or why it was not.
    private enum FolderWalk: Sendable {
        case walked(PageWalker.Result)
        case missing
        case notAFolder
    }

    private static func walkFolder(_ folder: String) -> FolderWalk {
        switch FileStatus.kind(folder) {
        case .directory: .walked(PageWalker.walk(folder))
        case .missing: .missing
        case .file, .other: .notAFolder
        }
    }

    /// Items of one kind in one folder (see `PageWalker`), and the folder's `_index.md`.
    private static func loadItems(_ kind: ItemKind, folder name: String, walk walked: FolderWalk, in directory: String,
                                  config: SiteConfig, tags: TagResolver?, threads: Int,
                                  into diagnostics: inout [Diagnostic]) -> ([ItemSource], SectionIntroduction?) {
        let folder = Path.join(directory, name)
        let walk: PageWalker.Result
        switch walked {
        case .walked(let result):
            walk = result
        case .missing:
            let message = config.fileName == nil ? "no \(name)/ folder: no \(kind.pluralName) will show"
                : "no \(name)/ folder, which \(config.configName) maps to \(kind.pluralName)"
            diagnostics.append(Diagnostic(path: folder, severity: .warning, message: message))
            return ([], nil)
        case .notAFolder:
            diagnostics.append(Diagnostic(path: folder, message: "\(name) must be a folder of Markdown files"))
            return ([], nil)
        }
        for problem in walk.problems { diagnostics.append(Diagnostic(path: problem.path, message: problem.message)) }
        // Pages are read side by side on the available cores, each into its own slot, then
        // taken in the walk's order: the diagnostics come out as from one thread.
        let pages = walk.pages
        let opened = PageFolder.open(folder)
        defer { opened?.close() }
        var read = [(source: ItemSource?, diagnostics: [Diagnostic])](repeating: (nil, []), count: pages.count)
        read.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer               // index i writes slot i only
            Workers.forEach(pages.count, threads: pages.count < parallelPages ? 1 : threads) { index in
                var found: [Diagnostic] = []
                var source = PageReader.item(at: pages[index].path, kind: kind, fileSlug: pages[index].slug,
                                             folder: opened, listedRegular: pages[index].listedRegular, into: &found)
                if let tags, source != nil {
                    tags.resolve(&source!)
                    source!.tagPositions = []           // freed here, side by side, not at the end
                }
                slots[index] = (source, found)
            }
        }
        // Each page's item is moved out of its slot (no copy of its strings), so the loader
        // does not retain and release every field of every item once more.
        var sources: [ItemSource] = []
        sources.reserveCapacity(pages.count)
        for index in read.indices {
            diagnostics += read[index].diagnostics
            if let source = read[index].source.take() { sources.append(source) }
        }
        return (sources, walk.introduction.flatMap { PageReader.introduction(at: $0, into: &diagnostics) })
    }

    /// A top-level folder of Markdown pages that no section reads is never skipped in silence.
    private static func warnUnmappedFolders(_ names: [String], in directory: String, config: SiteConfig,
                                            into diagnostics: inout [Diagnostic]) {
        let mapped = Set(config.folders.values.joined().map { String($0.split(separator: "/").first ?? "") })
        for name in names where !name.hasPrefix("_") && !mapped.contains(name) {
            let path = Path.join(directory, name)
            guard FileStatus.kind(path) == .directory else { continue }
            let count = PageWalker.walk(path).pages.count
            guard count > 0 else { continue }
            let pages = count == 1 ? "1 Markdown page" : "\(count) Markdown pages"
            diagnostics.append(Diagnostic(path: path, severity: .warning, message:
                "\(pages) that no section reads; to show them as case studies, put "
                + "'\(config.setting(mapping: name, to: .caseStudy))' in \(config.configName)"))
        }
    }

    /// The sources' indices in display order: order first (0 means unset and sorts last, as
    /// Hugo's weight does), then title ignoring case, then slug. (order, index) pairs are sorted
    /// first, plain words with no indirection; then each run of equal orders, if any, is sorted
    /// again by title and slug, the titles lowercased only there. (At 100,000 items a
    /// dictionary counting the orders and a comparison reading them by index took 20 ms.)
    static func displayOrder(_ sources: [ItemSource]) -> [Int] {
        var keys: [(order: Int, index: Int)] = []
        keys.reserveCapacity(sources.count)
        for (index, source) in sources.enumerated() { keys.append((source.item.order == 0 ? .max : source.item.order, index)) }
        keys.sort { $0.order != $1.order ? $0.order < $1.order : $0.index < $1.index }
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end].order == keys[start].order { end += 1 }
            if end - start > 1 {
                var run = keys[start..<end].map { (title: sources[$0.index].item.title.lowercased(), index: $0.index) }
                run.sort { $0.title != $1.title ? $0.title < $1.title : sources[$0.index].item.slug < sources[$1.index].item.slug }
                for (offset, entry) in run.enumerated() { keys[start + offset].index = entry.index }
            }
            start = end
        }
        return keys.map(\.index)
    }
}

extension Item {
    /// What stays in a source whose item was moved out: nothing to retain or release.
    static let moved = Item(kind: .service, slug: "", title: "", summary: "")
}
