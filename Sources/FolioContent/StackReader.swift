/// Reads the stack file: an intro and named groups of tags, each tag a name or
/// `{name, aliases}`. A tag may sit in several groups; its aliases merge.
///
///     intro: The stack changes per project…
///     groups:
///       - name: Languages
///         tags: [Python, {name: TypeScript, aliases: [ts]}]
enum StackReader {
    /// Looked for in this order; the first present wins.
    static let fileNames = ["stack.yml", "stack.yaml", "stack.toml"]

    static func read(path: String, into diagnostics: inout [Diagnostic]) -> Stack {
        var root: FMNode?
        let parsed = SourceText.read(path: path).flatMap(SourceText.decode).flatMap { text in
            path.hasSuffix(".toml") ? TOMLFrontMatter.parse(text, firstLine: 1) : YAMLFrontMatter.parse(text, firstLine: 1)
        }
        switch parsed {
        case .success(let node): root = node
        case .failure(let problem):
            diagnostics.append(Diagnostic(path: path, line: problem.position.line, column: problem.position.column,
                                          message: problem.message))
            return Stack()
        }
        var fields = FieldReader(root: root, path: path)
        defer { diagnostics += fields.diagnostics }
        var builder = StackBuilder()
        let intro = fields.string("intro")?.value ?? ""
        if let groups = fields.entry(["groups"]) {
            if case .list(let nodes) = groups.value.value {
                for node in nodes { readGroup(node, into: &builder, fields: &fields) }
            } else if !groups.value.isNull {
                fields.error(groups.value.position, "'groups' must be a list of {name, tags}, not \(groups.value.kindDescription)")
            }
        } else {
            fields.error(root?.position ?? .start, "missing 'groups' in the stack file")
        }
        fields.warnUnknownKeys(known: ["intro", "groups"], quiet: [])
        builder.checkAliases(fields: &fields)
        return Stack(intro: intro, groups: builder.groups, tags: builder.tags)
    }

    private static func readGroup(_ node: FMNode, into builder: inout StackBuilder, fields: inout FieldReader) {
        guard case .map(let entries) = node.value else {
            fields.error(node.position, "each group must be {name, tags}, not \(node.kindDescription)")
            return
        }
        let name = entries.first { $0.key == "name" }
        guard let name, let groupName = name.value.scalarText, !groupName.isEmpty else {
            fields.error(name?.value.position ?? node.position, "a group needs a 'name' (text)")
            return
        }
        for entry in entries where entry.key != "name" && entry.key != "tags" {
            let guess = Suggestions.closest(to: entry.key, in: ["name", "tags"])
            fields.warning(entry.keyPosition, "unknown key '\(entry.key)' in a group" + (guess.map { "; did you mean '\($0)'?" } ?? ""))
        }
        if builder.groups.contains(where: { $0.name == groupName }) {
            fields.warning(name.value.position, "group '\(groupName)' appears twice; its tags are merged")
        }
        let tagsEntry = entries.first { $0.key == "tags" }
        guard let tagsEntry, case .list(let tagNodes) = tagsEntry.value.value else {
            let at = tagsEntry?.value.position ?? node.position
            fields.error(at, "group '\(groupName)' needs 'tags' as a list" + (tagsEntry.map { ", not \($0.value.kindDescription)" } ?? ""))
            return
        }
        builder.open(group: groupName)
        for tagNode in tagNodes {
            switch tagNode.value {
            case .scalar(let text, _) where !tagNode.isNull && !text.isBlank:
                builder.add(tag: text, aliases: [], at: tagNode.position, fields: &fields)
            case .map(let tagFields):
                readTagMapping(tagFields, at: tagNode.position, into: &builder, fields: &fields)
            default:
                fields.error(tagNode.position, "a tag must be a name or {name, aliases}, not \(tagNode.kindDescription)")
            }
        }
    }

