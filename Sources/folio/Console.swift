import FolioPOSIX

/// Output without Foundation: whole lines to fd 1 or 2 (`Descriptor.writeAll`: short writes and
/// EINTR are retried). A closed or full stream drops the line; there is nowhere to report it.
enum Console {
    static func out(_ text: String) { try? Descriptor.writeAll(1, Array((text + "\n").utf8)) }
    static func error(_ text: String) { try? Descriptor.writeAll(2, Array((text + "\n").utf8)) }
}

/// One sanitised line on standard error: control and bidi characters shown, never obeyed.
func printError(_ line: String) {
    Console.error(plainLine(line))
}
