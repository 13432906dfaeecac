import ArgumentParser

// Placeholder until its owner lands it; replaced, not kept.
struct EnquireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enquire", abstract: "(not built yet)")
    func run() throws { throw ValidationError("folio enquire is not built yet") }
}
