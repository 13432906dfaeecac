import ArgumentParser

// Placeholder until its owner lands it; replaced, not kept.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tags", abstract: "(not built yet)")
    func run() throws { throw ValidationError("folio tags is not built yet") }
}
