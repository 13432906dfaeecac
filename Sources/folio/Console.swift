import Glibc

/// Output without Foundation: whole strings to fd 1 or 2, retrying short writes and EINTR.
enum Console {
    static func out(_ text: String) { write(1, text + "\n") }
    static func error(_ text: String) { write(2, text + "\n") }

    private static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            bytes = bytes.dropFirst(count)
        }
    }
}

/// One sanitised line on standard error: control and bidi characters shown, never obeyed.
func printError(_ line: String) {
    Console.error(plainLine(line))
}
