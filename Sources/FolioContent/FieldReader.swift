/// Reads typed fields from a front-matter mapping and records a diagnostic for every
/// wrong type, repeated synonym and unknown key. Keys match ignoring case, as in Hugo.
struct FieldReader {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    private var entries: [FMEntry] = []
    /// Each entry's key lowercased, once (every field asked for compares against all of them),
    /// and whether a field asked for matched it (the rest are unknown keys); parallel to `entries`.
    private var keys: [Key] = []
    /// Of the first 16 entries, as bits: per UTF-8 length below 16, those whose lowered key is
    /// ASCII of that length; in `otherKeys`, the rest. A field name (ASCII) can only be one of
    /// the keys of its length or the others, so only those are compared.
    private var keysOfLength = SIMD16<UInt16>()
    private var otherKeys: UInt16 = 0

    private struct Key {
        var lowered: String
        /// The UTF-8 length of `lowered` when it is ASCII, else -1: an ASCII key equals a field
        /// name (ASCII too) only if their lengths do, which spares most comparisons.
        var asciiCount: Int
        var used = false

        init(_ key: String) {
            let (ascii, upper) = Self.bytes(of: key)
            lowered = ascii && !upper ? key : key.lowercased()
            asciiCount = ascii || Self.bytes(of: lowered).ascii ? lowered.utf8.count : -1
        }

        /// Whether the text is ASCII, and whether it has an ASCII capital.
        private static func bytes(of text: String) -> (ascii: Bool, upper: Bool) {
            var text = text
            return text.withUTF8 { bytes in
                var upper = false
                for byte in bytes {
                    if byte >= 0x80 { return (false, upper) }
                    if (0x41...0x5A).contains(byte) { upper = true }
                }
                return (true, upper)
            }
        }

        func isOne(of names: [String]) -> Bool {
            for name in names where (asciiCount < 0 || name.utf8.count == asciiCount) && name == lowered { return true }
            return false
        }
    }

    /// False when the front matter is there but is not a mapping (already an error).
    private(set) var isMapping = true

    /// True once any error was recorded: the caller skips the file.
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    init(root: FMNode?, path: String) {
        self.path = path
        guard let root else { return }
        if case .map(let entries) = root.value {
            self.entries = entries
            keys.reserveCapacity(entries.count)
            for index in entries.indices {
                let key = Key(entries[index].key)
                if index < 16 {
                    if (0..<16).contains(key.asciiCount) { keysOfLength[key.asciiCount] |= 1 << index }
                    else { otherKeys |= 1 << index }
                }
                keys.append(key)
            }
        } else if !root.isNull {
            isMapping = false
            error(root.position, "front matter must be a mapping of keys to values, not \(root.kindDescription)")
        }
    }

