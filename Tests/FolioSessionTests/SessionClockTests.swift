import Testing
@testable import FolioSession

@Suite struct SessionClockTests {
    let clock = SessionClock(idleTimeoutSeconds: 600, sessionLimitSeconds: 3_600, start: 1_000)

    @Test func idleDeadlineMovesWithInputUntilTheCapIsNearer() {
        #expect(clock.deadline(lastInput: 1_000)! == (601_000, .idle(seconds: 600)))
        #expect(clock.deadline(lastInput: 50_000)! == (650_000, .idle(seconds: 600)))
        // Input 59 minutes in: the cap (at 3_601_000) comes before the idle deadline.
        #expect(clock.deadline(lastInput: 3_541_000)! == (3_601_000, .sessionLimit(seconds: 3_600)))
    }

    @Test func expiresExactlyAtTheDeadline() {
        #expect(clock.expired(now: 600_999, lastInput: 1_000) == nil)
        #expect(clock.expired(now: 601_000, lastInput: 1_000) == .idle(seconds: 600))
        #expect(clock.expired(now: 3_601_000, lastInput: 3_600_000) == .sessionLimit(seconds: 3_600))
    }

    @Test func pollTimeoutCountsDownAndRespectsTheCap() {
        #expect(clock.pollTimeout(now: 1_000, lastInput: 1_000) == 600_000)
        #expect(clock.pollTimeout(now: 1_000, lastInput: 1_000, cap: 250) == 250)
        #expect(clock.pollTimeout(now: 700_000, lastInput: 1_000) == 0)
        let endless = SessionClock(idleTimeoutSeconds: nil, sessionLimitSeconds: nil, start: 0)
        #expect(endless.deadline(lastInput: 0) == nil)
        #expect(endless.pollTimeout(now: 5, lastInput: 0) == -1)
        #expect(endless.pollTimeout(now: 5, lastInput: 0, cap: 100) == 100)
        #expect(endless.expired(now: .max, lastInput: 0) == nil)
    }

    @Test func onlyACap() {
        let capped = SessionClock(idleTimeoutSeconds: nil, sessionLimitSeconds: 2, start: 10)
        #expect(capped.pollTimeout(now: 10, lastInput: 10) == 2_000)
        #expect(capped.expired(now: 2_010, lastInput: 2_009) == .sessionLimit(seconds: 2))
    }

    @Test func goodbyeLines() {
        #expect(SessionExpiry.idle(seconds: 600).goodbye(draft: "Your draft was saved.")
                == "Session ended after 10 minutes without input. Your draft was saved.")
        #expect(SessionExpiry.idle(seconds: 1).goodbye(draft: nil)
                == "Session ended after 1 second without input.")
        #expect(SessionExpiry.sessionLimit(seconds: 3_600).goodbye(draft: nil)
                == "Session ended: the limit is 1 hour per visit.")
    }

    @Test func monotonicClockDoesNotGoBack() {
        let a = MonotonicClock.now()
        let b = MonotonicClock.now()
        #expect(b >= a && a > 0)
    }
}
