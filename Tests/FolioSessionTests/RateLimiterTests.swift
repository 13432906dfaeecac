import Glibc
import Testing
@testable import FolioSession
import FolioTestSupport

@Suite struct RateLimiterTests {
    let t0 = 1_700_000_000

    @Test func allowsUpToTheLimitPerAddressThenSaysWhenToRetry() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let limiter = RateLimiter(stateFile: dir.file("state/nested/ratelimit"), limit: 3)
        for (i, left) in [2, 1, 0].enumerated() {
            guard case .allowed(let ticket, let remaining) = try limiter.tryAcquire(address: "203.0.113.5", now: t0 + i * 60)
            else { Issue.record("attempt \(i) refused"); return }
            #expect(remaining == left && ticket == RateTicket(address: "203.0.113.5", stamp: t0 + i * 60))
        }
        #expect(try limiter.tryAcquire(address: "203.0.113.5", now: t0 + 600) == .limited(retryAfter: 3_000))
        #expect(try limiter.check(address: "203.0.113.5", now: t0 + 600) == false)
        // Another address has its own budget.
        #expect(try limiter.remaining(address: "198.51.100.1", now: t0 + 600) == 3)
        #expect(dir.read("state/nested/ratelimit")
                == "\(t0) 203.0.113.5\n\(t0 + 60) 203.0.113.5\n\(t0 + 120) 203.0.113.5\n")
        // The window slides: an hour after the first enquiry one slot is free again, and the
        // expired line is pruned from the file.
        #expect(try limiter.remaining(address: "203.0.113.5", now: t0 + 3_600) == 1)
        #expect(dir.read("state/nested/ratelimit") == "\(t0 + 60) 203.0.113.5\n\(t0 + 120) 203.0.113.5\n")
        var info = stat()
        stat(dir.file("state/nested"), &info)
        #expect(info.st_mode & 0o777 == 0o700)
    }

    @Test func refundGivesTheSlotBack() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let limiter = RateLimiter(stateFile: dir.file("r"), limit: 1)
        guard case .allowed(let ticket, _) = try limiter.tryAcquire(address: "a", now: t0) else {
            Issue.record("refused"); return
        }
        #expect(try limiter.remaining(address: "a", now: t0) == 0)
        try limiter.refund(ticket, now: t0)
        #expect(try limiter.remaining(address: "a", now: t0) == 1)
        #expect(dir.read("r") == "")
    }

    @Test func zeroLimitRefusesEverything() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let limiter = RateLimiter(stateFile: dir.file("r"), limit: 0)
        guard case .limited = try limiter.tryAcquire(address: "a", now: t0) else {
            Issue.record("allowed with limit 0"); return
        }
    }

    @Test func damagedLinesAndFarFutureStampsAreDroppedAndTheFileRepaired() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.write("r", bytes: Array("""
        \(t0 - 10) 10.0.0.1
        garbage line
        \(t0 - 5)
         \(t0) 10.0.0.1
        \(t0 - 4000) 10.0.0.1
        \(t0 + 10) 10.0.0.1
        \(t0 + 999_999) 10.0.0.1
        99999999999999999999999 10.0.0.1
        \(t0) two words

        """.utf8) + [0xFF, 0xFE, 0x0A] + Array("\(t0 - 1) 10.0.0.2".utf8))   // last line unterminated
        let limiter = RateLimiter(stateFile: path, limit: 3)
        #expect(try limiter.remaining(address: "10.0.0.1", now: t0) == 1)
        #expect(try limiter.remaining(address: "10.0.0.2", now: t0) == 2)
        #expect(dir.read("r") == "\(t0 - 10) 10.0.0.1\n\(t0 + 10) 10.0.0.1\n\(t0 - 1) 10.0.0.2\n")
    }

    @Test func oversizedFileStartsAfresh() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let line = Array("\(t0) 10.0.0.1\n".utf8)
        let path = dir.write("r", bytes: Array([[UInt8]](repeating: line, count: (4 << 20) / line.count + 1).joined()))
        let limiter = RateLimiter(stateFile: path, limit: 3)
        #expect(try limiter.remaining(address: "10.0.0.1", now: t0) == 3)
        #expect(dir.read("r") == "")
    }

    @Test func refusesSymlinksAndWorldWritableFiles() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let target = dir.write("target", "")
        symlink(target, dir.file("link"))
        #expect(throws: RateLimitError.self) {
            try RateLimiter(stateFile: dir.file("link"), limit: 3).tryAcquire(address: "a", now: t0)
        }
        #expect(dir.read("target") == "")
        let open = dir.write("open", "", mode: 0o666)
        #expect(throws: RateLimitError.self) {
            try RateLimiter(stateFile: open, limit: 3).tryAcquire(address: "a", now: t0)
        }
        #expect(throws: RateLimitError.self) {
            try RateLimiter(stateFile: dir.file("r"), limit: 3).tryAcquire(address: "has space", now: t0)
        }
    }

    @Test func defaultStateFileFollowsXDG() {
        #expect(RateLimiter.defaultStateFile(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/folio/ratelimit")
        #expect(RateLimiter.defaultStateFile(environment: ["HOME": "/h"]) == "/h/.local/state/folio/ratelimit")
        #expect(RateLimiter.defaultStateFile(environment: ["XDG_STATE_HOME": "rel"]) == nil)
    }

    /// Threads each open the file themselves (separate open file descriptions, as separate
    /// processes have), so flock is what keeps the count exact.
    @Test func threadsHammeringOneFileGetExactlyTheLimit() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let limiter = RateLimiter(stateFile: dir.file("r"), limit: 40)
        let work = Hammer(limiter: limiter, attempts: 15, now: t0)
        let allowed = try runThreads(count: 8) { index in work.run(index) }
        #expect(allowed.reduce(0, +) == 80)   // 40 for each of the two addresses
        #expect(dir.read("r").split(separator: "\n").count == 80)
        #expect(try limiter.remaining(address: "10.0.0.0", now: t0) == 0)
        #expect(try limiter.remaining(address: "10.0.0.1", now: t0) == 0)
    }

    @Test func processesHammeringOneFileGetExactlyTheLimit() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let limiter = RateLimiter(stateFile: dir.file("r"), limit: 25)
        let work = Hammer(limiter: limiter, attempts: 12, now: t0)
        // Warm up in the parent, on another file, so children only run code already loaded.
        _ = Hammer(limiter: RateLimiter(stateFile: dir.file("warm"), limit: 1), attempts: 2, now: t0).run(0)
        var children: [pid_t] = []
        for index in 0..<6 {
            let pid = fork()
            try #require(pid >= 0)
            if pid == 0 { _exit(Int32(work.run(index))) }
            children.append(pid)
        }
        var total = 0
        for pid in children {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            #expect(status & 0x7F == 0, "child killed by signal \(status & 0x7F)")
            total += Int((status >> 8) & 0xFF)
        }
        #expect(total == 50)   // 6 × 12 = 72 attempts, 36 per address, 25 allowed each
        #expect(dir.read("r").split(separator: "\n").count == 50)
    }
}

