import FolioText
import FolioPOSIX

/// The optional site config in the content folder (`folio.toml` or `folio.yml`): which
/// folders each section reads, so a Hugo `content/` folder works in place:
///
///     services = ["services"]
///     case-studies = ["post", "projects"]
///
/// Without it, `services/` and `case-studies/` are read.
struct SiteConfig {
    static let fileNames = ["folio.toml", "folio.yml", "folio.yaml"]

    /// The config file's name, when there is one.
    var fileName: String?
    var folders: [ItemKind: [String]] = [.service: ["services"], .caseStudy: ["case-studies"]]

    /// The setting a user would write to map `folder` to `kind`, in the config's own syntax.
    func setting(mapping folder: String, to kind: ItemKind) -> String {
        let list = ((folders[kind] ?? []) + [folder]).map { "\"\($0)\"" }.joined(separator: ", ")
        let yaml = fileName.map { !$0.hasSuffix(".toml") } ?? false
        return "\(kind.folder)\(yaml ? ":" : " =") [\(list)]"
    }

    var configName: String { fileName ?? "folio.toml" }

    static func read(directory: String, names: [String], into diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        let present = fileNames.filter(names.contains)
        guard let name = present.first else { return config }
        config.fileName = name
        let path = Path.join(directory, name)
        for ignored in present.dropFirst() {
            diagnostics.append(Diagnostic(path: Path.join(directory, ignored), severity: .warning,
                                          message: "ignored: \(name) is the site config"))
        }
        let parsed = SourceText.read(path: path).flatMap(SourceText.decode).flatMap { text in
            name.hasSuffix(".toml") ? TOMLFrontMatter.parse(text, firstLine: 1) : YAMLFrontMatter.parse(text, firstLine: 1)
        }
        let root: FMNode?
        switch parsed {
        case .success(let node): root = node
        case .failure(let problem):
            diagnostics.append(Diagnostic(path: path, line: problem.position.line, column: problem.position.column,
                                          message: problem.message))
            return config
        }
        var fields = FieldReader(root: root, path: path)
        defer { diagnostics += fields.diagnostics }
        for kind in ItemKind.allCases {
            guard let list = fields.stringList(kind.folder) else { continue }
            var folders: [String] = []
            for (folder, position) in zip(list.values, list.positions) {
                let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
                if trimmed.isEmpty || trimmed.hasPrefix(".") || trimmed.hasPrefix("/") || trimmed.containsBytes("..") {
                    fields.error(position, "'\(folder)' must be a folder inside the content folder")
                } else if !folders.contains(trimmed) {
                    folders.append(trimmed)
                }
            }
            config.folders[kind] = folders
        }
        fields.warnUnknownKeys(known: ItemKind.allCases.map(\.folder), quiet: [])
        return config
    }
}
