// Prints how long ranking takes per keystroke over a generated portfolio (2,000 tags, 10,000
// items), and the full 200x60 re-render after each keystroke in the / prompt. Figures to read,
// never a pass/fail test: timings depend on the machine and its load.
//   swift build -c release --product folio-bench-search && .build/release/folio-bench-search
// Options: --reps N (typing passes per query, default 30), --limit N (cap each result group,
// as a prompt showing N rows would; default: no cap), --verbose (per-query figures),
// --tags N --items N (generated size, default 2,000 and 10,000), --body-kb N (give every
// generated item a Markdown body of about N KB, default 0: then the figures are issue 13's
// full-text ranking, target ≤ 2 ms at 1,000 items of 3 KB), --content DIR (rank a real
// content tree instead, e.g. one scripts/bench generated).
import FolioContent
import FolioCore
import FolioSearch


func string(_ name: String) -> String? {
    let args = CommandLine.arguments
    return args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
}
func option(_ name: String) -> Int? { string(name).flatMap { Int($0) } }
let reps = option("--reps") ?? 30
let limit = option("--limit") ?? .max
let verbose = CommandLine.arguments.contains("--verbose")
let bodyKB = option("--body-kb") ?? 0
/// Issue 4's target for tags and titles; issue 13's for full text (tags, titles and bodies).
let target = bodyKB > 0 ? 2.0 : 1.0  // ms

/// Typed one character at a time; a mix of hits, misses, accents, aliases and item words.
let queries = ["postgres", "kube mesh", "rabbitmq", "data", "sql", "bank", "creme", "pythön",
               "e", "zzq", "stream lake", "pipeline", "fraud risk", "k"]
    + (bodyKB > 0 ? ["latency", "zephyr12", "cafe", "ledger reconciliation", "on-call", "backpressure"] : [])

let clock = ContinuousClock()
let portfolio = string("--content").map { ContentLoader.load(directory: $0) }
    ?? PortfolioGenerator.make(tags: option("--tags") ?? 2_000, items: option("--items") ?? 10_000,
                               bodyBytes: bodyKB * 1_024)
let tagCount = portfolio.stack.tags.count, itemCount = portfolio.services.count + portfolio.caseStudies.count
var built: TagIndex?
let buildTime = clock.measure { built = TagIndex(portfolio: portfolio) }
guard let index = built else { fatalError("index not built") }

/// Times every keystroke of every query, `reps` times; `rank` gets a fresh ranker per pass.
func keystrokes(_ makeRanker: () -> (String) -> SearchResults) -> Run {
    var all: [Double] = [], perQuery: [(String, [Double])] = []
    var checksum = 0  // keeps the optimiser from discarding the work
    for q in queries {
        var these: [Double] = []
        for _ in 0 ..< reps {
            let rank = makeRanker()
            var typed = ""
            for ch in q {
                typed.append(ch)
                var results: SearchResults?
                let d = clock.measure { results = rank(typed) }
                checksum &+= (results?.tags.count ?? 0) &+ (results?.items.count ?? 0)
                these.append(milliseconds(d))
            }
        }
        all += these
        perQuery.append((q, these.sorted()))
    }
    return Run(all: all.sorted(), perQuery: perQuery, checksum: checksum)
}

struct Run {
    var all: [Double]
    var perQuery: [(String, [Double])]
    var checksum: Int
}

func report(_ label: String, _ run: Run) {
    if verbose {
        for (q, s) in run.perQuery {
            print("  " + "\"\(q)\"".padded(14) + "median \(format(percentile(s, 0.5))) ms  p90 \(format(percentile(s, 0.9))) ms")
        }
    }
    let median = percentile(run.all, 0.5)
    let what = bodyKB > 0 ? "full-text rank per keystroke" : "rank per keystroke"
    print("\(what), \(label) (\(grouped(tagCount)) tags, \(grouped(itemCount)) items\(pages)): "
          + "median \(format(median)) ms (p90 \(format(percentile(run.all, 0.9))) ms, "
          + "max \(format(run.all.last ?? 0)) ms, \(grouped(run.all.count)) keystrokes) "
          + "target ≤ \(format(target)) ms \(median <= target ? "— met" : "— MISSED") [checksum \(run.checksum)]")
}

/// ", 3.0 KB of text a page" when items have bodies.
let textBytes = portfolio.items.reduce(0) { $0 + $1.body.utf8.count }
let pages = textBytes == 0 ? "" : ", \(format(Double(textBytes) / Double(max(1, itemCount)) / 1_024)) KB of text a page"

for q in queries { _ = index.rank(q) }  // warm up
let capped = limit == .max ? "all results" : "first \(limit) per group"
print("index build (\(grouped(tagCount)) tags, \(grouped(itemCount)) items\(pages)): \(format(milliseconds(buildTime))) ms")
if textBytes > 0 {
    let mib = Double(index.bodyIndexMemory) / 1_048_576
    print("body index memory (\(grouped(itemCount)) items\(pages)): \(format(mib)) MiB "
          + "for \(format(Double(textBytes) / 1_048_576)) MiB of Markdown")
}
report("TagIndex.rank, \(capped)", keystrokes { { index.rank($0, limit: limit) } })
report("TagSearchSession, \(capped)", keystrokes {
    var session = TagSearchSession(index: index)
    return { session.rank($0, limit: limit) }
})
screenFigures(portfolio, queries: queries, reps: max(1, reps / 10),
              sizeLabel: "(\(grouped(tagCount)) tags, \(grouped(itemCount)) items)")
