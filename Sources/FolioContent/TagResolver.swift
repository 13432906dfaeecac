/// The stack file and its name lookups, built once per load and shared by the threads that
/// read the pages.
struct TagResolver: Sendable {
    let stack: Stack, index: StackIndex, stackFile: String
    init(stack: Stack, stackFile: String) {
        (self.stack, self.index, self.stackFile) = (stack, StackIndex(stack), stackFile)
    }

    func resolve(_ tags: [String], positions: [SourcePosition], path: String,
                 into diagnostics: inout [Diagnostic]) -> [String] {
        if allNamedExactly(tags) { return tags }
        return ContentChecks.resolveTags(tags, positions: positions, path: path, stack: stack, index: index,
                                  stackFile: stackFile, into: &diagnostics)
    }

    /// The usual case, where resolving changes nothing and finds nothing to say: every tag is
    /// spelled byte for byte as a stack tag's name, and no two are the same name (different
    /// names are different Strings too when `spellingsAreDistinct`).
    private func allNamedExactly(_ tags: [String]) -> Bool {
        guard index.spellingsAreDistinct else { return false }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: tags.count) { numbers in
            for (offset, tag) in tags.enumerated() {
                guard let number = index.spellingNumber(tag) else { return false }
                for earlier in 0..<offset where numbers[earlier] == number { return false }
                numbers[offset] = number
            }
            return true
        }
    }

    /// An item's tags resolved, and what that found kept with it.
    func resolve(_ source: inout ItemSource) {
        source.item.tags = resolve(source.item.tags, positions: source.tagPositions, path: source.item.path,
                                   into: &source.tagDiagnostics)
    }
}
