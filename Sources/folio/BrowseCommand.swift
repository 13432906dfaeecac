import ArgumentParser

// Placeholder until its owner lands it; replaced, not kept.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "(not built yet)")
    func run() throws { throw ValidationError("folio browse is not built yet") }
}
