/// Name lookups into a stack, built once per load: `Stack.tag(named:)` and
/// `canonicalName(for:)` scan every tag, which made checking every item's tags quadratic.
struct StackIndex {
    private var names: Set<String> = []
    private var byLowerName: [String: String] = [:]     // first tag in stack order wins
    private var byLowerAlias: [String: String] = [:]    // likewise
    /// The names by their UTF-8 bytes: a page's tags are nearly always spelled as in the stack,
    /// and finding those bytes costs a fifth of hashing a String (which must not tell NFC from NFD).
    private var spellings = ByteTable()
    /// True when no two names of different bytes are equal as Strings (one NFC, one NFD), so
    /// different `spellingNumber`s are different names.
    private(set) var spellingsAreDistinct = true

    init(_ stack: Stack) {
        for tag in stack.tags {
            names.insert(tag.name)
            spellings.insert(tag.name)
            let lowered = tag.name.lowercased()
            if byLowerName[lowered] == nil { byLowerName[lowered] = tag.name }
            for alias in tag.aliases {
                let key = alias.lowercased()
                if byLowerAlias[key] == nil { byLowerAlias[key] = tag.name }
            }
        }
        spellingsAreDistinct = spellings.count == names.count
    }

    func contains(_ name: String) -> Bool { spellingNumber(name) != nil || names.contains(name) }

    /// The number of the name spelled with exactly these bytes, if one is.
    func spellingNumber(_ spelling: String) -> Int? { spellings.number(of: spelling) }

    /// Same answer as `Stack.canonicalName(for:)`.
    func canonicalName(for spelling: String) -> String? {
        if contains(spelling) { return spelling }
        let lowered = spelling.lowercased()
        return byLowerName[lowered] ?? byLowerAlias[lowered]
    }
}
