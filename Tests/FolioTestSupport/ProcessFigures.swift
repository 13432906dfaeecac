#if canImport(Glibc)
import Glibc
#endif

/// The whole text of a small file ("" when it cannot be read), with stdio: /proc files
/// report no size, so this reads to the end.
public func textOfFile(_ path: String) -> String {
    guard let f = fopen(path, "r") else { return "" }
    defer { fclose(f) }
    var out: [UInt8] = []
    while true {
        let c = fgetc(f)
        if c == EOF { break }
        out.append(UInt8(c))
    }
    return String(decoding: out, as: UTF8.self)
}

/// Peak resident memory of this process so far (VmHWM in /proc/self/status), in KiB; 0 when
/// unknown. A figure to print, never one to assert on.
public func peakResidentKiB() -> Int {
    for line in textOfFile("/proc/self/status").split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) } ?? 0
    }
    return 0
}
