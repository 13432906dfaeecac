import Glibc

/// Work spread over the machine's cores with POSIX threads: the loader reads and parses
/// its pages this way. Each index runs exactly once, and `forEach` returns when all have;
/// callers put each index's result in its own slot, so the order of the results never
/// depends on the threads.
public enum Workers {
    /// More threads than this gain nothing for reading a few thousand small files.
    public static let maxThreads = 8

    /// The processors online (sysconf), at least 1 and at most `maxThreads`.
    public static var available: Int {
        min(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))), maxThreads)
    }

    /// Calls `body(i)` for every i in 0..<count, on up to `threads` threads (the caller's
    /// own among them). Thread t takes i = t, t + threads, ..., so neighbouring indices run
    /// side by side. Falls back to the caller's thread alone when a thread cannot be started
    /// (what a thread did not get to runs on the caller's).
    public static func forEach(_ count: Int, threads: Int = available, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = max(1, min(threads, count))
        guard threads > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        var started: [pthread_t] = []
        var leftOver: [Int] = []                            // lanes whose thread did not start
        for lane in 1..<threads {
            let job = Unmanaged.passRetained(Lane(lane: lane, step: threads, count: count, body: body))
            var thread = pthread_t()
            if pthread_create(&thread, nil, { raw in
                let job = Unmanaged<Lane>.fromOpaque(raw!).takeRetainedValue()
                job.run()
                return nil
            }, job.toOpaque()) == 0 {
                started.append(thread)
            } else {
                job.release()
                leftOver.append(lane)
            }
        }
        Lane(lane: 0, step: threads, count: count, body: body).run()
        for lane in leftOver { Lane(lane: lane, step: threads, count: count, body: body).run() }
        for thread in started { pthread_join(thread, nil) }
    }

    private final class Lane: @unchecked Sendable {
        let lane: Int, step: Int, count: Int, body: @Sendable (Int) -> Void
        init(lane: Int, step: Int, count: Int, body: @escaping @Sendable (Int) -> Void) {
            (self.lane, self.step, self.count, self.body) = (lane, step, count, body)
        }
        func run() {
            var index = lane
            while index < count { body(index); index += step }
        }
    }
}
