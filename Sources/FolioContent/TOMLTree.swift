/// A TOML document as `TOMLReader` builds it: every table, array and value is a node in one
/// array, with where its key and its value sit, how deep it is, and how it came to be (which
/// decides whether a later header or dotted key may add to it). Finding a key under a table is
/// one hash probe, so the whole document costs its size, not its size squared.
///
/// Node 0 is the root table. A child is always made after its parent, so the neutral tree is
/// built children-first by walking the nodes backwards, without recursion.
struct TOMLTree {
    enum Kind: Equatable { case table, array, tableArray, scalar }

    /// How a table came to be: only a table that a header passed through (`implicit`) may be
    /// defined by its own header later; only a table made by dotted keys takes more dotted keys.
    enum Origin: Equatable { case implicit, header, dotted, inline, value }

    struct Node {
        var kind: Kind
        var origin: Origin
        var key: String
        var keyPosition: SourcePosition
        var position: SourcePosition
        var depth: Int
        var children: [Int32] = []
        var text = ""
        var quoted = false
    }

    private struct Step: Hashable {
        var parent: Int32
        var key: String
    }

    private(set) var nodes: [Node]
    private var keys: [Step: Int32] = [:]

    static let root: Int32 = 0

    init(rootPosition: SourcePosition) {
        nodes = [Node(kind: .table, origin: .header, key: "", keyPosition: rootPosition, position: rootPosition, depth: 1)]
    }

    subscript(node: Int32) -> Node { nodes[Int(node)] }

    func child(_ parent: Int32, key: String) -> Int32? { keys[Step(parent: parent, key: key)] }

    /// A new node under `parent`: a keyed entry of a table, or (key nil) an array element.
    mutating func add(_ parent: Int32, key: String?, at: SourcePosition, kind: Kind, origin: Origin) -> Int32 {
        let id = Int32(nodes.count)
        nodes.append(Node(kind: kind, origin: origin, key: key ?? "", keyPosition: at, position: at,
                          depth: nodes[Int(parent)].depth + 1))
        nodes[Int(parent)].children.append(id)
        if let key { keys[Step(parent: parent, key: key)] = id }
        return id
    }

    mutating func define(_ node: Int32, kind: Kind, origin: Origin, at: SourcePosition) {
        nodes[Int(node)].kind = kind
        nodes[Int(node)].origin = origin
        nodes[Int(node)].position = at
    }

    mutating func setScalar(_ node: Int32, _ text: String, quoted: Bool, at: SourcePosition) {
        define(node, kind: .scalar, origin: .value, at: at)
        nodes[Int(node)].text = text
        nodes[Int(node)].quoted = quoted
    }

    /// The format-neutral tree: tables as mappings in file order, arrays and table arrays as lists.
    func fmNode() -> FMNode {
        var built = [FMNode?](repeating: nil, count: nodes.count)
        for id in nodes.indices.reversed() {
            let node = nodes[id]
            let value: FMNode.Value
            switch node.kind {
            case .scalar:
                value = .scalar(node.text, quoted: node.quoted)
            case .array, .tableArray:
                value = .list(node.children.map { built[Int($0)]! })
            case .table:
                value = .map(node.children.map {
                    FMEntry(key: nodes[Int($0)].key, keyPosition: nodes[Int($0)].keyPosition, value: built[Int($0)]!)
                })
            }
            built[id] = FMNode(value: value, position: node.position)
            for child in node.children { built[Int(child)] = nil }   // each is used once
        }
        return built[0]!
    }
}
