/// TOML front matter (Hugo's `+++` blocks), the stack file and `folio.toml`, read by folio's own
/// TOML reader (`TOMLReader` over `TOMLScanner`) into the neutral tree. Every node has its own
/// position: a key where it is written, a value where it starts.
enum TOMLFrontMatter {
    static func parse(_ text: String, firstLine: Int) -> Result<FMNode?, SourceProblem> {
        var reader = TOMLReader(text, firstLine: firstLine)
        do {
            return .success(try reader.read().fmNode())
        } catch {
            return .failure(error)
        }
    }
}
