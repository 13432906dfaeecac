import FolioSession
/// `folio outbox forward --watch`: a full pass at start, then a pass after every change in
/// new/ or cur/ and a full rescan every `rescanMilliseconds` (which also retries what failed
/// while the transport was down), until SIGTERM, SIGINT or SIGHUP.
public struct ForwardLoop {
    public var forwarder: Forwarder
    public var rescanMilliseconds: Int

    public init(forwarder: Forwarder, rescanMilliseconds: Int) {
        self.forwarder = forwarder; self.rescanMilliseconds = rescanMilliseconds
    }

    /// Returns when stopped by a signal. A pass that fails (the outbox unreadable for a moment)
    /// is reported through `problem` and retried at the next wake-up.
    public func run(log: (String, HandOff) -> Void, problem: (OutboxError) -> Void) throws(OutboxError) {
        let watch = try MaildirWatch(path: forwarder.maildir.path)
        var nextRescan = 0
        while true {
            let now = Int(MonotonicClock.now())
            do throws(OutboxError) {
                _ = try forwarder.forwardPending(log: log, shouldStop: { watch.stopRequested })
            } catch {
                problem(error)
            }
            if now >= nextRescan { nextRescan = now + rescanMilliseconds }
            if watch.stopRequested { return }
            var wake = MaildirWatch.Wake.timeout
            repeat {
                wake = watch.wait(timeoutMilliseconds: nextRescan - Int(MonotonicClock.now()))
            } while wake == .timeout && Int(MonotonicClock.now()) < nextRescan
            if wake == .stop { return }
        }
    }
}
