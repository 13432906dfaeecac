import FolioOutbox
import FolioText
import Testing
@testable import FolioCore

/// The owner's Inbox in the state machine: when it exists, r and a as effects, readings that
/// keep the selection, and its screens.
@Suite struct InboxTests {
    static func message(_ id: String, unread: Bool, subject: String, from: String = "Ada <ada@example.org>",
                        body: String = "Hello.") -> InboxMessage {
        InboxMessage(entry: OutboxEntry(id: id, folder: unread ? "new" : "cur", fileName: unread ? id : id + ":2,S",
                                        time: Int(id.prefix(4)) ?? 0, date: "Mon, 30 Nov 2026 13:23:20 +0000",
                                        from: from, subject: subject, company: "Acme"),
                     body: body)
    }

    static let listing = InboxListing(messages: [
        message("1002.a", unread: true, subject: "Payments rebuild", body: "Can you help with our ledger?\n\n\tThanks — Ada"),
        message("1001.b", unread: false, subject: "Kafka consumer lag", from: "Bo <bo@example.org>"),
    ], total: 2, unread: 1)

    static func owner(_ listing: InboxListing = listing, width: Int = 80, height: Int = 24) -> AppState {
        var state = Fixtures.state(width, height)
        _ = update(&state, .inboxLoaded(listing))
        return state
    }

    @Test func theInboxExistsOnlyOnceTheOutboxWasRead() {
        var state = Fixtures.state()
        #expect(!state.sections.contains(.inbox))
        state.press("6")
        #expect(state.section == .about)
        #expect(!state.screen.contains("Inbox"))
        #expect(!state.screen.contains("enquir"))

        state = Self.owner()
        #expect(state.sections.last == .inbox)
        #expect(state.screen.contains(" Inbox "))
        #expect(state.screen.contains("1 new enquiry"))
        state.press("6")
        #expect(state.section == .inbox)
        state.press("tab")
        #expect(state.section == .about)   // after Inbox, wraps
        state.press("backtab backtab")
        #expect(state.section == .contact)
    }

    @Test func aKioskNeverGetsAnInboxNorItsKeys() {
        var state = AppState(portfolio: Fixtures.portfolio, kiosk: true)
        #expect(update(&state, .inboxLoaded(Self.listing)).isEmpty)
        #expect(state.inbox == nil && !state.sections.contains(.inbox))
        state.press("6")
        #expect(state.section == .about)
        #expect(update(&state, .inboxChanged).isEmpty)
        #expect(handle(&state, .char("R")).isEmpty)
        state.press("?")
        #expect(!state.screen.contains("Reload") && !state.screen.contains("Inbox"))
    }

    static func help(_ state: AppState) -> String {
        state.document(.help, width: HelpView.textWidth(state)).lines.map(Text.plain).joined(separator: "\n")
    }

    @Test func theHelpListsTheInboxKeysOnlyWithAnInbox() {
        // The owner without a readable outbox: no Inbox section, so none of its keys in `?`.
        var state = Fixtures.state()
        state.press("?")
        let without = Self.help(state)
        #expect(without.contains("Reload"))                  // the owner's other keys stay
        for gone in [KeyContext.inbox.title, "Jump to the Inbox", "Archive the message", "Mark the message read"] {
            #expect(!without.contains(gone), "\(gone)")
        }
        // The outbox read while the help is open: the next frame lists them.
        _ = update(&state, .inboxLoaded(Self.listing))
        let with = Self.help(state)
        for shown in [KeyContext.inbox.title, "Jump to the Inbox", "Archive the message", "Mark the message read", "Reload"] {
            #expect(with.contains(shown), "\(shown)")
        }
        #expect(state.screen.contains("Keys"))
    }

