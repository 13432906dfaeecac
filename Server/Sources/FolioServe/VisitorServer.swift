import Crypto
import Dispatch
import Glibc
import Logging
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

/// The listening server: accepts connections within the limits, runs SSH on each with one
/// session channel at most, and on SIGTERM stops accepting, hangs up every session and exits
/// when they have ended or after `drainSeconds`.
public final class VisitorServer: Sendable {
    public let settings: ServeSettings
    let limiter: ConnectionLimiter
    let logger: Logger
    private let hostKey: NIOSSHPrivateKey
    private let group: MultiThreadedEventLoopGroup
    private let live = Mutex<[ObjectIdentifier: NIOLoopBound<Visit>]>([:])
    private let listener = Mutex<Channel?>(nil)

    public init(settings: ServeSettings, hostKey: Curve25519.Signing.PrivateKey, logger: Logger) {
        self.settings = settings
        self.limiter = ConnectionLimiter(maxSessions: settings.maxSessions, perAddress: settings.perAddress)
        self.logger = logger
        self.hostKey = NIOSSHPrivateKey(ed25519Key: hostKey)
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: min(2, System.coreCount))
    }

    /// Binds, then returns the address it listens on (port 0 picks a free port).
    public func start() throws -> Int {
        let channel = try ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 128)
            .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture { try self.accept(channel) }
            }
            .bind(host: settings.host, port: settings.port)
            .wait()
        listener.withLock { $0 = channel }
        return channel.localAddress?.port ?? settings.port
    }

    /// Sets up one connection's pipeline (on its event loop).
    private func accept(_ channel: Channel) throws {
        let client = channel.remoteAddress, local = channel.localAddress
        let source = ConnectionLimiter.key(for: client?.ipAddress)
        let admission = limiter.admit(source)
        var refusal: String?
        switch admission {
        case .dropped:
            limiter.release(source)
            logger.info("client \(client?.ipAddress ?? "?") dropped: far over the limits")
            channel.close(promise: nil)
            return
        case .refused(let line): refusal = line
        case .admitted: break
        }
        let visit = Visit(clientAddress: client?.ipAddress ?? "0.0.0.0", clientPort: client?.port ?? 0,
                          serverAddress: local?.ipAddress ?? "0.0.0.0", serverPort: local?.port ?? 0,
                          refusal: refusal)
        visit.connection = channel
        live.withLock { $0[ObjectIdentifier(visit)] = NIOLoopBound(visit, eventLoop: channel.eventLoop) }
        var configuration = SSHServerConfiguration(hostKeys: [hostKey],
                                                   userAuthDelegate: VisitorAuthentication(authorized: settings.authorizedKeys))
        configuration.maxAuthAttempts = 6
        let settings = self.settings
        let ssh = NIOSSHHandler(role: .server(configuration), allocator: channel.allocator,
                                inboundChildChannelInitializer: { child, type in
            Self.openSession(child, type: type, visit: visit, settings: settings, connection: channel)
        })
        try channel.pipeline.syncOperations.addHandler(ssh)
        try channel.pipeline.syncOperations.addHandler(ConnectionHandler(visit: visit, source: source, server: self))
    }

    /// Only `session`, and only one per connection; when it closes, so does the connection.
    private static func openSession(_ child: Channel, type: SSHChannelType, visit: Visit,
                                    settings: ServeSettings, connection: Channel) -> EventLoopFuture<Void> {
        guard case .session = type, !visit.sessionOpened else {
            return child.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        visit.sessionOpened = true
        child.closeFuture.whenComplete { _ in connection.close(promise: nil) }
        return child.eventLoop.makeCompletedFuture {
            try child.pipeline.syncOperations.addHandler(SessionChannelHandler(settings: settings, visit: visit))
        }
    }

    func ended(_ visit: Visit, source: String) {
        live.withLock { $0[ObjectIdentifier(visit)] = nil }
        limiter.release(source)
        logger.info("\(visit.logLine)")
    }

    /// SIGTERM: stop accepting, hang up every session, wait for them up to `drainSeconds`.
    public func drain() {
        let channel = listener.withLock { $0 }
        try? channel?.close().wait()
        let visits = live.withLock { Array($0.values) }
        logger.info("stopping: \(visits.count) connection(s) to end")
        for bound in visits {
            bound.eventLoop.execute {
                if let hangUp = bound.value.hangUp { hangUp() } else { bound.value.close() }
            }
        }
        let deadline = NIODeadline.now() + .seconds(settings.drainSeconds)
        while limiter.count > 0, NIODeadline.now() < deadline {
            usleep(20_000)
        }
        logger.info("stopped with \(limiter.count) connection(s) still open")
    }
}
