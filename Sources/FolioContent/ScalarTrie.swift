/// A trie of scalar sequences (slugs, slugs reversed, or their ends) and the walk that finds
/// the sequences near a query: exactly along the query for its first scalars, then with one
/// banded row of the edit-distance table (optimal string alignment, as
/// `Suggestions.editDistance`) per node, a branch left as soon as its row has nothing within
/// reach. `SlugIndex` asks it for look-alike candidates.
///
/// Built once from the sorted sequences, so nodes sit in depth-first order and a walk reads
/// memory mostly forwards. Nothing recurses: the walk keeps its own stack, and a row per
/// depth is a handful of bytes, so a long query costs its length, not its square.
struct ScalarTrie {
    // Nodes in breadth-first order, so a node's children are one run: firstChild[i] ..<
    // firstChild[i + 1] (a last entry closes the run of the last node), and finding the child
    // with a given scalar reads their labels side by side.
    private var label: [UInt32] = []                    // per node: the scalar leading to it (root: unused)
    private var firstChild: [Int32] = []
    private var ends: [Int32] = []                      // per node: a sequence ending there, or -1
    private var sameEnd: [Int32]                        // per sequence: the next one ending at its node

    /// Most edits a walk allows; a row keeps the cells within this of the diagonal.
    static var maxReach: Int { 2 }
    private static var band: Int { 2 * maxReach + 1 }

    init(_ sequences: [[UInt32]]) {
        sameEnd = [Int32](repeating: -1, count: sequences.count)
        let order = sequences.indices.sorted { sequences[$0].lexicographicallyPrecedes(sequences[$1]) }
        var label: [UInt32] = [0], firstChild: [Int32] = [-1], nextSibling: [Int32] = [-1], ends: [Int32] = [-1]
        // The path from the root to the last sequence inserted; a sequence shares its longest
        // common prefix with the previous one in sorted order, so only the rest is new.
        var path: [Int32] = [0]
        var lastChild: [Int32] = [-1]                  // per node on the path: its last child so far
        var previous: [UInt32] = []
        for index in order {
            let s = sequences[index]
            var common = 0
            while common < s.count, common < previous.count, s[common] == previous[common] { common += 1 }
            path.removeSubrange((common + 1)...)
            lastChild.removeSubrange((common + 1)...)
            for scalar in s[common...] {
                let node = Int32(label.count)
                label.append(scalar)
                firstChild.append(-1)
                nextSibling.append(-1)
                ends.append(-1)
                let parent = Int(path[path.count - 1]), last = lastChild[lastChild.count - 1]
                if last < 0 { firstChild[parent] = node } else { nextSibling[Int(last)] = node }
                lastChild[lastChild.count - 1] = node
                path.append(node)
                lastChild.append(-1)
            }
            let end = Int(path[path.count - 1])
            sameEnd[index] = ends[end]
            ends[end] = Int32(index)
            previous = s
        }
        // Renumber breadth-first.
        var queue: [Int32] = [0]
        queue.reserveCapacity(label.count)
        var head = 0
        self.firstChild.reserveCapacity(label.count + 1)
        while head < queue.count {
            let old = Int(queue[head])
            head += 1
            self.label.append(label[old])
            self.ends.append(ends[old])
            self.firstChild.append(Int32(queue.count))
            var child = firstChild[old]
            while child >= 0 { queue.append(child); child = nextSibling[Int(child)] }
        }
        self.firstChild.append(Int32(queue.count))
    }

