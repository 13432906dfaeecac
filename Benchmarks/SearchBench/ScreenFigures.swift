import FolioContent
import FolioCore

/// Issue 4's second figure: the whole screen re-rendered after each keystroke typed into the
/// `/` prompt at 200×60 (target ≤ 5 ms), plus the state and first frame the prompt opens over.
func screenFigures(_ portfolio: Portfolio, queries: [String], reps: Int, sizeLabel: String) {
    let target = 5.0
    var state: AppState?
    let initTime = clock.measure { state = AppState(portfolio: portfolio, width: 200, height: 60) }
    guard var state else { return }
    var frame = Buffer(width: 0, height: 0)
    let firstFrame = clock.measure { frame = render(state) }
    print("state init \(sizeLabel): \(format(milliseconds(initTime))) ms; first frame 200x60: "
          + "\(format(milliseconds(firstFrame))) ms")
    _ = handle(&state, .char("/"))
    var times: [Double] = []
    var changed = 0  // cells the backend would rewrite; also keeps the work from being dropped
    for _ in 0 ..< reps {
        for q in queries {
            for ch in q {
                let d = clock.measure {
                    _ = handle(&state, .char(ch))
                    let next = render(state)
                    changed &+= next.diff(from: frame).count
                    frame = next
                }
                times.append(milliseconds(d))
            }
            _ = handle(&state, .ctrl("u"))
        }
    }
    times.sort()
    let median = percentile(times, 0.5)
    print("re-render per keystroke in the / prompt at 200x60 \(sizeLabel): median \(format(median)) ms "
          + "(p90 \(format(percentile(times, 0.9))) ms, \(grouped(times.count)) keystrokes) "
          + "target ≤ \(format(target)) ms \(median <= target ? "— met" : "— MISSED") [changed runs \(changed)]")
}
