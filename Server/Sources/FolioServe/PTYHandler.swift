import NIOCore

/// The pty master's end of the relay (on a NIO pipe channel): bytes from the visitor's folio go
/// to the SSH channel. It reads only while the SSH channel is writable, so a visitor who stops
/// reading stops folio at the pty (its writes block) instead of filling the server's memory.
final class PTYHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private weak var session: SessionChannelHandler?
    private var context: ChannelHandlerContext?
    private var pendingRead = false

    init(session: SessionChannelHandler) { self.session = session }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    var isWritable: Bool { context?.channel.isWritable ?? false }

    /// Bytes from the visitor's keyboard, to folio.
    func send(_ buffer: ByteBuffer) {
        context?.write(wrapOutboundOut(buffer), promise: nil)
    }

    func flush() { context?.flush() }

    /// The SSH channel can take more: read the pty again if a read was held back.
    func resume() {
        guard pendingRead, let context else { return }
        pendingRead = false
        context.read()
    }

    func close() { context?.close(promise: nil) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session?.fromPTY(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) { session?.flushToClient() }

    func read(context: ChannelHandlerContext) {
        if session?.clientWritable ?? true {
            context.read()
        } else {
            pendingRead = true
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { session?.ptyBecameWritable() }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        session?.ptyClosed()
        context.fireChannelInactive()
    }

    /// EIO once the child's side of the pty is closed: the end of the relay, not a fault.
    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
