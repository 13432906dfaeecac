/// A trie of scalar sequences (slugs, slugs reversed, or their ends) and the walk that finds
/// the sequences near a query: exactly along the query for its first scalars, then with one
/// banded row of the edit-distance table (optimal string alignment, as
/// `Suggestions.editDistance`) per node, a branch left as soon as its row has nothing within
/// reach. `SlugIndex` asks it for look-alike candidates.
///
/// Nodes are records (scalar, children, sequences ending there) numbered so that a node's
/// children are one run and the runs come in depth-first order: a walk reads its labels side
/// by side and a subtree's runs close together, not a level's width apart. Nothing recurses:
/// the walk keeps its own stack, and a row per depth is a handful of bytes, so a long query
/// costs its length, not its square.
struct ScalarTrie {
    private struct Node {
        var label: UInt32                               // the scalar leading here (root: unused)
        var first: Int32                                // children: first ..< end
        var end: Int32
        var ends: Int32                                 // a sequence ending here, or -1
    }
    private var nodes: [Node] = []
    private var sameEnd: [Int32]                        // per sequence: the next one ending at its node

    /// Most edits a walk allows; a row keeps the cells within this of the diagonal.
    static var maxReach: Int { 2 }
    private static var band: Int { 2 * maxReach + 1 }
    /// Bytes per row: the band, one more cell always over (the last cell's "above"), the
    /// row's least cell, padding to a word so a row moves as one `UInt64`.
    fileprivate static var width: Int { 8 }

    /// The trie of the sequences `scalars[starts[i] ..< starts[i + 1]]`.
    init(_ scalars: [UInt32], starts: [Int32]) {
        let count = starts.count - 1
        var built: [Node] = [], ends: [Int32] = []          // `ends` becomes `sameEnd`
        scalars.withUnsafeBufferPointer { scalars in
            starts.withUnsafeBufferPointer { starts in
                let base = scalars.baseAddress ?? UnsafePointer(bitPattern: 4)!, at = starts.baseAddress!
                // Sorted as by `lexicographicallyPrecedes`; `shared[k]`: the prefix the k-th has in
                // common with the one before it, the rest of it is new nodes.
                var order = [Int32](repeating: 0, count: count), shared = order, nodeCount = 1
                order.withUnsafeMutableBufferPointer { order in
                    for k in 0..<count { order[k] = Int32(k) }
                    order.sort { a, b in
                        let x = base + Int(at[Int(a)]), y = base + Int(at[Int(b)])
                        let xn = Int(at[Int(a) + 1] - at[Int(a)]), yn = Int(at[Int(b) + 1] - at[Int(b)]), n = min(xn, yn)
                        var k = 0
                        while k < n, x[k] == y[k] { k += 1 }
                        return k < n ? x[k] < y[k] : xn < yn
                    }
                    shared.withUnsafeMutableBufferPointer { shared in
                        for k in 0..<count {
                            let b = Int(order[k]), y = base + Int(at[b]), yn = Int(at[b + 1] - at[b])
                            if k > 0 {
                                let a = Int(order[k - 1]), x = base + Int(at[a]), n = min(yn, Int(at[a + 1] - at[a]))
                                var c = 0
                                while c < n, x[c] == y[c] { c += 1 }
                                shared[k] = Int32(c)
                            }
                            nodeCount += yn - Int(shared[k])
                        }
                    }
                }
                // A node's sequences are a run of `order`: those ending there first, then its
                // children's, each child's apart from the next one's by a shared prefix of just
                // the node's depth. A node gets its children's run when it is taken off the
                // stack, and its first child is taken next, so runs follow each other depth first.
                struct Open { var node: Int32, first: Int32, end: Int32, depth: Int32 }
                let stack = UnsafeMutablePointer<Open>.allocate(capacity: nodeCount)
                defer { stack.deallocate() }
                ends = [Int32](repeating: -1, count: count)
                built = [Node](repeating: Node(label: 0, first: 0, end: 0, ends: -1), count: nodeCount)
                order.withUnsafeBufferPointer { order in
                    shared.withUnsafeBufferPointer { shared in
                        ends.withUnsafeMutableBufferPointer { ends in
                            built.withUnsafeMutableBufferPointer { built in
                                stack[0] = Open(node: 0, first: 0, end: Int32(count), depth: 0)
                                var open = 1, free: Int32 = 1
                                while open > 0 {
                                    open -= 1
                                    let top = stack[open], node = Int(top.node), depth = Int(top.depth)
                                    let end = Int(top.end)
                                    var k = Int(top.first)
                                    while k < end, at[Int(order[k]) + 1] - at[Int(order[k])] == depth {
                                        ends[Int(order[k])] = built[node].ends
                                        built[node].ends = order[k]
                                        k += 1
                                    }
                                    built[node].first = free
                                    let pushed = open
                                    while k < end {
                                        var next = k + 1
                                        while next < end, Int(shared[next]) > depth { next += 1 }
                                        built[Int(free)].label = base[Int(at[Int(order[k])]) + depth]
                                        stack[open] = Open(node: free, first: Int32(k), end: Int32(next), depth: Int32(depth + 1))
                                        open += 1
                                        free += 1
                                        k = next
                                    }
                                    built[node].end = free
                                    var children = UnsafeMutableBufferPointer(start: stack + pushed, count: open - pushed)
                                    children.reverse()                      // the first child on top
                                }
                            }
                        }
                    }
                }
            }
        }
        nodes = built
        sameEnd = ends
    }

