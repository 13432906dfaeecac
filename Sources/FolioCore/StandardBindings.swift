/// folio's bindings: vim keys and arrows everywhere, Enter to go in, Esc to come out.
enum StandardBindings {
    static var all: [Binding] {
        anywhere + list + links(.detail) + detail + tags + tagView + links(.document) + document + inbox
            + ComposerBindings.all + search + help + link + always
    }

    /// j/k, paging and ends, described for the thing that moves.
    private static func movement(_ context: KeyContext, label: String, noun: String, space: Bool = false) -> [Binding] {
        [
            Binding(context, [(.char("j"), .down), (.char("k"), .up), (.down, .down), (.up, .up)],
                    label: label, help: "\(noun.prefix(1).uppercased() + noun.dropFirst()) down / up", statusKeys: 2),
            Binding(context, [(.pageDown, .pageDown), (.pageUp, .pageUp), (.ctrl("d"), .halfPageDown), (.ctrl("u"), .halfPageUp)]
                        + (space ? [(.char(" "), .pageDown)] : []),
                    label: "page", help: "A page (Ctrl-D/Ctrl-U: half a page) down / up"),
            Binding(context, [(.char("g"), .top), (.char("G"), .bottom), (.home, .top), (.end, .bottom)],
                    label: "ends", help: "To the first / last \(noun == "scroll" ? "line" : "entry")"),
        ]
    }

    static let anywhere: [Binding] = [
        Binding(.anywhere, Section.allCases.filter { $0 != .inbox }.map { (key: Key.char(Character(String($0.rawValue + 1))), action: Action.showSection($0)) },
                label: "section", help: "Jump to About, Services, Case studies, Stack or Contact", keysLabel: "1–5"),
        Binding(.anywhere, [.char("6")], .showSection(.inbox), label: "inbox",
                help: "Jump to the Inbox: the enquiries in the outbox", when: .hasInbox),
        Binding(.anywhere, [(.char("]"), .nextSection), (.char("["), .previousSection), (.tab, .nextSection), (.backTab, .previousSection)],
                label: "section", help: "Next / previous section (Tab / Shift-Tab too, except on a page with links)", statusKeys: 1),
        Binding(.anywhere, [.char("/")], .openSearch, label: "search", help: "Search the stack tags, item titles and page text",
                statusKeys: 1),
        Binding(.anywhere, [(.char("n"), .nextInPage), (.char("N"), .previousInPage)], label: "match",
                help: "Next / previous match of the search in this page (wraps around at either end)", statusKeys: 2,
                when: .hasPageMatches),
        Binding(.anywhere, [(.char("n"), .searchNextMatch), (.char("N"), .searchPreviousMatch)], label: "match",
                help: "Next / previous tag of the last search", statusKeys: 2, when: .hasLastSearch),
        Binding(.anywhere, [.backspace], .back, label: "back", help: "Back to where you were before following a link",
                statusKeys: 1, when: .hasHistory),
        Binding(.anywhere, [.char("c")], .openContact, label: "contact",
                help: "Write a message; a waiting draft is offered first", statusKeys: 1),
        Binding(.anywhere, [], label: "", help: "Click selects and focuses, a second click opens; the wheel scrolls",
                keysLabel: "mouse"),
        Binding(.anywhere, [.char("R")], .reload, label: "reload",
                help: "Reload the content from its folder (folio --watch does it on every change)", when: .owner),
        Binding(.anywhere, [.char("m")], .toggleMouse, label: "mouse",
                help: "Mouse capture off / on for this visit (off: the terminal's own selection works)"),
        Binding(.anywhere, [.char("?")], .openHelp, label: "help", help: "Show every key", statusKeys: 1),
        Binding(.anywhere, [.char("q")], .quit, label: "quit", help: "Quit folio", statusKeys: 1),
    ]

    static let list: [Binding] = movement(.list, label: "move", noun: "selection") + [
        Binding(.list, [.enter, .char("l"), .right], .focusDetail, label: "open", help: "Read the selected entry in the right pane",
                statusKeys: 1, when: .hasEntries),
        Binding(.list, [.char("t")], .focusTags, label: "tags", help: "Jump to the selected item's tags", statusKeys: 1,
                when: .hasTags),
    ]

    static let detail: [Binding] = movement(.detail, label: "scroll", noun: "scroll", space: true) + [
        Binding(.detail, [.char("t"), .enter, .char("l"), .right], .focusTags, label: "tags",
                help: "Move to the tag row to follow a tag", statusKeys: 1, when: .hasTags),
        Binding(.detail, [.esc, .char("h"), .left], .focusList, label: "list", help: "Back to the list", statusKeys: 1),
    ]

