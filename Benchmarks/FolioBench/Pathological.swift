// Hostile content (issue 11): front matter with many keys, and other inputs whose cost once
// grew faster than their size. Each row is timed on a tree or text made here.
#if canImport(Glibc)
import Glibc
#endif
import FolioContent
import FolioText

/// A content tree in a fresh temporary directory; removed by `remove()`.
struct ScratchContent {
    let root: String
    private var files: [String] = []

    init?() {
        var template = Array("/tmp/folio-bench-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
        root = String(cString: made)
        guard mkdir(root + "/services", 0o700) == 0 else { return nil }
        write("profile.md", "---\nname: Bench\nheadline: Bench\nemail: bench@example.com\n---\nHello.\n")
        write("stack.yml", "groups:\n  - name: All\n    tags: [Kafka]\n")
    }

    mutating func write(_ relative: String, _ text: String) {
        let path = root + "/" + relative
        guard let file = fopen(path, "w") else { return }
        fputs(text, file)
        fclose(file)
        files.append(path)
    }

    func remove() {
        for path in files { unlink(path) }
        rmdir(root + "/services")
        rmdir(root)
    }
}

/// One service whose TOML front matter has `keys` keys in a table (each a string, so every
/// value is placed too): the loader used to search the file from the top for each key.
func tomlKeyBenchmarks() {
    for keys in [1_000, 4_000, 20_000] {
        let name = "load.toml \(keys) keys"
        guard wanted(name), var tree = ScratchContent() else { continue }
        var text = "+++\ntitle = \"Keys\"\n[extra]\n"
        for i in 0..<keys { text += "key\(i) = \"value \(i)\"\n" }
        tree.write("services/keys.md", text + "+++\nBody.\n")
        run(name) { ContentLoader.load(directory: tree.root).services.count }
        tree.remove()
    }
}

/// Markdown under 1 MiB that took seconds (issue 11): one letter with 500,000 combining
/// marks, and a 5,000-column table; parsed and laid out at 80 columns, as the detail pane does.
func pathologicalMarkdownBenchmarks() {
    let marks = "a" + String(repeating: "\u{301}", count: 500_000) + " end\n"
    let columns = 5_000
    var table = "|" + (0..<columns).map { " h\($0) |" }.joined() + "\n|" + String(repeating: "---|", count: columns)
    for _ in 0..<20 { table += "\n|" + String(repeating: " x |", count: columns) }
    for (name, text) in [("markdown.500k-marks", marks), ("markdown.5000-column-table", table)] where wanted(name) {
        run(name, warmUp: false) { Layout.lines(Markdown.parse(text), width: 80).count }
    }
}
