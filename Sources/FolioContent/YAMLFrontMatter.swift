import CFolioYAML
import CLibYAML

/// YAML front matter and YAML config files, read from libyaml's event stream into the neutral
/// tree. Open lists and mappings sit on an explicit stack (nothing recurses on the depth a file
/// controls), anchors and aliases are refused before anything could expand them, nesting past
/// `FrontMatter.maxDepth` is refused where it happens, and scalars stay text (FieldReader
/// types them). The text itself is bounded by `SourceText.sizeCap`.
enum YAMLFrontMatter {
    /// Parses YAML text into a neutral tree. `firstLine` is the file line of the text's
    /// first line; every position in the result and in problems is a file position.
    static func parse(_ text: String, firstLine: Int) -> Result<FMNode?, SourceProblem> {
        parse(text[...], firstLine: firstLine)
    }

    /// A page's front matter, read where it lies in the page's text.
    static func parse(_ text: Substring, firstLine: Int) -> Result<FMNode?, SourceProblem> {
        var text = text
        return text.withUTF8 { read($0, shift: firstLine - 1) }
    }

    /// An open list or mapping: its items so far, and for a mapping the key awaiting its value.
    private struct Frame {
        var position: SourcePosition
        var isMap: Bool
        var items: [FMNode] = []
        var entries: [FMEntry] = []
        var pendingKey: (String, SourcePosition)?
        /// A mapping's keys once it has more than `scannedKeys` of them; below that a scan of
        /// its entries finds a repeated key sooner than hashing.
        var keys: [String: SourcePosition]?

        init(position: SourcePosition, isMap: Bool) {
            self.position = position
            self.isMap = isMap
            // Room for a page's usual handful, so most containers allocate once.
            if isMap { entries.reserveCapacity(8) } else { items.reserveCapacity(8) }
        }
    }

    private static let scannedKeys = 16

    /// `shift` lines are added to every position, so they are file positions.
    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, shift: Int) -> Result<FMNode?, SourceProblem> {
        // The thread's kept parser (CFolioYAML): no 64 KiB of buffers set up and freed per page.
        guard let parser = folio_yaml_parser_take()?.assumingMemoryBound(to: yaml_parser_t.self) else {
            return .failure(SourceProblem(position: .start, message: "malformed YAML front matter: out of memory"))
        }
        defer { folio_yaml_parser_give_back(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
        var stack: [Frame] = []
        stack.reserveCapacity(8)
        var root: FMNode?
        var documents = 0
        var lines: YAMLHints.Lines?
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                return .failure(YAMLHints.problem(parser.pointee, bytes: buffer, shift: shift))
            }
            defer { yaml_event_delete(&event) }
            let at = position(event.start_mark, shift: shift)
            var anchor: UnsafeMutablePointer<yaml_char_t>?
            var finished: FMNode?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(SourceProblem(position: at, message:
                        "malformed YAML front matter: expected a single document, but found another one"))
                }
            case YAML_ALIAS_EVENT:
                return .failure(SourceProblem(position: at, message:
                    "YAML alias '*\(name(event.data.alias.anchor))' in front matter: anchors and aliases are not allowed (they can expand without limit)"))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                anchor = scalar.anchor
                let value = scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                } ?? ""
                if scalar.style == YAML_PLAIN_SCALAR_STYLE,
                   let problem = YAMLHints.joinedListItem(event.start_mark, event.end_mark, bytes: buffer,
                                                               lines: &lines, shift: shift) {
                    return .failure(problem)
                }
                // A mapping's key is kept as text until its value comes: no node for it.
                if anchor == nil, let last = stack.indices.last, stack[last].isMap, stack[last].pendingKey == nil {
                    if let first = firstPosition(of: value, at: at, in: &stack[last]) {
                        return .failure(SourceProblem(position: at, message:
                            "duplicate key '\(value)' in front matter (first at \(first.line):\(first.column))"))
                    }
                    stack[last].pendingKey = (value, at)
                    continue
                }
                finished = FMNode(value: .scalar(value, quoted: scalar.style != YAML_PLAIN_SCALAR_STYLE), position: at)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMap = event.type == YAML_MAPPING_START_EVENT
                anchor = isMap ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                if anchor == nil, let last = stack.indices.last, stack[last].isMap, stack[last].pendingKey == nil {
                    return .failure(SourceProblem(position: at, message:
                        "front matter keys must be plain text, not \(isMap ? "a mapping" : "a list")"))
                }
                if stack.count + 1 > FrontMatter.maxDepth { return .failure(FrontMatter.tooDeep(at: at)) }
                if anchor == nil { stack.append(Frame(position: at, isMap: isMap)) }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                finished = FMNode(value: frame.isMap ? .map(frame.entries) : .list(frame.items), position: frame.position)
            default:
                break
            }
            if let anchor {
                return .failure(SourceProblem(position: at, message:
                    "YAML anchor '&\(name(anchor))' in front matter: anchors and aliases are not allowed (they can expand without limit)"))
            }
            guard let node = finished.take() else { continue }
            guard let last = stack.indices.last else {
                root = node
                continue
            }
            if !stack[last].isMap {
                stack[last].items.append(node)
            } else if let (key, keyAt) = stack[last].pendingKey {
                stack[last].entries.append(FMEntry(key: key, keyPosition: keyAt, value: node))
                stack[last].pendingKey = nil
            }   // else a container as a key: refused above (scalar keys were taken in the switch)
        }
    }

    /// Where `key` first appeared in the mapping `frame` (whose entries are all complete when a
    /// key arrives), if it did; records the key.
    private static func firstPosition(of key: String, at position: SourcePosition, in frame: inout Frame) -> SourcePosition? {
        if frame.keys == nil {
            if frame.entries.count < scannedKeys { return frame.entries.first { $0.key == key }?.keyPosition }
            var keys: [String: SourcePosition] = [:]
            for entry in frame.entries { keys[entry.key] = entry.keyPosition }
            frame.keys = keys
        }
        if let first = frame.keys?[key] { return first }
        frame.keys?[key] = position
        return nil
    }

    /// libyaml marks count from 0; columns count characters (Unicode scalars).
    static func position(_ mark: yaml_mark_t, shift: Int) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1 + shift, column: Int(mark.column) + 1)
    }

    private static func name(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let p else { return "" }
        return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }
}