    /// Appends to `found` every sequence that starts with the first `exact` scalars of `query`
    /// and is within `reach` (≤ `maxReach`) edits of it. Returns the number of nodes walked.
    ///
    /// Row `i` of the table (trie depth `i`) keeps the cells j = i - 2 ... i + 2 only: a cell
    /// further from the diagonal is over 2 already. Cell k of a row is j = i - 2 + k, so the
    /// cell above (i - 1, j) is k + 1, the diagonal (i - 1, j - 1) is k, the left one
    /// (i, j - 1) is k - 1 and the swap's (i - 2, j - 2) is k. Rows have one more cell, always
    /// over, so the last cell's "above" needs no test.
    @discardableResult
    func walk(_ query: [UInt32], exact: Int, reach: Int, into found: inout [Int32]) -> Int {
        let m = query.count, band = Self.band, width = band + 1, over = UInt8(Self.maxReach + 1)
        guard exact <= m else { return 0 }
        // No walk goes deeper than m + 3: there every cell of the band is past the query.
        let depths = m + Self.maxReach + 2
        let rows = UnsafeMutablePointer<UInt8>.allocate(capacity: depths * width)
        let path = UnsafeMutablePointer<UInt32>.allocate(capacity: depths)
        defer { rows.deallocate(); path.deallocate() }
        rows.initialize(repeating: over, count: depths * width)
        for k in 0..<band where k >= Self.maxReach && k - Self.maxReach <= m { rows[k] = UInt8(k - Self.maxReach) }
        // Counted and collected through pointers: a nested function that captured the
        // variables would have every access checked for exclusivity at run time.
        var walked = 0, collected: [Int32] = []
        defer { found += collected }
        return withUnsafeMutablePointer(to: &walked) { walked in
        withUnsafeMutablePointer(to: &collected) { collected in
        query.withUnsafeBufferPointer { query in
        label.withUnsafeBufferPointer { label in
        firstChild.withUnsafeBufferPointer { firstChild in
            /// Row `i` for a node reached by `scalar`; whether anything in it is within reach,
            /// after reporting the sequences that end there within reach.
            func visit(_ node: Int, depth i: Int, _ scalar: UInt32) -> Bool {
                walked.pointee += 1
                path[i - 1] = scalar
                let row = rows + i * width, up = row - width
                let before = i > 1 ? path[i - 2] : UInt32.max, twoUp = i > 1 ? up - width : up
                var best = over, left = over
                if i > Self.maxReach, i + Self.maxReach <= m {
                    // The usual case: every cell of the band is inside the query.
                    let q = query.baseAddress! + (i - Self.maxReach - 1)      // q[k] is the scalar of cell k
                    for k in 0..<band {
                        var cell = min(up[k] &+ (q[k] == scalar ? 0 : 1), up[k + 1] &+ 1, left &+ 1)
                        if before == q[k], k > 0 || i > Self.maxReach + 1, scalar == q[k - 1] {
                            cell = min(cell, twoUp[k] &+ 1)
                        }
                        cell = min(cell, over)
                        row[k] = cell
                        left = cell
                        best = min(best, cell)
                    }
                } else {
                for k in 0..<band {
                    let j = i - Self.maxReach + k
                    var cell = over
                    if j == 0 {
                        cell = UInt8(min(i, Self.maxReach + 1))
                    } else if j > 0 && j <= m {
                        let wanted = query[j - 1]
                        cell = min(up[k] &+ (wanted == scalar ? 0 : 1), up[k + 1] &+ 1, left &+ 1)
                        if j > 1, before == wanted, scalar == query[j - 2] { cell = min(cell, twoUp[k] &+ 1) }
                        cell = min(cell, over)
                    }
                    row[k] = cell
                    left = cell
                    best = min(best, cell)
                }
                }
                guard Int(best) <= reach else { return false }
                let k = m - i + Self.maxReach
                if k >= 0, k < band, Int(row[k]) <= reach {
                    var end = ends[node]
                    while end >= 0 { collected.pointee.append(end); end = sameEnd[Int(end)] }
                }
                return true
            }
            // Along the query first: only the child with the query's next scalar.
            var start = 0
            for i in 0..<exact {
                let scalar = query[i], last = Int(firstChild[start + 1])
                var child = Int(firstChild[start])
                while child < last, label[child] != scalar { child += 1 }
                guard child < last, visit(child, depth: i + 1, scalar) else { return walked.pointee }
                start = child
            }
            // Then depth first: a node's row is made when it is taken off the stack, over its
            // parent's and grandparent's, which nothing deeper has overwritten yet.
            var stack: [(node: Int32, depth: Int32)] = []
            stack.reserveCapacity(64)
            for child in firstChild[start]..<firstChild[start + 1] { stack.append((child, Int32(exact + 1))) }
            while let (node, depth) = stack.popLast() {
                guard visit(Int(node), depth: Int(depth), label[Int(node)]) else { continue }
                for child in firstChild[Int(node)]..<firstChild[Int(node) + 1] { stack.append((child, depth + 1)) }
            }
            return walked.pointee
        }
        }
        }
        }
        }
    }
}
