import FolioText

/// A loaded item plus where its parts sit, for the cross-file checks.
struct ItemSource {
    var item: Item
    var slugPosition: SourcePosition
    var tagPositions: [SourcePosition]   // parallel to item.tags
    /// What resolving the tags against the stack file found; reported only if the item is kept
    /// (a file dropped for a duplicate slug gets that error alone).
    var tagDiagnostics: [Diagnostic] = []
}

/// Reads one Markdown page (a service, a case study or the profile) into the model.
enum PageReader {
    /// Keys folio reads from services and case studies (Hugo and Jekyll spellings included).
    static let itemKeys = ["title", "summary", "description", "tags", "order", "weight",
                           "date", "draft", "published", "sector", "slug"]
    /// Keys folio reads from profile.md.
    static let profileKeys = ["name", "title", "headline", "tagline", "description", "summary",
                              "email", "contact", "links", "tags"]
    /// Hugo and Jekyll keys folio has no use for: ignored without a warning, so a site's
    /// existing pages load cleanly.
    static let quietKeys: Set<String> = ["layout", "permalink", "categories", "author", "authors",
        "lastmod", "keywords", "url", "aliases", "type", "menu", "images", "image", "toc",
        "excerpt", "publishdate", "expirydate", "comments", "series", "params", "linktitle", "summarylength",
        "markup", "outputs", "resources", "headless", "cascade", "build", "translationkey", "thumbnail"]

    /// Bytes → text → front matter tree. nil, with a diagnostic, when the file is broken.
    /// `folder`: see `SourceText.read`.
    static func document(at path: String, folder: PageFolder? = nil, listedRegular: Bool = false,
                         into diagnostics: inout [Diagnostic]) -> (SplitDocument, FMNode?)? {
        func fail(_ problem: SourceProblem) -> (SplitDocument, FMNode?)? {
            diagnostics.append(Diagnostic(path: path, line: problem.position.line, column: problem.position.column,
                                          severity: .error, message: problem.message))
            return nil
        }
        let text: String
        switch SourceText.read(path: path, folder: folder, listedRegular: listedRegular).flatMap(SourceText.decode) {
        case .success(let decoded): text = decoded
        case .failure(let problem): return fail(problem)
        }
        let document: SplitDocument
        switch FrontMatter.split(text) {
        case .success(let split): document = split
        case .failure(let problem): return fail(problem)
        }
        switch FrontMatter.parse(document) {
        case .success(let root): return (document, root)
        case .failure(let problem): return fail(problem)
        }
    }

    /// A service or case study; nil when it is broken, a draft or unpublished.
    static func item(at path: String, kind: ItemKind, fileSlug: String, folder: PageFolder? = nil,
                     listedRegular: Bool = false, into diagnostics: inout [Diagnostic]) -> ItemSource? {
        guard let (document, root) = document(at: path, folder: folder, listedRegular: listedRegular,
                                              into: &diagnostics) else { return nil }
        guard document.format != nil else {
            diagnostics.append(Diagnostic(path: path, message:
                "missing front matter: start the file with a '---' block that has at least a 'title'"))
            return nil
        }
        var fields = FieldReader(root: root, path: path)
        defer { diagnostics += fields.diagnostics }
        if fields.bool("draft") == true || fields.bool("published") == false { return nil }

        let title = fields.string("title")
        let summary = fields.string("summary", "description")
        let sector = fields.string("sector")
        let order = fields.int("order", "weight")
        let date = fields.string("date")
        let tags = fields.stringList("tags") ?? ([], [])
        var slug = (value: Slug.fromFileName(fileSlug), position: SourcePosition.start)
        if let explicit = fields.string("slug") {
            if Slug.isValid(explicit.value) {
                slug = explicit
            } else {
                fields.error(explicit.position, "slug '\(explicit.value)' may hold only lowercase letters, digits, '-', '_' and '.'")
            }
        }
        fields.warnUnknownKeys(known: itemKeys, quiet: quietKeys)
        if title == nil, fields.isMapping, !fields.has("title") {
            fields.error(root?.position ?? .start, "missing 'title' in front matter")
        } else if let title, title.value.isBlank {
            fields.error(title.position, "'title' is empty")
        }
        guard let title, !fields.hasErrors else { return nil }

        let item = Item(kind: kind, slug: slug.value, title: title.value, summary: summary?.value ?? "",
                        sector: sector?.value, order: order ?? 0, tags: tags.values,
                        date: date?.value, body: document.body, path: path)
        return ItemSource(item: item, slugPosition: slug.position, tagPositions: tags.positions)
    }

    /// A section's `_index.md`: its title (if any) and body. Front matter is optional and only
    /// `title` is read; Hugo's many other section keys are ignored.
    static func introduction(at path: String, into diagnostics: inout [Diagnostic]) -> SectionIntroduction? {
        guard let (document, root) = document(at: path, into: &diagnostics) else { return nil }
        var fields = FieldReader(root: root, path: path)
        let title = fields.string("title")?.value ?? ""
        diagnostics += fields.diagnostics
        guard !title.isEmpty || !document.body.isEmpty else { return nil }
        return SectionIntroduction(title: title, body: document.body, path: path)
    }

    /// The profile, always: when the file is missing or broken the diagnostics say so and a
    /// placeholder keeps the UI running.
    static func profile(at path: String, into diagnostics: inout [Diagnostic]) -> (Profile, [SourcePosition]) {
        var profile = Profile.placeholder(path: path)
        guard let (document, root) = document(at: path, into: &diagnostics) else { return (profile, []) }
        profile.body = document.body
        guard document.format != nil else {
            diagnostics.append(Diagnostic(path: path, message:
                "missing front matter: start the profile with a '---' block that has at least a 'name'"))
            return (profile, [])
        }
        var fields = FieldReader(root: root, path: path)
        defer { diagnostics += fields.diagnostics }
        if let name = fields.string("name", "title") {
            if name.value.isBlank { fields.error(name.position, "'name' is empty") }
            else { profile.name = name.value }
        } else if fields.isMapping, !fields.has("name", "title") {
            fields.error(root?.position ?? .start, "missing 'name' in the profile's front matter")
        }
        profile.headline = fields.string("headline")?.value ?? ""
        profile.tagline = fields.string("tagline", "description", "summary")?.value ?? ""
        if let email = fields.string("email") {
            if !email.value.containsBytes("@") {
                fields.warning(email.position, "'email' does not look like an address: '\(email.value)'")
            }
            profile.email = email.value
        }
        profile.contactPrompt = fields.string("contact")?.value ?? ""
        profile.links = fields.links("links") ?? []
        let tags = fields.stringList("tags") ?? ([], [])
        profile.tags = tags.values
        fields.warnUnknownKeys(known: profileKeys, quiet: quietKeys)
        return (profile, tags.positions)
    }
}
