import ArgumentParser
import FolioContent

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        _superCommandName: "folio",
        abstract: "Start a portfolio: write a small, valid one to edit.",
        discussion: """
        Writes four files under DIR (default: the current directory), each commented so it \
        explains itself:

          profile.md                      name, headline, email, links; the About text
          services/consulting.md          one service
          case-studies/first-project.md   one case study
          stack.yml                       tags in groups, with aliases

        `folio check DIR` passes on the result. init never overwrites anything: when any of \
        these files already exists it names each one and writes nothing at all. Missing \
        folders are created.

        EXAMPLES
          folio init ~/portfolio                  start a portfolio there
          folio check ~/portfolio                 check it after each edit
          folio --content ~/portfolio             browse it
          FOLIO_CONTENT=~/portfolio folio show    or print it

        EXIT STATUS
          0   written; the files are listed
          73  a file already exists, or a file or folder cannot be created (nothing is left written)
        """
    )

    @Argument(help: ArgumentHelp("Where to write the portfolio (created if missing).", valueName: "DIR"))
    var directory = "."

    func run() throws {
        switch StarterPortfolio.write(to: directory) {
        case .written(let paths):
            for path in paths { Console.out(plainLine("created \(path)")) }
            let place = directory == "." ? "" : " " + plainLine(directory)
            Console.out("Next: edit the files, run `folio check\(place)`, then `folio --content\(place.isEmpty ? " ." : place)`.")
        case .exists(let paths):
            for path in paths { printError("folio init: \(path) already exists") }
            printError("folio init: nothing was written; move \(paths.count == 1 ? "that file" : "those files") away or choose another DIR")
            throw ExitCode(ExitStatus.cannotCreate)
        case .failed(let path, let error):
            printError("folio init: cannot create \(path): \(error); nothing was written")
            throw ExitCode(ExitStatus.cannotCreate)
        }
    }
}