    @Test func rTogglesAndAArchivesTheSelectedMessage() {
        var state = Self.owner()
        state.press("6")
        #expect(handle(&state, .char("r")) == [.changeMessage(id: "1002.a", .read)])
        #expect(handle(&state, .char("a")) == [.changeMessage(id: "1002.a", .archive)])
        state.press("j")
        #expect(handle(&state, .char("r")) == [.changeMessage(id: "1001.b", .unread)])
        state.press("enter")   // reading the message: the same keys
        #expect(handle(&state, .char("r")) == [.changeMessage(id: "1001.b", .unread)])
        // Elsewhere r and a mean nothing; an empty Inbox has nothing to change.
        state.press("2")
        #expect(handle(&state, .char("r")).isEmpty && handle(&state, .char("a")).isEmpty)
        var empty = Self.owner(InboxListing(messages: [], total: 0, unread: 0))
        empty.press("6")
        #expect(handle(&empty, .char("r")).isEmpty)
        #expect(empty.screen.contains("No enquiries yet."))
    }

    @Test func aBodyIsReadWhenTheMessageIsFirstShown() {
        var listing = Self.listing
        listing.messages[1].body = nil
        var state = Self.owner(listing)
        #expect(handle(&state, .char("6")).isEmpty)   // the first message has its body
        #expect(handle(&state, .char("j")) == [.readMessage(id: "1001.b")])
        #expect(state.screen.contains("…"))
        #expect(update(&state, .messageRead(id: "1001.b", body: "Lag is at 3 hours.")).isEmpty)
        #expect(state.screen.contains("Lag is at 3 hours."))
        #expect(handle(&state, .char("k")).isEmpty && handle(&state, .char("j")).isEmpty)   // read once
        var kiosk = AppState(portfolio: Fixtures.portfolio, kiosk: true)
        #expect(update(&kiosk, .messageRead(id: "1001.b", body: "x")).isEmpty)
    }

    @Test func aChangeTheRuntimeSawAsksForAReading() {
        var state = Self.owner()
        #expect(update(&state, .inboxChanged) == [.scanInbox])
        var plain = Fixtures.state()
        #expect(update(&plain, .inboxChanged).isEmpty)   // no Inbox, nothing to read
    }

    @Test func aNewMessageArrivesAboveAndTheSelectionStays() {
        var state = Self.owner()
        state.press("6 j")
        #expect(state.selectedMessage?.entry.id == "1001.b")
        var next = Self.listing
        next.messages.insert(Self.message("1003.c", unread: true, subject: "New one"), at: 0)
        next.total = 3; next.unread = 2
        _ = update(&state, .inboxLoaded(next))
        #expect(state.selectedMessage?.entry.id == "1001.b")
        #expect(state.pane.selected == 2)
        #expect(state.screen.contains("2 new enquiries"))
    }

    @Test func anArchivedMessageLeavesTheNextOneSelected() {
        var state = Self.owner()
        state.press("6")
        let after = InboxListing(messages: [Self.listing.messages[1]], total: 1, unread: 0)
        _ = update(&state, .inboxLoaded(after))
        #expect(state.selectedMessage?.entry.id == "1001.b")
        #expect(!state.screen.contains("new enquir"))
        _ = update(&state, .inboxFailed("permission denied"))
        #expect(state.screen.contains("inbox: permission denied"))
        state.press("j")
        #expect(!state.screen.contains("permission denied"))   // seen: gone at the next key
    }

    @Test func inboxScreens() {
        var state = Self.owner()
        state.press("6")
        check("inbox-80x24", state)
        state.press("enter")
        check("inbox-reading-80x24", state)
        var narrow = Self.owner(width: 60, height: 20)
        narrow.press("6 j")
        check("inbox-60x20", narrow)
        var ascii = AppState(portfolio: Fixtures.portfolio, width: 80, height: 24, glyphs: .ascii)
        _ = update(&ascii, .inboxLoaded(Self.listing))
        ascii.press("6")
        #expect(ascii.screen.contains("> * Payments"))
    }

    private func check(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.check(name, state, sourceLocation: sourceLocation)
    }
}