    static let tags: [Binding] = [
        Binding(.tags, [(.char("h"), .previousTag), (.char("l"), .nextTag), (.left, .previousTag), (.right, .nextTag),
                        (.char("T"), .previousTag), (.char("t"), .nextTag)],
                label: "choose", help: "Previous / next tag", statusKeys: 2),
        Binding(.tags, [.enter], .activate, label: "open tag",
                help: "Open the tag in Stack, with every service and case study that uses it", statusKeys: 1),
        Binding(.tags, [.esc, .char("k"), .up], .focusDetail, label: "text", help: "Back to the text", statusKeys: 1),
    ]

    static let tagView: [Binding] = movement(.tagView, label: "move", noun: "selection") + [
        Binding(.tagView, [.enter, .char("l"), .right], .activate, label: "open",
                help: "Open the selected service or case study", statusKeys: 1),
        Binding(.tagView, [.esc, .char("h"), .left], .focusList, label: "tags", help: "Back to the tag list", statusKeys: 1),
    ]

    /// Links in the text (bodies, the profile's links, the email): Tab, not [ ], which keep
    /// changing section; these come before the pane's own keys, so Enter on a focused link
    /// opens it rather than going to the tags.
    static func links(_ context: KeyContext) -> [Binding] {
        [
            Binding(context, [(.tab, .nextLink), (.backTab, .previousLink)], label: "link",
                    help: "Next / previous link in the text (Tab changes section where there is none)",
                    statusKeys: 1, when: .hasLinks),
            Binding(context, [.enter], .openLink, label: "open",
                    help: "Open the link with xdg-open or $BROWSER; in a kiosk, show it in full to copy",
                    statusKeys: 1, when: .linkFocused),
            Binding(context, [.char("y")], .copyLink, label: "copy",
                    help: "Copy the link, or else the email, to your clipboard (OSC 52: your terminal does it)",
                    statusKeys: 1, when: .canCopy),
        ]
    }

    static let link: [Binding] = [
        Binding(.link, [.char("y")], .copyLink, label: "copy", help: "Copy the link to your clipboard", statusKeys: 1),
        Binding(.link, [.esc, .enter, .char("q")], .closeOverlay, label: "close", help: "Close", statusKeys: 1),
    ]

    static let document: [Binding] = movement(.document, label: "scroll", noun: "scroll", space: true)

    static let inbox: [Binding] = [
        Binding(.inbox, [.char("r")], .toggleRead, label: "read/unread",
                help: "Mark the message read, or unread again (as mutt and `folio outbox show` do)",
                statusKeys: 1, when: .hasEntries),
        Binding(.inbox, [.char("a")], .archiveMessage, label: "archive",
                help: "Archive the message (into the outbox's .Archive folder)", statusKeys: 1, when: .hasEntries),
    ]

    static let search: [Binding] = [
        Binding(.search, [], label: "", help: "Type to search; case, accents and aliases (k8s, postgres) all match; "
                    + "page text from two characters", keysLabel: "text"),
        Binding(.search, [(.up, .up), (.down, .down), (.ctrl("p"), .up), (.ctrl("n"), .down)],
                label: "choose", help: "Previous / next result", statusKeys: 2),
        Binding(.search, [.enter], .activate, label: "open",
                help: "Open the tag or item under the cursor; a text match opens at its line", statusKeys: 1),
        Binding(.search, [.esc], .closeOverlay, label: "cancel", help: "Close the search; nothing changes", statusKeys: 1),
        Binding(.search, [.backspace], .deleteBackward, label: "delete", help: "Delete the last character"),
        Binding(.search, [.ctrl("u")], .clearInput, label: "clear", help: "Clear the query"),
    ]

    static let help: [Binding] = movement(.help, label: "scroll", noun: "scroll") + [
        Binding(.help, [.esc, .char("?"), .char("q")], .closeOverlay, label: "close", help: "Close this help", statusKeys: 1),
    ]

    static let always: [Binding] = [
        Binding(.always, [.ctrl("c")], .quit, label: "quit", help: "Quit, from anywhere"),
        // Effects the terminal loop performs: it owns the tty.
        Binding(.always, [.ctrl("l")], .repaint, label: "redraw", help: "Redraw the whole screen"),
        Binding(.always, [.ctrl("z")], .suspend, label: "suspend",
                help: "Suspend folio; the shell's fg brings it back (not in kiosk mode)"),
    ]
}
