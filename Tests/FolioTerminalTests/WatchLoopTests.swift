import FolioCore
import FolioTerminal
import FolioSession
import Glibc
import Testing

/// Extra descriptors in the loop's one poll (`WatchSource`): readiness becomes an action after a
/// quiet spell, failures stop the watching, and none of it counts as input.
@Suite struct WatchLoopTests {
    /// A source on descriptor `fd` whose drain says `changed` and counts its calls.
    final class Probe {
        var drains = 0
        var changed: Bool? = true
        func source(_ fd: Int32, debounce: Int64 = 100, maxDelay: Int64? = nil) -> WatchSource {
            WatchSource(descriptor: fd, action: .reload, debounceMs: debounce, maxDelayMs: maxDelay) { [self] in
                drains += 1
                return changed
            }
        }
    }

    @Test func aBurstBecomesOneActionOnceQuiet() {
        let f = LoopFixture(script: [.ready(7), .ready(7, after: 30), .ready(7, after: 30), .wait, .wait])
        let probe = Probe()
        f.loop.watches = [probe.source(7)]
        let start = f.terminal.now
        var firedAt: Int64?
        f.outcome = { [terminal = f.terminal] _ in firedAt = terminal.now; return nil }
        #expect(f.run() == .hangup)
        #expect(f.performed == [.reloadContent])
        #expect(probe.drains == 3)
        #expect(f.terminal.watched.first == [7])
        // 100 ms after the last change (at +60), not before.
        #expect(firedAt.map { $0 >= start + 160 && $0 <= start + 162 } == true, "fired at \(String(describing: firedAt))")
    }

    @Test func aSteadyTrickleStillFiresWithinItsMaximumDelay() {
        let f = LoopFixture(script: Array(repeating: .ready(7, after: 50), count: 40))
        let probe = Probe()
        f.loop.watches = [probe.source(7, debounce: 100, maxDelay: 500)]
        let start = f.terminal.now
        var fired: [Int64] = []
        f.outcome = { [terminal = f.terminal] _ in fired.append(terminal.now); return nil }
        _ = f.run()
        #expect(fired.count >= 3)
        #expect(fired.first.map { $0 <= start + 50 + 500 + 1 } == true)
    }

    @Test func aFailedDescriptorIsNoLongerPolled() {
        let f = LoopFixture(script: [.input(.watch(ready: [], failed: [7])), .key(.char("j")), .ready(8), .wait, .key(.char("j"))])
        let probe = Probe(), spent = Probe()
        spent.changed = nil   // its drain fails: dropped too, with no action
        f.loop.watches = [probe.source(7), spent.source(8)]
        _ = f.run()
        #expect(f.terminal.watched[0] == [7, 8])
        #expect(f.terminal.watched[1] == [8])
        #expect(f.terminal.watched.last == [])
        #expect(probe.drains == 0 && spent.drains == 1)
        #expect(f.performed.isEmpty)
    }

    @Test func nothingToReadMeansNoAction() {
        let f = LoopFixture(script: [.ready(7), .wait, .wait])
        let probe = Probe()
        probe.changed = false
        f.loop.watches = [probe.source(7)]
        _ = f.run()
        #expect(probe.drains == 1 && f.performed.isEmpty)
    }

    @Test func changesAreNotInputSoTheIdleLimitStillEnds() {
        let f = LoopFixture(script: Array(repeating: .ready(7, after: 2_000), count: 20))
        f.loop.watches = [Probe().source(7)]
        let start = f.terminal.now
        f.loop.clock = SessionClock(idleTimeoutSeconds: 10, sessionLimitSeconds: nil, start: start)
        #expect(f.run() == .expired(.idle(seconds: 10)))
        #expect(f.terminal.now <= start + 10_002)
        #expect(f.performed.count >= 4)   // the changes were acted on meanwhile
    }

    @Test func aHangUpEndsTheLoopWithAChangePending() {
        let f = LoopFixture(script: [.ready(7), .input(.hangup)])
        f.loop.watches = [Probe().source(7)]
        #expect(f.run() == .hangup)
        #expect(f.performed.isEmpty)
    }

    /// The real poll: TTYReader reports a watched pipe's data and its hang-up, the terminal first.
    @Test func ttyReaderWaitsOnWatchedDescriptorsInTheSamePoll() {
        var tty: [Int32] = [-1, -1], other: [Int32] = [-1, -1]
        #expect(pipe(&tty) == 0 && pipe(&other) == 0)
        defer { for fd in tty + other { close(fd) } }
        let reader = TTYReader(fd: tty[0])
        #expect(reader.read(timeoutMs: 0, watching: [other[0]]) == .timeout)
        var byte: UInt8 = 1
        _ = write(other[1], &byte, 1)
        #expect(reader.read(timeoutMs: 1_000, watching: [other[0]]) == .watch(ready: [other[0]], failed: []))
        _ = write(tty[1], &byte, 1)
        #expect(reader.read(timeoutMs: 1_000, watching: [other[0]]) == .bytes([1]))   // the terminal first
        _ = read(other[0], &byte, 1)
        close(other[1]); other[1] = -1
        #expect(reader.read(timeoutMs: 1_000, watching: [other[0]]) == .watch(ready: [], failed: [other[0]]))
    }
}
