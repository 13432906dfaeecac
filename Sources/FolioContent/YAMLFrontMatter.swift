import Yams
// libyaml ships inside Yams (its CYaml target). Its event stream lets us refuse anchors and
// aliases before anything expands them; Yams then composes the (now bounded) tree.
import CYaml

enum YAMLFrontMatter {
    /// Parses YAML text into a neutral tree. `firstLine` is the file line of the text's
    /// first line; every position in the result and in problems is a file position.
    static func parse(_ text: String, firstLine: Int) -> Result<FMNode?, SourceProblem> {
        let shift = firstLine - 1
        if let problem = guardProblem(text) {
            return .failure(SourceProblem(
                position: SourcePosition(line: problem.position.line + shift, column: problem.position.column),
                message: problem.message))
        }
        do {
            // Explicit UTF-8: Yams' default encoding reads an environment variable and prints.
            // Resolver.basic: folio reads scalars as text (FieldReader types them), and the default
            // resolver compiles ~10 NSRegularExpressions through ICU on first use (ms and heap).
            guard let root = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(nil) }
            return convert(root, shift: shift).map { Optional($0) }
        } catch let error as YamlError {
            return .failure(problem(from: error, text: text, shift: shift))
        } catch {
            return .failure(SourceProblem(position: SourcePosition(line: firstLine, column: 1),
                                          message: "malformed YAML front matter: \(error)"))
        }
    }

    /// Walks libyaml events: the first anchor or alias, or nesting past `FrontMatter.maxDepth`
    /// (Yams composes recursively), is a problem (position relative to `text`). Syntax errors
    /// are left for Yams to report.
    static func guardProblem(_ text: String) -> SourceProblem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> SourceProblem? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let at = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                var anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return SourceProblem(position: at, message:
                        "YAML alias '*\(name(event.data.alias.anchor))' in front matter: anchors and aliases are not allowed (they can expand without limit)")
                case YAML_SCALAR_EVENT:
                    anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    anchor = event.type == YAML_SEQUENCE_START_EVENT
                        ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    depth += 1
                    if depth > FrontMatter.maxDepth { return FrontMatter.tooDeep(at: at) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if let anchor {
                    return SourceProblem(position: at, message:
                        "YAML anchor '&\(name(anchor))' in front matter: anchors and aliases are not allowed (they can expand without limit)")
                }
            }
        }
    }

    private static func name(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let p else { return "" }
        return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }

    private static func convert(_ node: Node, shift: Int) -> Result<FMNode, SourceProblem> {
        let at = position(node.mark, shift: shift)
        switch node {
        case .scalar(let scalar):
            return .success(FMNode(value: .scalar(scalar.string, quoted: scalar.style != .plain), position: at))
        case .sequence(let sequence):
            var items: [FMNode] = []
            for child in sequence {
                switch convert(child, shift: shift) {
                case .success(let converted): items.append(converted)
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(FMNode(value: .list(items), position: at))
        case .mapping(let mapping):
            var entries: [FMEntry] = []
            for (key, value) in mapping {
                let keyAt = position(key.mark, shift: shift)
                guard case .scalar(let keyScalar) = key else {
                    return .failure(SourceProblem(position: keyAt, message: "front matter keys must be plain text, not \(key.sequence != nil ? "a list" : "a mapping")"))
                }
                switch convert(value, shift: shift) {
                case .success(let converted):
                    entries.append(FMEntry(key: keyScalar.string, keyPosition: keyAt, value: converted))
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(FMNode(value: .map(entries), position: at))
        case .alias:
            // guardProblem refuses aliases first; kept total rather than trapping.
            return .failure(SourceProblem(position: at, message: "YAML aliases are not allowed in front matter"))
        }
    }

    private static func position(_ mark: Mark?, shift: Int) -> SourcePosition {
        guard let mark else { return SourcePosition(line: shift + 1, column: 1) }
        return SourcePosition(line: mark.line + shift, column: mark.column)
    }

    private static func problem(from error: YamlError, text: String, shift: Int) -> SourceProblem {
        func at(_ mark: Mark) -> SourcePosition { SourcePosition(line: mark.line + shift, column: mark.column) }
        // libyaml's context says what was open ("while scanning a quoted scalar") and where.
        func describe(_ problem: String, _ context: YamlError.Context?) -> String {
            var message = "malformed YAML front matter: \(problem)"
            if let context {
                let start = at(context.mark)
                message += " \(context.text) (which starts at \(start.line):\(start.column))"
            }
            return message
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return SourceProblem(position: at(mark), message: describe(problem, context))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return SourceProblem(position: at(context.mark), message: "duplicate key \(keys) in front matter")
        case .reader(let problem, let offset, _, _):
            return SourceProblem(position: characterPosition(offset ?? 0, in: text, shift: shift),
                                 message: "malformed YAML front matter: \(problem)")
        default:
            return SourceProblem(position: SourcePosition(line: shift + 1, column: 1),
                                 message: "malformed YAML front matter: \(error)")
        }
    }

    /// libyaml's reader errors (e.g. a control character) come as a Character offset.
    private static func characterPosition(_ offset: Int, in text: String, shift: Int) -> SourcePosition {
        var line = 1, column = 1
        for (index, character) in text.enumerated() {
            if index == offset { break }
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return SourcePosition(line: line + shift, column: column)
    }
}
