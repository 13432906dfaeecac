/// Name lookups into a stack, built once per load: `Stack.tag(named:)` and
/// `canonicalName(for:)` scan every tag, which made checking every item's tags quadratic.
struct StackIndex {
    private var names: Set<String> = []
    private var byLowerName: [String: String] = [:]     // first tag in stack order wins
    private var byLowerAlias: [String: String] = [:]    // likewise

    init(_ stack: Stack) {
        for tag in stack.tags {
            names.insert(tag.name)
            let lowered = tag.name.lowercased()
            if byLowerName[lowered] == nil { byLowerName[lowered] = tag.name }
            for alias in tag.aliases {
                let key = alias.lowercased()
                if byLowerAlias[key] == nil { byLowerAlias[key] = tag.name }
            }
        }
    }

    func contains(_ name: String) -> Bool { names.contains(name) }

    /// Same answer as `Stack.canonicalName(for:)`.
    func canonicalName(for spelling: String) -> String? {
        if names.contains(spelling) { return spelling }
        let lowered = spelling.lowercased()
        return byLowerName[lowered] ?? byLowerAlias[lowered]
    }
}
