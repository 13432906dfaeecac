import FolioText

/// Whether to make links real hyperlinks (OSC 8), and the bytes that do it for a frame.
///
/// A terminal that does not know OSC 8 may print its bytes, so folio writes them only when it
/// can tell the terminal knows them:
///
/// 1. `FOLIO_HYPERLINKS=1` or `0` decides outright (a visitor or an owner who knows);
/// 2. otherwise on for terminals that announce themselves and are known to show OSC 8:
///    `TERM_PROGRAM` iTerm.app, WezTerm, vscode, ghostty, Hyper; `VTE_VERSION` 5000 or later
///    (GNOME Terminal, Tilix…); `KONSOLE_VERSION` 210400 or later; `WT_SESSION` (Windows
///    Terminal); `TERM` naming kitty, foot, wezterm, ghostty or contour;
/// 3. off everywhere else, including inside tmux and screen (which pass OSC 8 on only when
///    configured to) and for most ssh visitors, whose terminal sends only `TERM`.
public enum Hyperlinks {
    public static func supported(environment: [String: String]) -> Bool {
        switch environment["FOLIO_HYPERLINKS"] {
        case "1": return true
        case "0": return false
        default: break
        }
        let term = environment["TERM"] ?? ""
        if term.hasPrefix("screen") || term.hasPrefix("tmux") || environment["TMUX"] != nil
            || environment["STY"] != nil { return false }
        if ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"].contains(environment["TERM_PROGRAM"] ?? "") { return true }
        if let vte = environment["VTE_VERSION"].flatMap({ Int($0) }), vte >= 5000 { return true }
        if let konsole = environment["KONSOLE_VERSION"].flatMap({ Int($0) }), konsole >= 210400 { return true }
        if environment["WT_SESSION"] != nil { return true }
        return ["kitty", "foot", "wezterm", "ghostty", "contour"].contains { term.containsBytes($0) }
    }

    /// The bytes to write after the frame `after` has been drawn over `before` (whose changes
    /// are `runs`, the one `Buffer.diff`): every changed stretch of one link is rewritten in
    /// its look inside `ESC ] 8 ; ; URI ESC \` … `ESC ] 8 ; ; ESC \`. Cells that were part of
    /// a link and no longer are are rewritten outside any, so the terminal drops the old
    /// target even where the character and look stayed the same. A link number whose target
    /// changed (another document with link text in the same place) has all its cells
    /// rewritten, changed or not. Wrapped in save/restore cursor (DECSC/DECRC, which also
    /// restore the attributes) and a reset, so ncurses' idea of the cursor and attributes
    /// holds. Empty when there is nothing to rewrite.
    public static func overlay(_ runs: [CellRun], before: Buffer, after: Buffer, look: (Style) -> Look) -> String {
        let sameSize = before.width == after.width && before.height == after.height
        let opens = after.links.map { TerminalControl.hyperlink($0) }
        func open(_ number: Int) -> String? { number > 0 && number <= opens.count ? opens[number - 1] : nil }
        // Numbers whose target on the screen is not the frame's: none on a cleared screen.
        var retargeted = Set<Int>()
        if sameSize, before.links != after.links {
            let shown = before.links.map { TerminalControl.hyperlink($0) }
            for number in 1...max(shown.count, opens.count)
            where (number <= shown.count ? shown[number - 1] : nil) != open(number) {
                retargeted.insert(number)
            }
        }
        /// How a cell is written: inside link n (> 0), plain (0: it was a link), or left (nil).
        /// `all`: the pass over whole rows for the retargeted numbers.
        func key(_ cell: Cell, x: Int, y: Int, all: Bool) -> Int? {
            let number = Int(cell.style.link)
            if all { return retargeted.contains(number) ? (open(number) == nil ? 0 : number) : nil }
            if retargeted.contains(number) { return nil }
            if open(number) != nil { return number }
            return sameSize && before[x, y].style.link != 0 ? 0 : nil
        }
        var out = ""
        func write(_ run: CellRun, all: Bool) {
            var offset = 0
            while offset < run.cells.count {
                guard !run.cells[offset].isContinuation,
                      let number = key(run.cells[offset], x: run.x + offset, y: run.y, all: all)
                else { offset += 1; continue }
                var text = ""
                var end = offset
                var current: Style?
                while end < run.cells.count, key(run.cells[end], x: run.x + end, y: run.y, all: all) == number {
                    let cell = run.cells[end]
                    if !cell.isContinuation {
                        if cell.style != current { text += AnsiText.sgr(look(cell.style)); current = cell.style }
                        text += cell.text.isEmpty ? " " : cell.text
                    }
                    end += 1
                }
                let move = "\u{1B}[\(run.y + 1);\(run.x + offset + 1)H"
                out += open(number).map { move + $0 + text + TerminalControl.hyperlinkEnd } ?? move + text
                offset = end
            }
        }
        for run in runs { write(run, all: false) }
        if !retargeted.isEmpty {
            for y in 0..<after.height {
                let row = Array(after.cells[(y * after.width)..<((y + 1) * after.width)])
                if row.contains(where: { retargeted.contains(Int($0.style.link)) }) {
                    write(CellRun(x: 0, y: y, cells: row), all: true)
                }
            }
        }
        return out.isEmpty ? "" : "\u{1B}7" + out + "\u{1B}[0m\u{1B}8"
    }
}
