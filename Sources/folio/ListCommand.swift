import ArgumentParser

// Placeholder until its owner lands it; replaced, not kept.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "(not built yet)")
    func run() throws { throw ValidationError("folio list is not built yet") }
}
