import Glibc
import Testing
@testable import FolioSession
import FolioTestSupport

/// Limits are process-wide, so each test sets them in a forked child.
@Suite struct KioskLimitsTests {
    @Test func theLimitsAreSetSoftAndHard() {
        let status = inChild {
            guard KioskLimits.apply() else { return 1 }
            let data = KioskLimits.current(Int32(RLIMIT_DATA.rawValue))
            let cpu = KioskLimits.current(Int32(RLIMIT_CPU.rawValue))
            guard data == (KioskLimits.dataBytes, KioskLimits.dataBytes) else { return 2 }
            guard cpu == (KioskLimits.cpuSeconds, KioskLimits.cpuKillSeconds) else { return 3 }
            return 0
        }
        #expect(status == 0)
    }

    @Test func aNormalVisitFitsAndARunawayAllocationFails() {
        let status = inChild {
            KioskLimits.apply()
            // Twice what a visit at the largest window uses (about 25 MB of data) fits.
            guard let fits = malloc(64 << 20) else { return 1 }
            memset(fits, 1, 64 << 20)
            free(fits)
            // The 1.3 GB a 4000×4000 window claim once cost does not.
            if let runaway = malloc(1_300 << 20) { free(runaway); return 2 }
            return 0
        }
        #expect(status == 0)
    }

    @Test func anAdministratorsLowerLimitIsKept() {
        let status = inChild {
            var lower = rlimit(rlim_cur: 100, rlim_max: 200)
            setrlimit(Int32(RLIMIT_CPU.rawValue), &lower)
            KioskLimits.apply()
            return KioskLimits.current(Int32(RLIMIT_CPU.rawValue)) == (100, 200) ? 0 : 1
        }
        #expect(status == 0)
    }

    @Test(arguments: [
        (["folio", "--kiosk"], true),
        (["folio", "browse", "--kiosk", "bankvole"], true),
        (["folio", "browse", "--", "--kiosk"], false),
        (["folio", "--kioskx"], false),
        (["folio"], false),
    ])
    func kioskIsSeenOnTheCommandLineBeforeParsing(arguments: [String], kiosk: Bool) {
        #expect(KioskGuard.requested(arguments: arguments, systemConfig: "/nonexistent/folio.conf") == kiosk)
    }

    @Test func kioskIsSeenInTheSystemConfig() {
        let dir = TempDir()
        defer { dir.remove() }
        #expect(KioskGuard.requested(arguments: ["folio"], systemConfig: dir.write("on.conf", "kiosk = true\n")))
        #expect(!KioskGuard.requested(arguments: ["folio"], systemConfig: dir.write("off.conf", "kiosk = false\n")))
    }
}
