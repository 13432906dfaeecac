import ArgumentParser

// Placeholder until its owner lands it; replaced, not kept.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "(not built yet)")
    func run() throws { throw ValidationError("folio show is not built yet") }
}
