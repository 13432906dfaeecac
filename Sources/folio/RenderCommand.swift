import ArgumentParser

// Placeholder until its owner lands it; replaced, not kept.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "(not built yet)")
    func run() throws { throw ValidationError("folio render is not built yet") }
}
