import FolioOutbox

/// sysexits(3) codes the outbox commands use.
enum ExitStatus {
    static let invalidInput: Int32 = 65   // EX_DATAERR
    static let noInput: Int32 = 66        // EX_NOINPUT
    static let cannotCreate: Int32 = 73   // EX_CANTCREAT: unsafe outbox; init would overwrite
    static let ioError: Int32 = 74        // EX_IOERR
    static let temporary: Int32 = 75      // EX_TEMPFAIL
    static let configuration: Int32 = 78  // EX_CONFIG

    /// The exit code for a failed save.
    static func code(for error: OutboxError) -> Int32 {
        switch error.kind {
        case .invalidEnquiry, .invalidMessage, .invalidArgument: invalidInput
        case .unsafeOutbox: cannotCreate
        case .system: error.isTemporary ? temporary : ioError
        }
    }
}
