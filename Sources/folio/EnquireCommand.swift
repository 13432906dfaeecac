import ArgumentParser
import FolioOutbox
import FolioPOSIX
import Glibc

/// `folio enquire`: one enquiry into the outbox without the UI, with the composer's validation.
struct EnquireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enquire",
        _superCommandName: "folio",
        abstract: "Save one enquiry to the outbox without the interactive composer.",
        discussion: """
        The enquiry is validated as in the composer, built as one RFC 5322 message \
        (text/plain, UTF-8, quoted-printable) and delivered into the outbox Maildir by the \
        Maildir protocol (tmp/, fsync, link into new/, fsync new/). On success the message's \
        id (its file name in new/) is printed on standard output.

        The message text comes from --message-file, or from standard input when that option \
        is absent or "-". Line ends are normalised to LF and control characters other than \
        newline and tab are removed.

        LIMITS
          name, company   at most 128 characters (Unicode code points)
          subject         at most 200 characters
          email           WHATWG "valid e-mail address", at most 254 characters
          message         at most 64 KiB (65,536 bytes of UTF-8)
          Line breaks, tabs and other controls are refused in one-line fields.

        EXAMPLES
          folio enquire --name 'Ada Lovelace' --email ada@example.org \\
                        --subject 'Engine design review' --message-file note.txt
          printf 'Hello!\\n' | folio enquire --name 山田 --email taro@example.jp \\
                        --subject 見積もり
          folio enquire --outbox /srv/folio/outbox ... < note.txt

        EXIT STATUS
          0   saved; the id is printed
          65  invalid input; each field error is printed (EX_DATAERR)
          66  the message file cannot be read (EX_NOINPUT)
          73  unsafe outbox: symlink, not a directory, others can write (EX_CANTCREAT)
          74  another input/output error (EX_IOERR)
          75  temporary failure: disk full, read-only file system, permission denied;
              retry once the cause is fixed (EX_TEMPFAIL)
          78  no valid contact address in the profile and no --to (EX_CONFIG)

        ENVIRONMENT
          FOLIO_CONTENT   portfolio whose profile email receives enquiries (--content)
          FOLIO_OUTBOX    outbox directory (--outbox)
          XDG_DATA_HOME   the default outbox is $XDG_DATA_HOME/folio/outbox
          SSH_CONNECTION  recorded in the X-Folio-Origin and X-Folio-Session headers
        """
    )

    @Option(help: "Your name (at most 128 characters).") var name: String
    @Option(help: "Your e-mail address, where the reply goes.") var email: String
    @Option(help: "Your company (optional).") var company: String?
    @Option(help: "Subject line (at most 200 characters).") var subject: String
    @Option(help: ArgumentHelp("Read the message from this file ('-' for standard input).", valueName: "file"))
    var messageFile: String?
    @Option(help: ArgumentHelp("Address the enquiry goes to (default: the profile's email).", valueName: "address"))
    var to: String?
    @OptionGroup var outboxOptions: OutboxOptions
    @OptionGroup var content: ContentOptions

    /// More than this is refused without reading further: 256 times the limit.
    static let readLimit = FieldLimits.messageBytes * 256

    func run() throws {
        let message: String
        switch readMessage() {
        case .success(let text): message = text
        case .failure(let problem):
            Console.error("folio enquire: not saved: \(problem.text)")
            throw ExitCode(problem.code)
        }
        let enquiry = Enquiry(name: name, email: email, company: company, subject: subject, message: message)
        let errors = EnquiryValidator.validate(enquiry)
        if !errors.isEmpty {
            Console.error("folio enquire: not saved: invalid input")
            for error in errors { Console.error("  \(error)") }
            throw ExitCode(ExitStatus.invalidInput)
        }
        let recipient = to ?? content.load().profile.email
        guard EmailAddress.isValid(recipient) else {
            Console.error("folio enquire: not saved: no valid contact address "
                + "(\(plainLine(recipient).debugDescription)); set email: in the profile or pass --to")
            throw ExitCode(ExitStatus.configuration)
        }
        do throws(OutboxError) {
            let origin = Origin(connection: SSHConnection(environment: ProcessEnvironment.current()),
                                user: Account.current().name)
            let id = try Maildir(path: outboxOptions.path).deliver(enquiry, to: recipient, origin: origin)
            Console.out(id)
        } catch {
            Console.error("folio enquire: Not saved: \(error)")
            throw ExitCode(ExitStatus.code(for: error))
        }
    }

    struct InputProblem: Error {
        var text: String
        var code: Int32
    }

    private func readMessage() -> Result<String, InputProblem> {
        let path = messageFile ?? "-"
        let descriptor = path == "-" ? 0 : Descriptor.retrying { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            return .failure(InputProblem(text: "cannot open \(path): \(SystemError.current)", code: ExitStatus.noInput))
        }
        defer { if descriptor != 0 { close(descriptor) } }
        do throws(ReadFailure) {
            return .success(String(decoding: try Descriptor.readAll(descriptor, limit: Self.readLimit), as: UTF8.self))
        } catch .tooLarge {
            return .failure(InputProblem(
                text: "invalid input\n  message: at most \(FieldLimits.messageBytes) bytes (has more than \(Self.readLimit))",
                code: ExitStatus.invalidInput))
        } catch {
            return .failure(InputProblem(text: "cannot read \(path): \(error)", code: ExitStatus.noInput))
        }
    }
}
