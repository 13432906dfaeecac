import ArgumentParser

// Placeholder until its owner lands it; replaced, not kept.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not built yet)")
    func run() throws { throw ValidationError("folio check is not built yet") }
}
