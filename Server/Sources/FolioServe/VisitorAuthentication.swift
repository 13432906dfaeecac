import NIOCore
import NIOSSH

/// Who may open a session. Anonymous visitors: `none` (the first thing every OpenSSH client
/// tries) succeeds, and so does any public key whose signature verifies (NIOSSH checks it before
/// asking here). Passwords are always refused; the user name is ignored. With an authorized
/// keys list only the listed keys succeed.
///
/// keyboard-interactive is not offered: NIOSSH does not implement it, and with `none`
/// accepted no client needs it.
final class VisitorAuthentication: NIOSSHServerUserAuthenticationDelegate, Sendable {
    private let authorized: AuthorizedKeys?

    init(authorized: AuthorizedKeys?) { self.authorized = authorized }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        responsePromise.succeed(Self.accepts(request.request, authorized: authorized) ? .success : .failure)
    }

    static func accepts(_ request: NIOSSHUserAuthenticationRequest.Request, authorized: AuthorizedKeys?) -> Bool {
        switch request {
        case .none: authorized == nil
        case .publicKey(let key): authorized?.keys.contains(key.publicKey) ?? true
        case .password, .hostBased: false
        }
    }
}