    /// Buffers a walk reuses: rows, the path's scalars and the stack, grown as queries need.
    final class Scratch {
        fileprivate var rows = UnsafeMutablePointer<UInt8>.allocate(capacity: 0)
        fileprivate var path = UnsafeMutablePointer<UInt32>.allocate(capacity: 0)
        fileprivate var near = UnsafeMutablePointer<UInt64>.allocate(capacity: 0)
        fileprivate var depths = 0
        fileprivate var stack = UnsafeMutablePointer<Pending>.allocate(capacity: 64)
        fileprivate var stackCapacity = 64
        init() {}
        deinit { rows.deallocate(); path.deallocate(); near.deallocate(); stack.deallocate() }

        /// Rows for `depths` depths, every cell over: walks write only the band's cells, so
        /// the cell past it stays over.
        fileprivate func fit(_ depths: Int) {
            guard depths > self.depths else { return }
            rows.deallocate()
            path.deallocate()
            near.deallocate()
            rows = .allocate(capacity: depths * ScalarTrie.width)
            rows.initialize(repeating: UInt8(ScalarTrie.maxReach + 1), count: depths * ScalarTrie.width)
            path = .allocate(capacity: depths)
            near = .allocate(capacity: depths)
            self.depths = depths
        }

        /// Room for twice the stack's entries.
        fileprivate func grow() {
            let larger = UnsafeMutablePointer<Pending>.allocate(capacity: 2 * stackCapacity)
            larger.moveInitialize(from: stack, count: stackCapacity)
            stack.deallocate()
            stack = larger
            stackCapacity *= 2
        }
    }

    /// The row below `up` (a row word, every cell inside the query) for a scalar none of its
    /// cells or swaps read: cell k = min(up[k] + 1, up[k + 1] + 1, cell k - 1 + 1), capped at
    /// over, made on the word's bytes at once (each ≤ 0x7F, so a byte's borrow or carry only
    /// reaches the bytes above it, past the band; the constants are for a band of five). Its
    /// least cell is the parent's plus one (up[5] is over).
    static func sharedRow(_ up: UInt64) -> UInt64 {
        /// Byte-wise minimum of bytes under 0x80 (where a byte of `a` ≥ `b`'s, take `b`'s).
        func least(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let high: UInt64 = 0x8080_8080_8080_8080
            let takeB = ((((a | high) &- b) & high) >> 7) &* 0xFF
            return (b & takeB) | (a & ~takeB)
        }
        let band: UInt64 = 0xFF_FFFF_FFFF, over = UInt64(maxReach + 1)
        var cells = least(up & band, (up >> 8) & band) &+ 0x01_0101_0101
        cells = least(cells, ((cells << 8) | 0x7F) &+ 0x01_0101_0100)
        cells = least(cells, ((cells << 16) | 0x7F7F) &+ 0x02_0202_0000)
        cells = least(cells, ((cells << 32) | 0x7F7F_7F7F) &+ 0x04_0000_0000)
        cells = least(cells & band, over &* 0x01_0101_0101)
        let parent = (up >> 48) & 0xFF
        return cells | over << 40 | min(parent + 1, over) << 48
    }

