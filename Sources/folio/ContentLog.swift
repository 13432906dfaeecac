import FolioContent
import Glibc

/// Where a kiosk's content problems go: to the owner's log, never to the visitor's screen.
/// Standard error when it is a log (a file, a pipe, journald); syslog when standard error is
/// the visitor's terminal, as it is under an sshd ForceCommand.
enum ContentLog {
    static func record(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let lines = diagnostics.map { "content: \($0)" }
        if isatty(2) == 1 {
            openlog("folio", LOG_PID, LOG_USER)
            for line in lines {
                plainLine(line).withCString { text in withVaList([text]) { vsyslog(LOG_WARNING, "%s", $0) } }
            }
            closelog()
        } else {
            for line in lines { printError("folio: " + line) }
        }
    }
}
