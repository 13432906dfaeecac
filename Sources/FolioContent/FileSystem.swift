#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few filesystem questions the loader asks, answered with POSIX calls so that
/// failures carry errno's words.
enum FileSystem {
    enum Kind { case missing, file, directory, other }

    /// What a path is, following symlinks. A dangling symlink counts as a file, so reading
    /// it reports the real error.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            default: return .other
            }
        }
        return lstat(path, &info) == 0 ? .file : .missing
    }

    /// Names in a directory, without "." and "..", sorted so loading is deterministic.
    static func list(_ path: String) -> Result<[String], SourceProblem> {
        guard let dir = opendir(path) else {
            return .failure(SourceProblem(position: .start, message: "cannot read directory: \(String(cString: strerror(errno)))"))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted())
    }

    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
