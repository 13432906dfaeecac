import ArgumentParser

// Placeholder until its owner lands it; replaced, not kept.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outbox", abstract: "(not built yet)")
    func run() throws { throw ValidationError("folio outbox is not built yet") }
}