/// One worker's share: `attempts` tries, alternating between two addresses by worker index.
struct Hammer: Sendable {
    let limiter: RateLimiter
    let attempts: Int
    let now: Int

    func run(_ index: Int) -> Int {
        var allowed = 0
        for i in 0..<attempts {
            let address = "10.0.0.\((index + i) % 2)"
            if case .allowed? = try? limiter.tryAcquire(address: address, now: now) { allowed += 1 }
        }
        return allowed
    }
}

/// Runs `body` on `count` POSIX threads at once and returns each one's result.
func runThreads(count: Int, _ body: @escaping @Sendable (Int) -> Int) throws -> [Int] {
    final class Job: @unchecked Sendable {   // written by one thread, read after join
        let index: Int
        let body: @Sendable (Int) -> Int
        var result = 0
        init(index: Int, body: @escaping @Sendable (Int) -> Int) { self.index = index; self.body = body }
    }
    let jobs = (0..<count).map { Job(index: $0, body: body) }
    var threads: [pthread_t] = []
    for job in jobs {
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeUnretainedValue()
            job.result = job.body(job.index)
            return nil
        }, Unmanaged.passUnretained(job).toOpaque())
        try #require(created == 0)
        threads.append(thread)
    }
    for thread in threads { pthread_join(thread, nil) }
    return jobs.map(\.result)
}
