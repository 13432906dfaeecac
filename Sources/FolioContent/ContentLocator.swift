import FolioText
import FolioPOSIX
import Glibc

/// Finds the content directory: `--content`, then `$FOLIO_CONTENT`, then the bundled
/// content. Bundled means, in order: `<exe dir>/../share/folio/Content` (an install
/// prefix), `<exe dir>/Content` (an unpacked archive), and last the repository's
/// `Content/` as seen at compile time, so a binary built from a checkout finds it from
/// any working directory.
public enum ContentLocator {
    /// `environment` holds FOLIO_CONTENT, if it counts (a kiosk passes `Session.pathEnvironment`,
    /// which never has it).
    public static func resolve(explicit: String?,
                               environment: [String: String] = ProcessEnvironment.current()) -> String {
        resolve(explicit: explicit, environment: environment["FOLIO_CONTENT"], executable: executablePath())
    }

    /// The same, with its inputs passed in (for tests).
    public static func resolve(explicit: String?, environment: String?, executable: String?) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let environment, !environment.isEmpty { return environment }
        return bundledCandidates(executable: executable).first { FileStatus.kind($0) == .directory }
            ?? repositoryContent
    }

    /// Where bundled content may sit, most specific first.
    public static func bundledCandidates(executable: String?) -> [String] {
        var candidates: [String] = []
        if let executable, let slash = executable.lastIndex(of: "/") {
            let dir = String(executable[..<slash])
            candidates += [dir + "/../share/folio/Content", dir + "/Content"]
        }
        return candidates + [repositoryContent]
    }

    /// `<repo>/Content`, from this file's compile-time path (Sources/FolioContent/…).
    public static let repositoryContent: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)   // ContentLocator.swift, FolioContent, Sources
        return parts.joined(separator: "/") + "/Content"
    }()

    /// The running binary, via /proc/self/exe (Linux); falls back to argv[0] when that
    /// contains a slash.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let argument0 = CommandLine.arguments.first ?? ""
        return argument0.containsBytes("/") ? argument0 : nil
    }
}
