/// Key names for `folio render --keys` and labels for the status bar and help.
extension Key {
    private static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "esc": .esc, "escape": .esc,
        "tab": .tab, "backtab": .backTab, "shift-tab": .backTab, "s-tab": .backTab,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "backspace": .backspace, "bs": .backspace, "delete": .delete, "del": .delete,
        "space": .char(" "), "hangup": .hangup,
    ]

    /// Parses one key name: a single character, a name (`enter`, `pgdn`, `backtab`…),
    /// `ctrl-x` / `^x`, `alt-x`, `click-X,Y`, `wheelup-X,Y`, `wheeldown-X,Y` or `resize-WxH`.
    public init?(name: String) {
        if name.count == 1, let c = name.first { self = .char(c); return }
        let lower = name.lowercased()
        if let key = Key.named[lower] { self = key; return }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) && lower.count == prefix.count + 1 {
            self = .ctrl(lower.last!); return
        }
        for prefix in ["alt-", "m-"] where lower.hasPrefix(prefix) && name.count == prefix.count + 1 {
            self = .alt(name.last!); return
        }
        if lower.hasPrefix("resize-") {
            let dims = lower.dropFirst(7).split(separator: "x").compactMap { Int($0) }
            guard dims.count == 2 else { return nil }
            self = .resize(width: dims[0], height: dims[1]); return
        }
        let mouse: [(String, MouseEvent.Kind)] = [("click-", .click), ("wheelup-", .wheelUp), ("wheeldown-", .wheelDown)]
        for (prefix, kind) in mouse where lower.hasPrefix(prefix) {
            let at = lower.dropFirst(prefix.count).split(separator: ",").compactMap { Int($0) }
            guard at.count == 2 else { return nil }
            self = .mouse(MouseEvent(kind, x: at[0], y: at[1])); return
        }
        return nil
    }

    /// Parses a space-separated key list such as `"j j enter"`. Returns the first bad name on failure.
    public static func parseList(_ text: String) -> Result<[Key], KeyNameError> {
        var keys: [Key] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            guard let key = Key(name: String(word)) else { return .failure(KeyNameError(name: String(word))) }
            keys.append(key)
        }
        return .success(keys)
    }

    /// How a key is shown to people.
    public func label(_ g: Symbols) -> String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return g.upKey
        case .down: return g.downKey
        case .left: return g.leftKey
        case .right: return g.rightKey
        case .enter: return g.enterKey
        case .esc: return "Esc"
        case .tab: return g.tabKey
        case .backTab: return g.backTabKey
        case .backspace: return g.backspaceKey
        case .delete: return "Del"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .mouse: return "mouse"
        case .resize: return "resize"
        case .paste: return "paste"
        case .hangup: return "hangup"
        }
    }
}

public struct KeyNameError: Error, Sendable, CustomStringConvertible {
    public var name: String
    public var description: String { "unknown key name '\(name)'" }
}
