// Medians of folio's hot paths: loader, Markdown, layout, wrap, first frame, a keystroke's
// re-render and diff, and tag search. Figures to read, never a pass/fail test.
//   swift build -c release --product folio-bench && .build/release/folio-bench
// Options: --content DIR (default: the bundled content), --reps N (default 30),
// --only a,b (benchmarks whose name starts with a or b), --tsv (name, median ms, p90 ms, runs).
import FolioContent
import FolioCore
import FolioSearch
import FolioText

let args = CommandLine.arguments
func value(_ name: String) -> String? {
    args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
}
let reps = value("--reps").flatMap(Int.init) ?? 30
let only = value("--only")?.split(separator: ",").map(String.init) ?? []
let tsv = args.contains("--tsv")
let directory = ContentLocator.resolve(explicit: value("--content"))

func wanted(_ name: String) -> Bool { only.isEmpty || only.contains { name.hasPrefix($0) } }

func run(_ name: String, per: Int = 1, warmUp: Bool = true, _ body: () -> Int) {
    guard wanted(name) else { return }
    let s = measure(name, reps: reps, per: per, warmUp: warmUp, body)
    if tsv {
        print("\(s.name)\t\(s.median)\t\(s.p90)\t\(s.sorted.count)")
    } else {
        print(s.name.padded(34) + "median " + (figure(s.median) + " ms").padded(12)
              + "p90 " + (figure(s.p90) + " ms").padded(12) + "(\(s.sorted.count) runs\(per > 1 ? ", per unit of \(per)" : ""))")
    }
}

// Loading: the whole content tree, as `folio` does at start.
run("load") { ContentLoader.load(directory: directory).services.count }
let portfolio = ContentLoader.load(directory: directory)
let bodies = [portfolio.profile.body] + (portfolio.services + portfolio.caseStudies).map(\.body)
if !tsv {
    print("content: \(directory): \(portfolio.services.count) services, \(portfolio.caseStudies.count) case studies, "
          + "\(portfolio.stack.tags.count) tags, \(bodies.reduce(0) { $0 + $1.utf8.count }) bytes of Markdown")
}

// Text: Markdown to blocks, blocks to lines at the detail pane's width, and plain wrapping.
let sample = Array(bodies.prefix(200))  // enough documents for a stable figure at any scale
run("markdown.parse (per doc)", per: sample.count) { sample.reduce(0) { $0 + Markdown.parse($1).count } }
let parsed = sample.map { Markdown.parse($0) }
for width in [48, 118] {
    run("layout.lines w\(width) (per doc)", per: parsed.count) {
        parsed.reduce(0) { $0 + Layout.lines($1, width: width).count }
    }
}
let paragraphs = parsed.flatMap { $0.map(\.spans) }.filter { !$0.isEmpty }
run("wrap w40 (per block)", per: paragraphs.count) { paragraphs.reduce(0) { $0 + wrap($1, width: 40).count } }

// Screen: state from a loaded portfolio, the first frame, then one keystroke at a time.
run("state.init") { AppState(portfolio: portfolio).panes.count }
for (w, h) in [(80, 24), (200, 60)] {
    run("render.first \(w)x\(h)") {
        let state = AppState(portfolio: portfolio, width: w, height: h)
        return render(state).cells.count
    }
}

/// `keys` pressed in turn from `start`, each followed by a render and a diff against the
/// frame before; per keystroke.
func keystrokes(_ name: String, width: Int, height: Int, setup: [Key], keys: [Key]) {
    var state = AppState(portfolio: portfolio, width: width, height: height)
    for key in setup { _ = handle(&state, key) }
    var frame = render(state)
    run(name, per: keys.count) {
        var changed = 0
        for key in keys {
            _ = handle(&state, key)
            let next = render(state)
            changed += next.diff(from: frame).count
            frame = next
        }
        return changed
    }
}
let moves = Array(repeating: [Key.char("j"), .char("k")], count: 10).flatMap { $0 }
keystrokes("key.list-move 80x24 (per key)", width: 80, height: 24, setup: [.char("2")], keys: moves)
keystrokes("key.detail-scroll 80x24 (per key)", width: 80, height: 24, setup: [.char("2"), .enter], keys: moves)
keystrokes("key.open-item 80x24 (per key)", width: 80, height: 24, setup: [.char("2")],
           keys: Array(repeating: [Key.enter, .esc], count: 10).flatMap { $0 })

/// Typing into the search prompt, a full re-render at each keystroke (issue 4: ≤ 5 ms at 200×60).
let queries = ["postgres", "kafka", "data", "bank", "k8s"]
let typing = queries.flatMap { q in q.map { Key.char($0) } + [.ctrl("u")] }
keystrokes("key.search-type 200x60 (per key)", width: 200, height: 60, setup: [.char("/")], keys: typing)

// Search alone: the index, then ranking per keystroke as the prompt does.
run("search.index") { TagIndex(portfolio: portfolio).tags.count }
let index = TagIndex(portfolio: portfolio)
let prefixes = queries.flatMap { q in q.indices.map { String(q[...$0]) } }
run("search.rank (per key)", per: prefixes.count) {
    prefixes.reduce(0) { $0 + index.rank($1, limit: 50).tags.count }
}
tomlKeyBenchmarks()
pathologicalMarkdownBenchmarks()
if !tsv { print("[checksum \(sink)]") }
