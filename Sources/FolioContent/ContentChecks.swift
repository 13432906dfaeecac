import FolioPOSIX

/// Checks across files: slugs unique and not confusingly alike, tags in the stack file.
enum ContentChecks {
    /// Drops (with an error) any item whose slug an earlier one took, and warns about
    /// slugs that look alike. Works on indices and removes in place: no item is copied.
    static func uniqueSlugs(_ sources: inout [ItemSource], threads: Int = 1,
                            into diagnostics: inout [Diagnostic]) {
        // First the slugs that stay (a duplicate is never compared), then the diagnostics in
        // the order of the files, each look-alike against the first kept slug before it.
        var kept: [Int] = []                          // indices into sources
        var keptSlot = [Int](repeating: 0, count: sources.count)       // a kept index's place in `kept`
        var firstUser = [Int?](repeating: nil, count: sources.count)   // the kept index whose slug it repeats
        kept.reserveCapacity(sources.count)
        let firstEqual = ByteTable.firstEqual(sources.indices.map { sources[$0].item.slug })
        for index in sources.indices {
            if firstEqual[index] >= 0 {
                firstUser[index] = keptSlot[Int(firstEqual[index])]
            } else {
                keptSlot[index] = kept.count
                kept.append(index)
            }
        }
        let threads = kept.count < ContentLoader.parallelPages ? 1 : threads
        let lookAlikes = SlugIndex(kept.map { sources[$0].item.slug }, threads: threads)
        // Each kept slug's question is its own; they are asked side by side like the pages,
        // a run of them at a time with one scratch.
        var nearest = [Int?](repeating: nil, count: kept.count)
        let run = 64
        nearest.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer               // index i writes slot i only
            Workers.forEach((kept.count + run - 1) / run, threads: threads) { first in
                let scratch = SlugIndex.Scratch()
                for index in (first * run)..<min(slots.count, (first + 1) * run) {
                    slots[index] = lookAlikes.firstLookAlike(index, scratch: scratch)
                }
            }
        }
        var keptIndex = 0
        for index in sources.indices {
            let at = sources[index].slugPosition
            if let first = firstUser[index] {
                let item = sources[index].item, firstPath = sources[kept[first]].item.path
                diagnostics.append(Diagnostic(path: item.path, line: at.line, column: at.column, message:
                    "duplicate slug '\(item.slug)': \(firstPath) already uses it; this file is skipped"))
                continue
            }
            if let near = nearest[keptIndex] {
                let item = sources[index].item, other = sources[kept[near]].item
                diagnostics.append(Diagnostic(path: item.path, line: at.line, column: at.column, severity: .warning, message:
                    "slug '\(item.slug)' is close to '\(other.slug)' (\(other.path)); did you mean '\(other.slug)'?"))
            }
            keptIndex += 1
        }
        // The duplicates leave; the kept ones move down in order.
        if kept.count < sources.count {
            for (slot, index) in kept.enumerated() where slot != index { sources.swapAt(slot, index) }
            sources.removeLast(sources.count - kept.count)
        }
    }

    /// Tags as the stack file spells them: any case of a tag's name or of one of its aliases
    /// is that tag, with no diagnostic. A tag in no group is kept as written, with a warning
    /// (a "did you mean" when one is close): the Stack pane lists it under "Other tags".
    static func resolveTags(_ tags: [String], positions: [SourcePosition], path: String, stack: Stack,
                            index stackIndex: StackIndex, stackFile: String,
                            into diagnostics: inout [Diagnostic]) -> [String] {
        var resolved: [String] = []
        for (index, tag) in tags.enumerated() {
            let at = index < positions.count ? positions[index] : .start
            var name = tag
            if let canonical = stackIndex.canonicalName(for: tag) {
                name = canonical
            } else {
                let message = "tag '\(tag)' is in no group of \(stackFile); it shows under \"Other tags\""
                let hint = Suggestions.tag(for: tag, in: stack).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .warning,
                                              message: message + hint))
            }
            if resolved.contains(name) {
                diagnostics.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .warning,
                                              message: "tag '\(name)' is listed twice"))
            } else {
                resolved.append(name)
            }
        }
        return resolved
    }
}

extension Stack {
    /// The tag a spelling unambiguously names: equal ignoring case, or one of its aliases.
    public func canonicalName(for spelling: String) -> String? {
        if let exact = tag(named: spelling) { return exact.name }
        let lowered = spelling.lowercased()
        if let same = tags.first(where: { $0.name.lowercased() == lowered }) { return same.name }
        return tags.first { $0.aliases.contains { $0.lowercased() == lowered } }?.name
    }
}
