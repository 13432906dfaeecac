import FolioPOSIX
import FolioSession
import Glibc
import NIOCore
import NIOPosix
import NIOSSH

/// One visitor's `session` channel: checks its requests, starts `folio --kiosk` on a pty at
/// `shell`, relays bytes both ways with flow control, and ends the child when the visitor
/// leaves (SIGHUP to its process group, so folio keeps the draft; SIGKILL after 1 s).
final class SessionChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    /// Refusals, one line each, with exit status 1, as folio's kiosk refuses under sshd.
    static let noCommands = "folio runs no commands here: connect with ssh -t and no command"
    static let stopping = "folio: this server is stopping; goodbye."
    /// How long a hung-up child has to end before SIGKILL, and the poll interval meanwhile.
    static let hangUpGrace = TimeAmount.seconds(1)
    static let reapInterval = TimeAmount.milliseconds(10)

    private let settings: ServeSettings
    private let visit: Visit
    private var context: ChannelHandlerContext?
    private var requests = SessionRequests()
    private var started = false
    private var process: VisitorProcess?
    private var master: Int32 = -1
    private var pty: PTYHandler?
    private var pendingRead = false
    private var clientGone = false
    private var stopping = false
    private var ended = false
    private var eventLoop: EventLoop?

    init(settings: ServeSettings, visit: Visit) {
        self.settings = settings
        self.visit = visit
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        eventLoop = context.eventLoop
        visit.hangUp = { [weak self] in self?.goodbye() }
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in }
    }

    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    // MARK: requests

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            reply(request.wantReply, !started && requests.terminal(request))
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            reply(request.wantReply, !started && requests.environment(name: request.name, value: request.value))
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            requests.size = TerminalSize(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            if master >= 0 { PseudoTerminal.setSize(requests.size, master: master) }
        case let request as SSHChannelRequestEvent.ShellRequest:
            shell(wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ExecRequest:
            refuse(Self.noCommands, outcome: "refused: exec", wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse(Self.noCommands, outcome: "refused: subsystem \(request.subsystem.prefix(32))",
                   wantReply: request.wantReply)
        case ChannelEvent.inputClosed:
            break   // the visitor's EOF means nothing to a terminal; the channel's close does
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func reply(_ wantReply: Bool, _ accepted: Bool) {
        guard wantReply, let context else { return }
        if accepted {
            context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    private func shell(wantReply: Bool) {
        guard !started else { return reply(wantReply, false) }
        if let refusal = visit.refusal {
            return refuse(refusal, outcome: "refused: \(refusal)", wantReply: wantReply)
        }
        guard requests.hasTerminal else {
            return refuse(TTYCheck.refusal, outcome: "refused: no pty", wantReply: wantReply)
        }
        started = true
        do {
            try start()
            reply(wantReply, true)
            visit.setUpDone()
        } catch {
            reply(wantReply, false)
            visit.setUpDone()
            visit.record("could not start folio: \(error)")
            finish(status: 1)
        }
    }

    /// Accepts the request (so the client shows what follows), writes `line` to its standard
    /// error, then exit status 1 and close. Nothing runs.
    private func refuse(_ line: String, outcome: String, wantReply: Bool) {
        guard !started else { return reply(wantReply, false) }
        started = true
        reply(wantReply, true)
        visit.setUpDone()
        visit.record(outcome)
        write(line + "\r\n", type: .stdErr)
        finish(status: 1)
    }

    // MARK: the child and its pty

    private func start() throws {
        guard let context else { throw SystemError(EBADF) }
        let pair = try PseudoTerminal.open()
        PseudoTerminal.setSize(requests.size, master: pair.master)
        do {
            process = try VisitorProcess.spawn(arguments: settings.kioskArguments,
                                               environment: requests.childEnvironment(sshConnection: visit.sshConnection),
                                               slavePath: pair.slavePath)
        } catch {
            Glibc.close(pair.master)
            throw error
        }
        master = pair.master
        let handler = PTYHandler(session: self)
        pty = handler
        let bound = NIOLoopBound(handler, eventLoop: context.eventLoop)
        NIOPipeBootstrap(group: context.eventLoop)
            .channelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(bound.value)
                }
            }
            .takingOwnershipOfDescriptor(inputOutput: pair.master)
            .assumeIsolated()
            .whenFailure { [weak self] error in
                // NIO could not take the master: nothing relays, so end the child.
                self?.visit.record("relay failed: \(error)")
                self?.hangUpChild()
            }
    }

    /// Bytes from folio, to the visitor.
    func fromPTY(_ buffer: ByteBuffer) {
        guard !clientGone, let context else { return }
        context.write(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
    }

    func flushToClient() { context?.flush() }

    var clientWritable: Bool { context?.channel.isWritable ?? false }

    func ptyBecameWritable() {
        guard pendingRead, let context else { return }
        pendingRead = false
        context.read()
    }

    /// The pty's relay ended: folio exited (or closed the terminal). Reap it, then pass on how
    /// it ended and close the channel.
    func ptyClosed() {
        master = -1
        pty = nil
        reapDeadline = .now() + .seconds(2)
        startReaping()
    }

    /// SIGHUP, and the relay closed: folio's hang-up path saves the draft and exits.
    private func hangUpChild() {
        guard let process, !ended else { return }
        if !hungUp {
            process.signalGroup(SIGHUP)
            hungUp = true
            reapDeadline = .now() + Self.hangUpGrace
        }
        pty?.close()
        startReaping()
    }

    private var reaping = false
    private var hungUp = false
    private var reapDeadline = NIODeadline.now()

    private func startReaping() {
        guard !reaping else { return }
        reaping = true
        pollExit()
    }

    /// Polls waitpid until the child is gone; past the deadline it gets SIGHUP (if it had
    /// none), then SIGKILL. A handful of polls: folio ends within milliseconds of its hang-up.
    private func pollExit() {
        guard let process, !ended, let loop = eventLoop else { return }
        if let ending = process.reap() {
            ended = true
            self.process = nil
            pty?.close()
            childEnded(ending)
            return
        }
        if NIODeadline.now() >= reapDeadline {
            process.signalGroup(hungUp ? SIGKILL : SIGHUP)
            hungUp = true
            reapDeadline = .now() + Self.hangUpGrace
        }
        let bound = NIOLoopBound(self, eventLoop: loop)
        loop.scheduleTask(in: Self.reapInterval) { bound.value.pollExit() }
    }

    private func childEnded(_ ending: ChildEnding) {
        if clientGone {
            visit.record("client left; folio \(ending)")
            return
        }
        visit.record(stopping ? "server stopping; folio \(ending)" : "folio \(ending)")
        if stopping { write(Self.stopping + "\r\n", type: .stdErr) }
        switch ending {
        case .exited(let status): finish(status: Int(status))
        case .signalled: finish(status: 128 + 1)
        }
    }

    /// exit-status, then close.
    private func finish(status: Int) {
        guard let context else { return }
        let channel = context.channel
        context.flush()
        context.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status))
            .assumeIsolated().whenComplete { _ in channel.close(promise: nil) }
    }

    /// SIGTERM: the visitor's folio is hung up like a dropped connection (its draft is kept),
    /// then the visitor reads one line and the channel closes.
    func goodbye() {
        stopping = true
        if process != nil {
            hangUpChild()
        } else if !started {
            context?.close(promise: nil)
        }
    }

    // MARK: relay from the visitor

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = unwrapInboundIn(data)
        guard case .channel = data.type, case .byteBuffer(let buffer) = data.data, let pty else { return }
        pty.send(buffer)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        pty?.flush()
        context.fireChannelReadComplete()
    }

    /// Reads from the visitor only while the pty can take them; held back, the SSH window fills
    /// and the client stops sending.
    func read(context: ChannelHandlerContext) {
        if let pty, !pty.isWritable {
            pendingRead = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { pty?.resume() }
        context.fireChannelWritabilityChanged()
    }

    /// The visitor left (or the channel closed after the child ended).
    func channelInactive(context: ChannelHandlerContext) {
        clientGone = true
        if !ended, process != nil {
            hangUpChild()
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func write(_ text: String, type: SSHChannelData.DataType) {
        guard let context else { return }
        let buffer = context.channel.allocator.buffer(string: text)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: type, data: .byteBuffer(buffer))), promise: nil)
    }
}
