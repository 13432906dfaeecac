import Glibc

/// Finding a program to run: beside the running executable first (an installed pair such as
/// `folio` and `folio-serve`), then in `$PATH`.
public enum ProgramPath {
    /// The running executable (/proc/self/exe, symbolic links resolved).
    public static func ownExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `name` beside the running executable, else the first executable `name` in `path`
    /// (colon-separated; relative entries are skipped); nil when there is none.
    public static func find(_ name: String, path: String?) -> String? {
        let directories = [ownExecutable().flatMap(Path.parent)].compactMap { $0 }
            + (path ?? "").split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        return directories.map { Path.join($0, name) }.first { access($0, X_OK) == 0 }
    }
}
