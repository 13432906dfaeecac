import Logging
import NIOCore
import NIOSSH

/// The last handler of a connection's pipeline, after NIOSSH: starts the set-up deadline, notes
/// authentication and errors, and when the connection closes writes its one log line and gives
/// its place back to the limiter (on the close future: NIOSSH passes no channelInactive on).
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Any

    private let visit: Visit
    private let source: String
    private let server: VisitorServer

    init(visit: Visit, source: String, server: VisitorServer) {
        self.visit = visit
        self.source = source
        self.server = server
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let visit = NIOLoopBound(self.visit, eventLoop: context.eventLoop)
        self.visit.deadline = context.eventLoop.scheduleTask(in: .seconds(server.settings.setupSeconds)) {
            visit.value.record("set-up took longer than \(visit.value.deadlineSeconds) s")
            channel.close(promise: nil)
        }
        self.visit.deadlineSeconds = server.settings.setupSeconds
        let (server, source) = (self.server, self.source)
        channel.closeFuture.whenComplete { _ in
            visit.value.setUpDone()
            server.ended(visit.value, source: source)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is UserAuthSuccessEvent { visit.authenticated = true }
        context.fireUserInboundEventTriggered(event)
    }

    /// A protocol error or a reset: the connection is over.
    func errorCaught(context: ChannelHandlerContext, error: Error) {
        visit.record(visit.authenticated ? "error: \(error)" : "failed before authentication: \(error)")
        context.close(promise: nil)
    }
}