    mutating func error(_ at: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .error, message: message))
    }

    mutating func warning(_ at: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .warning, message: message))
    }

    /// The entry for the first of `keys` present. A later synonym (summary and description)
    /// gets a warning, since only one is used. `keys` are written in lowercase (folio's own
    /// field names); each entry's key was lowercased once, so matching is plain comparison.
    mutating func entry(_ keys: [String]) -> FMEntry? { entryIndex(keys).map { entries[$0] } }

    /// `entry`'s index: the readers below look at the entry where it is, without a copy.
    private mutating func entryIndex(_ keys: [String]) -> Int? {
        assert(keys.allSatisfy { $0 == $0.lowercased() && $0.utf8.allSatisfy { $0 < 0x80 } },
               "field names are given in lowercase ASCII")
        var first: Int?
        func match(_ index: Int) {
            self.keys[index].used = true
            guard let firstIndex = first else { first = index; return }
            let (extra, kept) = (entries[index], entries[firstIndex])
            warning(extra.keyPosition, "'\(extra.key)' repeats '\(kept.key)' (line \(kept.keyPosition.line)); using '\(kept.key)'")
        }
        guard entries.count <= 16 else {
            for index in entries.indices where self.keys[index].isOne(of: keys) { match(index) }
            return first
        }
        var candidates = otherKeys
        for name in keys where name.utf8.count < 16 { candidates |= keysOfLength[name.utf8.count] }
        while candidates != 0 {               // in entry order, as the scan above
            let index = candidates.trailingZeroBitCount
            candidates &= candidates - 1
            if self.keys[index].isOne(of: keys) { match(index) }
        }
        return first
    }

    /// Whether a key (or a synonym) is present with a non-null value.
    func has(_ keys: String...) -> Bool {
        entries.indices.contains { self.keys[$0].isOne(of: keys) && !entries[$0].value.isNull }
    }

    /// Any scalar reads as text; a list or mapping is an error. Null counts as absent.
    mutating func string(_ keys: String...) -> (value: String, position: SourcePosition)? {
        guard let index = entryIndex(keys), !entries[index].value.isNull else { return nil }
        guard case .scalar(let text, _) = entries[index].value.value else {
            let entry = entries[index]
            error(entry.value.position, "'\(entry.key)' must be text, not \(entry.value.kindDescription)")
            return nil
        }
        return (text, entries[index].value.position)
    }

    mutating func int(_ keys: String...) -> Int? {
        guard let index = entryIndex(keys), !entries[index].value.isNull else { return nil }
        if case .scalar(let text, _) = entries[index].value.value, let number = Self.wholeNumber(text) { return number }
        let entry = entries[index]
        error(entry.value.position, "'\(entry.key)' must be a whole number, not \(entry.value.kindDescription)")
        return nil
    }

    /// `Int(text.trimmingSpaces)`; up to 18 plain digits (the usual `order: 3`, no overflow
    /// possible) are read here without the generic parser.
    static func wholeNumber(_ text: String) -> Int? {
        let digits = text.utf8
        if (1...18).contains(digits.count) {
            var value = 0
            for byte in digits {
                guard (0x30...0x39).contains(byte) else { return Int(text.trimmingSpaces) }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        return Int(text.trimmingSpaces)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let index = entryIndex([key]), !entries[index].value.isNull else { return nil }
        if case .scalar(let text, false) = entries[index].value.value {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        let entry = entries[index]
        error(entry.value.position, "'\(entry.key)' must be true or false, not \(entry.value.kindDescription)")
        return nil
    }

    /// A list of texts with their positions. A lone scalar is the classic mistake
    /// (`tags: Kafka`), so the message shows the list form.
    /// The texts and their positions come as two parallel arrays, as an item keeps them.
    mutating func stringList(_ key: String) -> (values: [String], positions: [SourcePosition])? {
        guard let index = entryIndex([key]), !entries[index].value.isNull else { return nil }
        guard case .list(let nodes) = entries[index].value.value else {
            let entry = entries[index]
            if case .scalar(let text, _) = entry.value.value {
                error(entry.value.position, "'\(entry.key)' must be a list, not '\(text)'; write [\(text)]")
            } else {
                error(entry.value.position, "'\(entry.key)' must be a list, not \(entry.value.kindDescription)")
            }
            return nil
        }
        var values: [String] = [], positions: [SourcePosition] = []
        values.reserveCapacity(nodes.count)
        positions.reserveCapacity(nodes.count)
        for node in nodes.indices {
            guard case .scalar(let text, _) = nodes[node].value, !nodes[node].isNull else {
                error(nodes[node].position, "each entry of '\(entries[index].key)' must be text, not \(nodes[node].kindDescription)")
                continue
            }
            values.append(text)
            positions.append(nodes[node].position)
        }
        return (values, positions)
    }

    /// `links:` as a list of `{label, url}` mappings; a bare URL is its own label.
    mutating func links(_ key: String) -> [Link]? {
        guard let entry = entry([key]), !entry.value.isNull else { return nil }
        guard case .list(let nodes) = entry.value.value else {
            error(entry.value.position, "'\(entry.key)' must be a list of {label, url}, not \(entry.value.kindDescription)")
            return nil
        }
        var links: [Link] = []
        for node in nodes {
            switch node.value {
            case .scalar(let url, _) where !node.isNull:
                links.append(Link(label: url, url: url))
            case .map(let fields):
                let label = fields.first { $0.key.lowercased() == "label" }.flatMap { $0.value.scalarText }
                let url = fields.first { $0.key.lowercased() == "url" }.flatMap { $0.value.scalarText }
                for field in fields where !["label", "url"].contains(field.key.lowercased()) {
                    warning(field.keyPosition, "unknown key '\(field.key)' in a link; a link has 'label' and 'url'")
                }
                guard let url, !url.isEmpty else {
                    error(node.position, "each link needs a 'url' (text)")
                    continue
                }
                links.append(Link(label: label ?? url, url: url))
            default:
                error(node.position, "each entry of '\(entry.key)' must be {label, url}, not \(node.kindDescription)")
            }
        }
        return links
    }

    /// Warns about every key not read so far, except `quiet` ones (other tools' keys that
    /// folio has no use for), suggesting the nearest known key.
    mutating func warnUnknownKeys(known: [String], quiet: Set<String>) {
        for index in entries.indices where !keys[index].used && !quiet.contains(keys[index].lowered) {
            let entry = entries[index]
            if let guess = Suggestions.closest(to: entry.key, in: known) {
                warning(entry.keyPosition, "unknown key '\(entry.key)'; did you mean '\(guess)'?")
            } else {
                warning(entry.keyPosition, "unknown key '\(entry.key)' is ignored")
            }
        }
    }
}

extension FMNode {
    var scalarText: String? {
        if case .scalar(let text, _) = value, !isNull { return text }
        return nil
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs, as Characters see them: on bytes,
    /// unless a non-ASCII scalar borders a trimmed run (a combining mark makes one Character of
    /// the space before it, a prepended mark of the space after it).
    var trimmingSpaces: Substring {
        let utf8 = self.utf8
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, blank(utf8[start]) { start = utf8.index(after: start) }
        while end > start, blank(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        let startTouchesNonASCII = start > utf8.startIndex && start < utf8.endIndex && utf8[start] >= 0x80
        let endTouchesNonASCII = end < utf8.endIndex && end > utf8.startIndex && utf8[utf8.index(before: end)] >= 0x80
        guard startTouchesNonASCII || endTouchesNonASCII else { return self[start..<end] }
        let first = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let last = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? first
        return self[first..<max(first, last)]
    }

    /// Whether the text is only spaces and tabs (or empty): `trimmingSpaces.isEmpty`, on bytes.
    var isBlank: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}