    private static func readTagMapping(_ entries: [FMEntry], at: SourcePosition,
                                       into builder: inout StackBuilder, fields: inout FieldReader) {
        guard let name = entries.first(where: { $0.key == "name" })?.value.scalarText, !name.isEmpty else {
            fields.error(at, "a tag mapping needs a 'name' (text)")
            return
        }
        var aliases: [(String, SourcePosition)] = []
        for entry in entries where entry.key != "name" {
            guard entry.key == "aliases" else {
                fields.warning(entry.keyPosition, "unknown key '\(entry.key)' in tag '\(name)'; a tag has 'name' and 'aliases'")
                continue
            }
            guard case .list(let nodes) = entry.value.value else {
                fields.error(entry.value.position, "'aliases' of '\(name)' must be a list, not \(entry.value.kindDescription)")
                continue
            }
            for node in nodes {
                if let alias = node.scalarText, !alias.isEmpty { aliases.append((alias, node.position)) }
                else { fields.error(node.position, "an alias must be text, not \(node.kindDescription)") }
            }
        }
        builder.add(tag: name, aliases: aliases, at: at, fields: &fields)
    }
}

/// Accumulates groups and unique tags in first-seen order. Name lookups go through
/// dictionaries: scanning `tags` per added tag or alias was quadratic in the stack.
private struct StackBuilder {
    var groups: [TagGroup] = []
    var tags: [Tag] = []
    private var current = 0
    private var groupTagSets: [Set<String>] = []                 // parallel to groups
    private var tagIndex: [String: Int] = [:]                    // name → index in tags
    private var byLowerName: [String: [Int]] = [:]               // lower-cased name → indices, in order
    private var aliasPositions: [[SourcePosition]] = []          // parallel to tags: where each alias was given

    mutating func open(group: String) {
        if let index = groups.firstIndex(where: { $0.name == group }) { current = index; return }
        groups.append(TagGroup(name: group, tags: []))
        groupTagSets.append([])
        current = groups.count - 1
    }

    /// The first tag (in stack order) equal to `name` ignoring case but spelled otherwise.
    private func otherCase(of name: String, lowered: String) -> Tag? {
        byLowerName[lowered]?.lazy.map { tags[$0] }.first { $0.name != name }
    }

    /// `slot`, set to `new` when it is unset (-1): one hash of the key for a find-or-insert.
    private static func claim(_ slot: inout Int, _ new: Int) -> Int {
        if slot < 0 { slot = new }
        return slot
    }

    /// Each tag costs four hashes of its name (a 20,000-tag stack file took 10,000
    /// instructions a tag with seven, and a key of tag and alias joined for each alias).
    mutating func add(tag name: String, aliases: [(String, SourcePosition)], at: SourcePosition, fields: inout FieldReader) {
        let group = groups[current].name
        if groupTagSets[current].insert(name).inserted {
            groups[current].tags.append(name)
        } else {
            fields.warning(at, "tag '\(name)' is listed twice in group '\(group)'")
        }
        let lowered = name.lowercased()
        if let other = otherCase(of: name, lowered: lowered) {
            fields.warning(at, "tag '\(name)' differs from '\(other.name)' only in case; did you mean '\(other.name)'?")
        }
        let index = Self.claim(&tagIndex[name, default: -1], tags.count)
        if index == tags.count {
            tags.append(Tag(name: name))
            aliasPositions.append([])
            byLowerName[lowered, default: []].append(index)
        }
        if !tags[index].groups.contains(group) { tags[index].groups.append(group) }
        for (alias, position) in aliases where !tags[index].aliases.contains(alias) {
            tags[index].aliases.append(alias)
            aliasPositions[index].append(position)
        }
    }

    /// An alias must name one tag only and must not be another tag's name.
    func checkAliases(fields: inout FieldReader) {
        var owner: [String: String] = [:]
        for (tag, positions) in zip(tags, aliasPositions) {
            for (alias, at) in zip(tag.aliases, positions) {
                let key = alias.lowercased()
                if let clash = otherCase(of: tag.name, lowered: key) {
                    fields.error(at, "alias '\(alias)' of '\(tag.name)' is the name of tag '\(clash.name)'")
                } else if let previous = owner[key], previous != tag.name {
                    fields.error(at, "alias '\(alias)' is given to both '\(previous)' and '\(tag.name)'")
                } else {
                    owner[key] = tag.name
                }
            }
        }
    }
}
