import ArgumentParser
import FolioContent
import FolioCore
import FolioOutbox
import FolioRuntime
import FolioPOSIX
import FolioSession
import FolioTerminal
import FolioText
#if canImport(Glibc)
import Glibc
#endif

/// `folio [ITEM]`: the full-screen browser. Falls back to plain text when there is no
/// usable terminal, so piping folio or running it under `TERM=dumb` still shows the portfolio.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        _superCommandName: "folio",
        abstract: "Open the portfolio browser (the default command).",
        discussion: """
        Opens a full-screen browser with five sections: About, Services, Case studies, Stack \
        and Contact. Press ? inside folio for every key; the status bar shows the keys that \
        apply right now.

        ITEM opens straight at a service or case study, by slug (bankvole) or by path \
        (case-studies/bankvole), or at a stack tag (postgres), as `folio show` names them.

        When standard output is not a terminal, or TERM is unset, unknown or "dumb", folio \
        prints plain text instead: ITEM alone when one is given, else the whole portfolio.

        c opens the contact composer. Ctrl-S saves the message to the outbox (--outbox, \
        $FOLIO_OUTBOX, else $XDG_DATA_HOME/folio/outbox). Unsent text is kept as a draft in \
        $XDG_STATE_HOME/folio/drafts after each pause in typing and on every way out, and the \
        next start offers it.

        When you can read the outbox (you own it) and this is not a kiosk, an Inbox section \
        follows Contact: the enquiries, newest first, unread ones marked; r marks one read or \
        unread, a archives it. New enquiries appear while folio is open, and the status bar \
        counts the new ones.

        R reloads the content from its folder; --watch does it whenever a file changes there, \
        keeping your place. A file broken by an edit keeps the last good content on screen, \
        with the problem in the status bar. Neither works in kiosk mode.

        EXAMPLES
          folio                      browse the bundled portfolio
          folio bankvole             open the Bankvole case study
          folio bankvole | cat       print just that case study
          folio --content ~/site     browse another site's Markdown
          folio --theme light        colours for a light background
          NO_COLOR=1 folio           monochrome: bold, underline, dim and reverse only
          folio --watch --content ~/site   reload as you edit

        EXIT STATUS
          0   on a normal quit
          1   the portfolio cannot be shown
          64  no service, case study or tag called ITEM (close names are suggested)
          128+N after signal N
        """
    )

    @Argument(help: ArgumentHelp("A service or case study to open, e.g. bankvole.", valueName: "ITEM"))
    var item: String?

    @OptionGroup var content: ContentOptions

    @OptionGroup var outbox: OutboxOptions

    @OptionGroup var kiosk: KioskOptions

    @OptionGroup var look: AppearanceOptions

    @Flag(name: .customLong("no-mouse"), help: "Start with mouse capture off (keeps the terminal's own selection; m toggles it).")
    var noMouse = false

    @Flag(help: "Force ASCII box drawing and bullets (automatic under a non-UTF-8 locale).")
    var ascii = false

    @Flag(help: "Reload the content whenever a file under its folder changes (inotify; not in kiosk mode).")
    var watch = false

    func run() throws {
        // Settle where this session runs and what it may do before touching the terminal:
        // config files, --kiosk, a sanitised environment, no core dumps.
        let session = try kiosk.beginSession(outbox: outbox.outbox, content: content.content)
        // Every path comes from the session: in a kiosk, never from the client's environment.
        let paths = session.pathEnvironment
        let contentDirectory = ContentLocator.resolve(explicit: session.config.content, environment: paths)
        let portfolio = ContentLoader.load(directory: contentDirectory)
        let terminal = TerminalCheck.current()
        // A deep link is checked before anything is shown, so an unknown ITEM fails alike on a
        // terminal and in a pipe; piped, a known one prints just that item.
        let glyphs: Glyphs = (ascii || !terminal.utf8) ? .ascii : .unicode
        let deepLink = item.map { PlainText(portfolio: portfolio, width: terminal.width, glyphs: glyphs).show($0) }
        if let item, deepLink == .some(nil) {
            PlainOutput.fail(NotFound(reference: item, portfolio: portfolio).description)
        }

        guard terminal.usable else {
            if session.config.kiosk {
                // An anonymous visitor gets one clear line, not a dump of everything.
                printError("folio: \(terminal.reason ?? "no terminal"): connect with ssh -t and a known TERM")
                throw ExitCode(1)
            }
            if let reason = terminal.reason {
                printError("folio: \(reason); printing plain text instead.")
            }
            if let lines = deepLink ?? nil { PlainOutput.write(lines) } else {
                PlainOutput.printPortfolio(portfolio, width: terminal.width)
            }
            return
        }

        // A visitor never sees the owner's content problems or paths; the owner's log does.
        // (Only now: a visit refused above may have its standard error on the visitor's side.)
        if session.config.kiosk { ContentLog.record(portfolio.diagnostics) }
        var state = AppState(portfolio: portfolio, width: 80, height: 24, glyphs: glyphs, kiosk: session.config.kiosk)
        if let item, !state.open(item) {
            PlainOutput.fail(NotFound(reference: item, portfolio: portfolio).description)
        }

        // --watch is set up before the screen is taken, so a failure can still be said plainly.
        var contentWatch: ContentWatch?
        if watch && !session.config.kiosk {
            do throws(SystemError) { contentWatch = try ContentWatch(root: contentDirectory) } catch {
                printError("folio: --watch: cannot watch \(contentDirectory): \(error); R still reloads")
            }
        }
        let backend: TerminalBackend
        do {
            let environment = ProcessEnvironment.current()
            let appearance = look.appearance(config: session.config.theme, environment: environment)
            backend = try TerminalBackend(options: .init(colour: appearance.colour, mouse: !noMouse,
                                                         theme: appearance.theme,
                                                         hyperlinks: Hyperlinks.supported(environment: environment)))
            // auto: the terminal's own answer beats COLORFGBG (no question when colour is off).
            if appearance.colour, look.requested(config: session.config.theme, environment: environment) == .auto,
               let background = backend.askBackground() {
                backend.use(look.appearance(config: session.config.theme, environment: environment,
                                            reply: background).theme)
            }
        } catch {
            printError("folio: \(error); printing plain text instead.")
            PlainOutput.printPortfolio(portfolio, width: terminal.width)
            return
        }
        // Drafts: one per account, offered next time. A kiosk visit gets its own draft name,
        // so visitors sharing the account never see each other's drafts.
        var composer = ComposerWiring(
            outbox: OutboxPaths.outbox(explicit: session.config.outbox, environment: paths),
            drafts: DraftPolicy.session(kiosk: session.config.kiosk, visit: session.visitID,
                                        directory: OutboxPaths.drafts(environment: paths)),
            recipient: portfolio.profile.email,
            origin: Origin(connection: session.client.connection, user: Account.current().name))
        composer.admit = {
            switch session.admitEnquiry() {
            case .allowed(let ticket): return .allowed(refund: { session.refund(ticket) })
            case .refused(let line): return .refused(line)
            }
        }
        composer.offerDraft(into: &state)
        state.allowsSuspend = !session.config.kiosk
        var loop = BrowserLoop()
        loop.clock = session.clock
        // The owner's Inbox and live reload: never in a kiosk. The first frame shows before the
        // outbox is read (hundreds of enquiries take a moment); the Inbox joins on the next.
        if !session.config.kiosk {
            _ = update(&state, .resize(width: backend.width, height: backend.height))
            backend.draw(render(state), cursor: cursorPosition(state))
        }
        let inbox = InboxWiring.open(path: composer.outbox, kiosk: session.config.kiosk)
        if let inbox { _ = update(&state, .inboxLoaded(inbox.listing)) }
        if let watch = inbox?.watch { loop.watches.append(WatchSource(watch, action: .inboxChanged, debounceMs: 50)) }
        if let contentWatch { loop.watches.append(WatchSource(contentWatch.inotify, action: .reload, debounceMs: 150)) }
        let content = ContentWiring(directory: contentDirectory, watch: contentWatch)
        // Links open with the visitor's own opener, never in a kiosk (there nothing runs for a visitor).
        let opener: LinkOpener? = session.config.kiosk ? nil : LinkOpener(environment: ProcessEnvironment.current())
        state.mouseCapture = !noMouse
        loop.perform = { [composer] effect in
            composer.perform(effect) ?? inbox?.wiring.perform(effect) ?? content.perform(effect) ?? opener?.perform(effect)
        }
        let reason = loop.run(&state, on: backend)
        // Every way out saves the draft first: q, Ctrl-C, hang-up, SIGTERM/SIGINT/SIGHUP, timeouts.
        let draft = composer.saveOnExit(state)
        if case .expired(let why) = reason {
            Goodbye.show(why.goodbye(draft: draft.sentence), on: backend)
        }
        backend.close()
        if case .failed(let problem) = draft { printError("folio: the draft was not saved: \(problem)") }
        switch reason {
        case .signal(let number): throw ExitCode(128 + number)
        case .expired(let why): print(why.goodbye(draft: draft.sentence))
        case .quit, .hangup: break
        }
    }
}
