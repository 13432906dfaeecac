import ArgumentParser

// Placeholder until its owner lands it; replaced, not kept.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(not built yet)")
    func run() throws { throw ValidationError("folio export is not built yet") }
}
