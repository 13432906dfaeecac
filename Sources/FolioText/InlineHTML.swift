/// What raw HTML tags mean in a terminal. A tag folio knows maps to a style or to plain text;
/// any other tag is dropped and its text kept; a few (scripts, styles, drawings) vanish whole.
enum InlineHTML {
    enum Effect: Equatable {
        /// `<em> <i> <cite> <var> <dfn>`, `<strong> <b>`, `<s> <del>`, `<u> <ins>`, `<mark>`.
        case style(Attributes, Role?)
        /// `<code> <kbd> <samp> <tt>`.
        case code
        /// `<a href>`: its text, then the URL, as Markdown links show.
        case link(url: String)
        /// `<sup>` / `<sub>`: Unicode super- or subscripts when every character has one, else "^x", "_(xy)".
        case script(superscript: Bool)
        /// `<abbr title>`: the text, then the expansion in parentheses.
        case abbreviation(title: String)
        /// `<q>`: quotation marks around the text.
        case quote
        /// Any other tag: nothing of its own; its text shows.
        case none

        func apply(to style: inout Style) {
            switch self {
            case .style(let attributes, let role):
                style.attributes.formUnion(attributes)
                if let role, style.role == .normal || style.role == .quote { style.role = role }
            case .code:
                style.role = .code
            case .link:
                style.role = .link
                style.attributes.insert(.underline)
            case .script, .abbreviation, .quote, .none:
                break
            }
        }
    }

    static func effect(of name: String, attributes: [String: String]) -> Effect {
        switch name {
        case "em", "i", "cite", "var", "dfn": .style(.italic, .emphasis)
        case "strong", "b": .style(.bold, .strong)
        case "s", "del", "strike": .style(.strike, nil)
        case "u", "ins": .style(.underline, nil)
        case "mark": .style(.reverse, .match)
        case "code", "kbd", "samp", "tt": .code
        case "a": attributes["href"].map { .link(url: $0) } ?? .none
        case "sup": .script(superscript: true)
        case "sub": .script(superscript: false)
        case "abbr", "acronym": .abbreviation(title: attributes["title"] ?? "")
        case "q": .quote
        default: .none
        }
    }

    /// Tags whose content is never text for a reader.
    static let dropped: Set<String> = ["script", "style", "svg", "template", "head", "title", "iframe",
                                       "object", "canvas", "noscript", "math"]
    /// Tags without content or an end tag.
    static let void: Set<String> = ["br", "img", "hr", "wbr", "input", "meta", "link", "source", "area",
                                    "col", "embed", "param", "track", "base"]
    /// In an HTML block, these start and end paragraphs.
    static let paragraphs: Set<String> = ["p", "div", "section", "article", "header", "footer", "aside", "nav",
        "main", "figure", "blockquote", "ul", "ol", "dl", "table", "details", "form", "fieldset", "address",
        "center", "hr", "body", "html"]
    /// In an HTML block, these start and end lines.
    static let lines: Set<String> = ["li", "tr", "dt", "dd", "summary", "figcaption", "caption", "option"]
    /// Table cells: two spaces apart.
    static let cells: Set<String> = ["td", "th"]

    static func headingLevel(_ name: String) -> Int? {
        guard name.count == 2, name.first == "h", let level = Int(name.dropFirst()), (1...6).contains(level) else { return nil }
        return level
    }

    /// `text` in super- or subscript characters, or nil when one has none.
    static func scripted(_ text: String, superscript: Bool) -> String? {
        let table = superscript ? superscripts : subscripts
        var out = ""
        for c in text {
            guard let mapped = table[c] else { return nil }
            out.append(mapped)
        }
        return out.isEmpty ? nil : out
    }

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ",
    ]
    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎",
    ]
}
