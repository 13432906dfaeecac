/// Front matter as a format-neutral tree with a file position on every node, so the
/// field reader gives the same diagnostics for YAML and TOML.
struct FMNode: Sendable {
    enum Value: Sendable {
        /// Scalars stay text; `quoted` says the author wrote a string ("3", 'true'), so it is
        /// not read as a number or boolean. TOML numbers, booleans and dates arrive unquoted.
        case scalar(String, quoted: Bool)
        case list([FMNode])
        case map([FMEntry])
    }
    var value: Value
    var position: SourcePosition

    /// Null in YAML's core schema: an empty plain value, `~` or `null`.
    var isNull: Bool {
        guard case .scalar(let text, false) = value else { return false }
        switch text.utf8.count {     // the spellings' lengths (no other bytes make these Strings)
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }

    /// How the value reads in a message: "a list", "a mapping", "'Kafka'".
    var kindDescription: String {
        switch value {
        case .scalar(let text, _): return isNull ? "empty" : "'\(text)'"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }
}

struct FMEntry: Sendable {
    var key: String
    var keyPosition: SourcePosition
    var value: FMNode
}

enum FrontMatterFormat: String, Sendable { case yaml = "YAML", toml = "TOML", json = "JSON" }

/// A Markdown file split into its front matter (if any) and body.
struct SplitDocument: Sendable {
    var format: FrontMatterFormat?
    /// The front matter's own text, without the fence lines (a slice of the file's text: the
    /// YAML parser reads it in place).
    var frontMatter: Substring
    /// File line of the front matter's first line; add (line - 1) to positions within it.
    var frontMatterFirstLine: Int
    var body: String
}
