/// Where each key and value of a TOML text sits, by path, built in one linear pass
/// (TOMLScanner) before TOMLKit sees the text. TOMLKit reports no positions, and searching the
/// text for each key from the top was quadratic in the number of keys.
///
/// Node 0 is the root table; every other node is a key or an array index under its parent.
/// Lookups are one hash probe per step, so converting a table costs its size, not the file's.
struct TOMLPositions {
    private struct Step: Hashable {
        var parent: Int32
        var key: String
        var index: Int32        // -1 for a key step
    }

    private var steps: [Step: Int32] = [:]
    /// Per node: where its key (or element) is first written, and where its value starts.
    private(set) var keyPositions: [SourcePosition]
    private(set) var valuePositions: [SourcePosition?]
    /// Per node: nesting depth (the root table is 1), and how many `[[...]]` headers named it.
    private(set) var depths: [Int]
    private(set) var tableArrayCounts: [Int32]

    static let root: Int32 = 0

    init(rootPosition: SourcePosition) {
        keyPositions = [rootPosition]
        valuePositions = [nil]
        depths = [1]
        tableArrayCounts = [0]
    }

    func child(_ parent: Int32, key: String) -> Int32? { steps[Step(parent: parent, key: key, index: -1)] }
    func child(_ parent: Int32, index: Int) -> Int32? { steps[Step(parent: parent, key: "", index: Int32(index))] }

    func keyPosition(_ node: Int32) -> SourcePosition { keyPositions[Int(node)] }
    func valuePosition(_ node: Int32) -> SourcePosition? { valuePositions[Int(node)] }
    func depth(_ node: Int32) -> Int { depths[Int(node)] }

    /// The node for `key` under `parent`, made at `at` when first seen.
    mutating func node(_ parent: Int32, key: String, at: SourcePosition) -> Int32 {
        node(Step(parent: parent, key: key, index: -1), at: at)
    }

    mutating func node(_ parent: Int32, index: Int, at: SourcePosition) -> Int32 {
        node(Step(parent: parent, key: "", index: Int32(clamping: index)), at: at)
    }

    mutating func setValuePosition(_ node: Int32, _ at: SourcePosition) {
        if valuePositions[Int(node)] == nil { valuePositions[Int(node)] = at }
    }

    /// A `[[name]]` header: a new element of the table array `node`.
    mutating func appendTable(to node: Int32, at: SourcePosition) -> Int32 {
        let index = Int(tableArrayCounts[Int(node)])
        tableArrayCounts[Int(node)] += 1
        return self.node(node, index: index, at: at)
    }

    /// The last element when `node` is a table array (named by `[[...]]`), else `node`.
    func lastTable(_ node: Int32) -> Int32 {
        let count = Int(tableArrayCounts[Int(node)])
        guard count > 0 else { return node }
        return child(node, index: count - 1) ?? node
    }

    private mutating func node(_ step: Step, at: SourcePosition) -> Int32 {
        if let existing = steps[step] { return existing }
        let id = Int32(keyPositions.count)
        steps[step] = id
        keyPositions.append(at)
        valuePositions.append(nil)
        depths.append(depths[Int(step.parent)] + 1)
        tableArrayCounts.append(0)
        return id
    }
}
