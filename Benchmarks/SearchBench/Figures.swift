/// Formatting and statistics for the printed figures (no Foundation).

func milliseconds(_ d: Duration) -> Double {
    let (s, atto) = d.components
    return Double(s) * 1_000 + Double(atto) / 1e15
}

/// `sorted` must be ascending and non-empty.
func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
}

/// 10000 → "10,000".
func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}

/// Two decimals, three below 1 ms so small sizes still show a figure: 2.147 → "2.15", 0.0214 → "0.021".
func format(_ ms: Double) -> String {
    let digits = ms < 1 ? 3 : 2
    let scale = digits == 3 ? 1000 : 100
    let n = Int((ms * Double(scale)).rounded())
    let frac = String(n % scale)
    return "\(n / scale)." + String(repeating: "0", count: digits - frac.count) + frac
}

extension String {
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