    /// A node whose children are still to be walked: its run, depth, scalar and row.
    fileprivate struct Pending {
        var first: Int32, end: Int32, depth: Int32, label: UInt32, row: UInt64
    }

    /// Appends to `found` every sequence that starts with the first `exact` scalars of `query`
    /// and is within `reach` (≤ `maxReach`) edits of it, except those that start with the
    /// query's first `leaving.depth` (more than `exact`) scalars, the last of them
    /// `leaving.scalar`. Returns the number of nodes it looked at (whether it made their row,
    /// knew it, shared it or had no need of it).
    ///
    /// Row `i` of the table (trie depth `i`) keeps the cells j = i - 2 ... i + 2 only: a cell
    /// further from the diagonal is over 2 already. Cell k of a row is j = i - 2 + k, so the
    /// cell above (i - 1, j) is k + 1, the diagonal (i - 1, j - 1) is k, the left one
    /// (i, j - 1) is k - 1 and the swap's (i - 2, j - 2) is k. Rows have one more cell, always
    /// over, so the last cell's "above" needs no test, then the row's least cell.
    ///
    /// Along the query's first `exact` scalars the rows are known: the query's first i
    /// scalars against its first j are |i - j| apart. Then a child's row is made before it is
    /// kept for later, from its parent's and grandparent's rows: only children with something
    /// within reach, and children, are kept; when one is taken up its row is put back at its
    /// depth, where nothing above it has been overwritten since its parent was. A child's row
    /// depends on its scalar only where the scalar is one of the six that the row's cells and
    /// swaps read (the query's i - 4 ... i + 1 at depth i): the children with any other scalar
    /// all get the same row, made once, and when nothing in the parent's row is under `reach`
    /// they have nothing within reach (every cell adds an edit) and get none.
    ///
    /// `narrow`: down to this depth a node needs a row within `reach - 1` (the caller knows
    /// that what it wants has at most that many edits in its first `narrow` scalars).
    @discardableResult
    func walk(_ query: UnsafeBufferPointer<UInt32>, exact: Int, reach: Int, narrow: Int = 0,
              leaving: (depth: Int, scalar: UInt32) = (-1, 0), scratch: Scratch, into found: inout [Int32]) -> Int {
        let m = query.count, band = Self.band, width = Self.width, over = UInt8(Self.maxReach + 1)
        guard exact <= m else { return 0 }
        precondition(leaving.depth < 0 || leaving.depth > exact)
        // No node deeper than m + 2 is kept: at m + 3 every cell of the band is past the query.
        scratch.fit(m + Self.maxReach + 2)
        let rows = scratch.rows, path = scratch.path, near = scratch.near, least = Self.band + 1
        /// Row `i` of the node the query's first `i` scalars lead to.
        // The row when the band is inside the query. A constant, not a var the nested
        // functions capture: a captured var is checked for exclusive access at run time on
        // every read (swift_beginAccess, ~2% of the instructions at 10,000 slugs).
        let inside: UInt64 = (0..<band).reduce(UInt64(over) << (8 * band)) { $0 | UInt64(abs($1 - Self.maxReach)) << (8 * $1) }
        func alongQuery(_ i: Int) {
            if i >= Self.maxReach, i + Self.maxReach <= m {
                UnsafeMutableRawPointer(rows + i * width).storeBytes(of: inside, as: UInt64.self)
                return
            }
            for k in 0..<band {
                let j = i - Self.maxReach + k
                rows[i * width + k] = j < 0 || j > m ? over : UInt8(abs(k - Self.maxReach))
            }
            rows[i * width + least] = 0
        }
        alongQuery(0)
        var walked = 0
        return nodes.withUnsafeBufferPointer { nodes in
            let q0 = query.baseAddress!
            /// Row `i` for a node reached by `scalar`, into `row`, from the rows above; the
            /// least cell.
            @inline(__always) func row(_ row: UnsafeMutablePointer<UInt8>, depth i: Int, _ scalar: UInt32) -> UInt8 {
                let up = row - width, before = i > 1 ? path[i - 2] : UInt32.max, twoUp = i > 1 ? up - width : up
                if i > Self.maxReach + 1, i + Self.maxReach <= m {
                    // The usual case: every cell of the band and of the swaps is inside the
                    // query. q[k] is the scalar of cell k; a swap into cell k needs the
                    // scalar to be q[k - 1] and the one before it q[k]. Unrolled: as a loop the
                    // queries took 6% more instructions.
                    let q = q0 + (i - Self.maxReach - 1)
                    let e0 = q[-1] == scalar, e1 = q[0] == scalar, e2 = q[1] == scalar, e3 = q[2] == scalar
                    let e4 = q[3] == scalar, e5 = q[4] == scalar
                    var c0 = min(up[0] &+ (e1 ? 0 : 1), up[1] &+ 1)
                    if e0, before == q[0] { c0 = min(c0, twoUp[0] &+ 1) }
                    c0 = min(c0, over)
                    var c1 = min(up[1] &+ (e2 ? 0 : 1), up[2] &+ 1, c0 &+ 1)
                    if e1, before == q[1] { c1 = min(c1, twoUp[1] &+ 1) }
                    c1 = min(c1, over)
                    var c2 = min(up[2] &+ (e3 ? 0 : 1), up[3] &+ 1, c1 &+ 1)
                    if e2, before == q[2] { c2 = min(c2, twoUp[2] &+ 1) }
                    c2 = min(c2, over)
                    var c3 = min(up[3] &+ (e4 ? 0 : 1), up[4] &+ 1, c2 &+ 1)
                    if e3, before == q[3] { c3 = min(c3, twoUp[3] &+ 1) }
                    c3 = min(c3, over)
                    var c4 = min(up[4] &+ (e5 ? 0 : 1), up[5] &+ 1, c3 &+ 1)
                    if e4, before == q[4] { c4 = min(c4, twoUp[4] &+ 1) }
                    c4 = min(c4, over)
                    let best = min(c0, c1, c2, c3, c4)
                    let cells = UInt64(c0) | UInt64(c1) << 8 | UInt64(c2) << 16 | UInt64(c3) << 24 | UInt64(c4) << 32
                    UnsafeMutableRawPointer(row).storeBytes(of: cells | UInt64(over) << 40 | UInt64(best) << 48, as: UInt64.self)
                    return best
                }
                var best = over, left = over
                for k in 0..<band {
                    let j = i - Self.maxReach + k
                    var cell = over
                    if j == 0 {
                        cell = UInt8(min(i, Self.maxReach + 1))
                    } else if j > 0 && j <= m {
                        let wanted = q0[j - 1]
                        cell = min(up[k] &+ (wanted == scalar ? 0 : 1), up[k + 1] &+ 1, left &+ 1)
                        if j > 1, before == wanted, scalar == q0[j - 2] { cell = min(cell, twoUp[k] &+ 1) }
                        cell = min(cell, over)
                    }
                    row[k] = cell
                    left = cell
                    best = min(best, cell)
                }
                row[least] = best
                return best
            }
            /// Reports the sequences ending at `node` (some do) when its row says they are within
            /// reach. `found` is passed, not captured: a captured inout is checked at run time.
            func collect(_ node: Node, _ row: UnsafeMutablePointer<UInt8>, depth i: Int, into found: inout [Int32]) {
                let k = m - i + Self.maxReach
                guard k >= 0, k < band, Int(row[k]) <= reach else { return }
                var end = node.ends
                while end >= 0 { found.append(end); end = sameEnd[Int(end)] }
            }
            // Along the query first: only the child with the query's next scalar.
            var start = nodes[0]
            for i in 0..<exact {
                let scalar = q0[i], last = Int(start.end)
                var child = Int(start.first)
                while child < last, nodes[child].label != scalar { child += 1 }
                guard child < last else { return walked }
                let node = nodes[child]
                walked += 1
                path[i] = scalar
                alongQuery(i + 1)
                if node.ends >= 0 { collect(node, rows + (i + 1) * width, depth: i + 1, into: &found) }
                start = node
            }
            // Then depth first, a node's children made side by side.
            var stack = scratch.stack, count = 0
            var first = Int(start.first), end = Int(start.end), depth = exact
            var nearMade = exact                            // near[i] is set for exact < i ≤ nearMade
            descend: while true {
                let i = depth + 1, here = rows + i * width
                if i > nearMade {
                    // A bit per scalar (& 63) of the six a row at depth i reads.
                    var bits: UInt64 = 0
                    for k in max(0, i - 4)..<max(max(0, i - 4), min(m, i + 2)) { bits |= 1 &<< UInt64(q0[k] & 63) }
                    near[i] = bits
                    nearMade = i
                }
                let within = i <= narrow ? reach - 1 : reach     // what a node at depth i may need
                let bits = near[i], tight = Int(here[least - width]) >= within
                var shared: UInt64 = 0, made = false
                var child = end
                while child > first {
                    child -= 1
                    let node = nodes[child]
                    walked += 1
                    var own = false
                    if bits & (1 &<< UInt64(node.label & 63)) != 0 {
                        var k = max(0, i - 4)
                        let past = min(m, i + 2)
                        while k < past { if q0[k] == node.label { own = true; break }; k += 1 }
                    }
                    let best: UInt8
                    if own, i <= m, here[Self.maxReach - width] == 0, node.label == q0[i - 1] {
                        // From the query's path (its diagonal cell is 0) along it.
                        alongQuery(i)
                        best = 0
                    } else if own {
                        best = row(here, depth: i, node.label)
                    } else if tight {
                        continue
                    } else if made {
                        UnsafeMutableRawPointer(here).storeBytes(of: shared, as: UInt64.self)
                        best = here[least]
                    } else if i > Self.maxReach, i + Self.maxReach <= m {
                        shared = Self.sharedRow(UnsafeRawPointer(here - width).loadUnaligned(as: UInt64.self))
                        made = true
                        UnsafeMutableRawPointer(here).storeBytes(of: shared, as: UInt64.self)
                        best = UInt8(truncatingIfNeeded: shared >> (8 * least))
                    } else {
                        best = row(here, depth: i, .max)                // no scalar is .max
                        shared = UnsafeRawPointer(here).loadUnaligned(as: UInt64.self)
                        made = true
                    }
                    guard Int(best) <= within else { continue }
                    // Its diagonal cell is 0 only on the query's own path.
                    if i == leaving.depth, node.label == leaving.scalar, here[Self.maxReach] == 0 { continue }
                    if node.ends >= 0 { collect(node, here, depth: i, into: &found) }
                    guard node.first < node.end else { continue }
                    if child == first {
                        // The last child made (the first in order): walked next, its row in place.
                        (first, end, depth) = (Int(node.first), Int(node.end), i)
                        path[i - 1] = node.label
                        continue descend
                    }
                    if count == scratch.stackCapacity { scratch.grow(); stack = scratch.stack }
                    stack[count] = Pending(first: node.first, end: node.end, depth: Int32(i), label: node.label,
                                           row: UnsafeRawPointer(here).loadUnaligned(as: UInt64.self))
                    count += 1
                }
                guard count > 0 else { return walked }
                count -= 1
                let next = stack[count]
                (first, end, depth) = (Int(next.first), Int(next.end), Int(next.depth))
                UnsafeMutableRawPointer(rows + depth * width).storeBytes(of: next.row, as: UInt64.self)
                path[depth - 1] = next.label
            }
        }
    }
}
