/// The stack file and its name lookups, built once per load and shared by the threads that
/// read the pages.
struct TagResolver: Sendable {
    let stack: Stack, index: StackIndex, stackFile: String
    init(stack: Stack, stackFile: String) {
        (self.stack, self.index, self.stackFile) = (stack, StackIndex(stack), stackFile)
    }

    func resolve(_ tags: [String], positions: [SourcePosition], path: String,
                 into diagnostics: inout [Diagnostic]) -> [String] {
        ContentChecks.resolveTags(tags, positions: positions, path: path, stack: stack, index: index,
                                  stackFile: stackFile, into: &diagnostics)
    }

    /// An item's tags resolved, and what that found kept with it.
    func resolve(_ source: inout ItemSource) {
        source.item.tags = resolve(source.item.tags, positions: source.tagPositions, path: source.item.path,
                                   into: &source.tagDiagnostics)
    }
}
