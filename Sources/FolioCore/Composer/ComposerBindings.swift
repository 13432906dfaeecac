/// The composer's keys: readline editing, fields in Tab order, Ctrl-S to send. Letters are
/// text here (see `KeyTable.action`): only control keys, arrows and Esc mean anything else.
enum ComposerBindings {
    static var all: [Binding] { contact + composer + offer }

    private static func edit(_ keys: [(Key, ComposerAction)]) -> [(key: Key, action: Action)] {
        keys.map { (key: $0.0, action: Action.composer($0.1)) }
    }

    /// In the Contact section, before the composer is open.
    static let contact: [Binding] = [
        Binding(.document, [.enter], .openContact, label: "write",
                help: "Write a message here; it is saved to the outbox (c does it from anywhere)", statusKeys: 1),
    ]

    static let composer: [Binding] = [
        Binding(.composer, edit([(.ctrl("s"), .send)]), label: "send",
                help: "Save the message to the outbox (Enter on [ Send ] does too)", statusKeys: 1),
        Binding(.composer, edit([(.tab, .nextField), (.backTab, .previousField)]), label: "field",
                help: "Next / previous field", statusKeys: 1),
        Binding(.composer, [.esc], .composer(.leave), label: "leave (draft kept)",
                help: "Back to the browser; the text stays, saved as a draft", statusKeys: 1),
        Binding(.composer, [(.up, .up), (.down, .down), (.pageUp, .pageUp), (.pageDown, .pageDown)], label: "line",
                help: "Up / down a line of the message, a page with PgUp/PgDn; past its first or last line, "
                    + "or in a one-line field, to the field above / below"),
        Binding(.composer, edit([(.enter, .enter)]), label: "next",
                help: "One-line field: the next field. Message: a new line. [ Send ]: send"),
        Binding(.composer, edit([(.left, .left), (.right, .right), (.ctrl("b"), .left), (.ctrl("f"), .right)]),
                label: "move", help: "A character left / right"),
        Binding(.composer, edit([(.alt("b"), .wordLeft), (.alt("f"), .wordRight)]), label: "word",
                help: "A word left / right"),
        Binding(.composer, edit([(.home, .lineStart), (.ctrl("a"), .lineStart), (.end, .lineEnd), (.ctrl("e"), .lineEnd)]),
                label: "line", help: "To the start / end of the line"),
        Binding(.composer, [(.backspace, .deleteBackward)] + edit([(.delete, .deleteForward), (.ctrl("d"), .deleteForward)]),
                label: "delete", help: "Delete the character before / under the cursor"),
        Binding(.composer, edit([(.ctrl("w"), .deleteWordBackward), (.alt("d"), .deleteWordForward)]), label: "delete word",
                help: "Delete the word before / after the cursor"),
        Binding(.composer, edit([(.ctrl("u"), .killToLineStart), (.ctrl("k"), .killToLineEnd)]), label: "delete line",
                help: "Delete to the start / end of the line"),
        Binding(.composer, [], label: "", help: "Type or paste: every key that makes a character types it, q and ? included",
                keysLabel: "text"),
    ]

    /// A draft from an earlier session waits: nothing is typed until it is resumed or discarded.
    static let offer: [Binding] = [
        Binding(.draftOffer, [.enter], .composer(.resumeDraft), label: "resume",
                help: "Resume the draft in the composer", statusKeys: 1),
        Binding(.draftOffer, [.char("d")], .composer(.discardDraft), label: "discard",
                help: "Discard the draft and start afresh", statusKeys: 1),
        Binding(.draftOffer, [.esc], .composer(.leave), label: "later",
                help: "Back to the browser; the draft stays", statusKeys: 1),
    ]
}
