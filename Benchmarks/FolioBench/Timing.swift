/// Timing loop and figures for folio-bench (no Foundation, so the harness measures folio's
/// own code, not a different runtime).

let clock = ContinuousClock()

/// Keeps results alive so the optimiser cannot drop the work being timed.
nonisolated(unsafe) var sink = 0

func milliseconds(_ d: Duration) -> Double {
    let (s, atto) = d.components
    return Double(s) * 1_000 + Double(atto) / 1e15
}

/// One benchmark's samples, sorted ascending, in milliseconds.
struct Samples {
    var name: String
    var sorted: [Double]
    /// Units of work per sample (keystrokes, documents), to report a per-unit figure.
    var per: Int

    func percentile(_ p: Double) -> Double {
        sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
    }
    var median: Double { percentile(0.5) / Double(per) }
    var p90: Double { percentile(0.9) / Double(per) }
}

/// Runs `body` once to warm up, then `reps` timed times.
func measure(_ name: String, reps: Int, per: Int = 1, warmUp: Bool = true, _ body: () -> Int) -> Samples {
    if warmUp { sink &+= body() }
    var times: [Double] = []
    times.reserveCapacity(reps)
    for _ in 0 ..< reps {
        var result = 0
        let d = clock.measure { result = body() }
        sink &+= result
        times.append(milliseconds(d))
    }
    return Samples(name: name, sorted: times.sorted(), per: max(per, 1))
}

/// Three significant figures, at least two decimals below 10: 0.01234 → "0.0123", 12.345 → "12.3".
func figure(_ ms: Double) -> String {
    var digits = 2
    var v = ms
    while v > 0 && v < 1 && digits < 6 { v *= 10; digits += 1 }
    if ms >= 100 { digits = 0 } else if ms >= 10 { digits = 1 }
    let scale = (0 ..< digits).reduce(1.0) { r, _ in r * 10 }
    let n = Int((ms * scale).rounded())
    let whole = n / Int(scale), frac = n % Int(scale)
    guard digits > 0 else { return "\(whole)" }
    let f = String(frac)
    return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
}

extension String {
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
