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
    /// own among them). Threads take the next few indices in turn until none are left, so
    /// one that is slowed (a busy core, a slow file) leaves more to the others. Falls back
    /// to the caller's thread alone when no thread can be started.
    public static func forEach(_ count: Int, threads: Int = available, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = max(1, min(threads, count))
        guard threads > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let work = Work(count: count, threads: threads, body: body)
        var started: [pthread_t] = []
        for _ in 1..<threads {
            let job = Unmanaged.passRetained(work)
            var thread = pthread_t()
            if pthread_create(&thread, nil, { raw in
                let work = Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue()
                work.run()
                return nil
            }, job.toOpaque()) == 0 {
                started.append(thread)
            } else {
                job.release()
            }
        }
        work.run()
        for thread in started { pthread_join(thread, nil) }
    }

    /// The indices left, handed out a turn at a time under a lock. A turn is an eighth of what
    /// is left per thread (guided self-scheduling): large turns while much is left keep the
    /// lock out of the way, and turns shrink to one index at the end, so no thread waits
    /// long for another's last turn (a fixed turn of 1/64 of 8,000 pages left one thread
    /// idle for up to 125 pages at the end of each folder).
    private final class Work: @unchecked Sendable {
        let count: Int, threads: Int, body: @Sendable (Int) -> Void
        private var next = 0
        private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

        init(count: Int, threads: Int, body: @escaping @Sendable (Int) -> Void) {
            (self.count, self.threads, self.body) = (count, threads, body)
            lock.initialize(to: pthread_mutex_t())
            pthread_mutex_init(lock, nil)
        }
        deinit { pthread_mutex_destroy(lock); lock.deallocate() }

        /// The size of the turn taken when `left` indices are left.
        static func turn(left: Int, threads: Int) -> Int { max(1, left / (threads * 8)) }

        func run() {
            while true {
                pthread_mutex_lock(lock)
                let first = next
                next = min(count, next + Self.turn(left: count - next, threads: threads))
                let end = next
                pthread_mutex_unlock(lock)
                guard first < count else { return }
                for index in first..<end { body(index) }
            }
        }
    }
}
