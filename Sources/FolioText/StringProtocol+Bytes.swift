extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte by byte (UTF-8): folio's checks look for
    /// ASCII markers ("..", "=?", "{{", "/", "@") or terminal names, where bytes are what matters.
    ///
    /// Not `contains(_: String)`: the standard library has it in `_StringProcessing`, and calling it
    /// links that module and `_RegexParser` into the static binary (+445 protocol conformance
    /// records, which every uncached `as?` scans, +3,100 relocations and +1.4 MB stripped).
    /// `scripts/bench` reports the records of each build.
    public func containsBytes<Needle: StringProtocol>(_ needle: Needle) -> Bool {
        let wanted = needle.utf8
        guard let first = wanted.first else { return true }
        let bytes = utf8
        var from = bytes.startIndex
        while let start = bytes[from...].firstIndex(of: first) {
            var at = start
            var next = wanted.startIndex
            while next < wanted.endIndex, at < bytes.endIndex, bytes[at] == wanted[next] {
                at = bytes.index(after: at)
                next = wanted.index(after: next)
            }
            if next == wanted.endIndex { return true }
            from = bytes.index(after: start)
        }
        return false
    }
}
