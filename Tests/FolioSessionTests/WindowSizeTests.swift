import FolioSession
import Testing

@Suite struct WindowSizeTests {
    @Test(arguments: [
        (WindowSize(width: 80, height: 24), WindowSize(width: 80, height: 24)),
        (WindowSize(width: 500, height: 300), WindowSize(width: 500, height: 300)),
        (WindowSize(width: 501, height: 301), WindowSize(width: 500, height: 300)),
        (WindowSize(width: 4000, height: 4000), WindowSize(width: 500, height: 300)),
        (WindowSize(width: 65535, height: 65535), WindowSize(width: 500, height: 300)),
        (WindowSize(width: 65535, height: 10), WindowSize(width: 500, height: 10)),
        (WindowSize(width: 0, height: 0), WindowSize(width: 1, height: 1)),
    ])
    func claimsAreClampedBeforeNcursesSeesThem(claimed: WindowSize, shown: WindowSize) {
        #expect(claimed.clamped == shown)
    }

    @Test func theClampIsWhatTheIssueAndReadmeSay() {
        #expect(WindowSize.max == WindowSize(width: 500, height: 300))
    }
}
