#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp for a test, removed with everything in it by `remove()`.
public struct TempDir: Sendable {
    public let path: String

    public init(prefix: String = "folio-test") {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    public func write(_ name: String, _ text: String, mode: mode_t = 0o644) -> String {
        write(name, bytes: Array(text.utf8), mode: mode)
    }

    /// Creates `name` holding `count` bytes of `byte`.
    @discardableResult
    public func write(_ name: String, count: Int, byte: UInt8 = UInt8(ascii: "x")) -> String {
        write(name, bytes: [UInt8](repeating: byte, count: count))
    }

    @discardableResult
    public func write(_ name: String, bytes: [UInt8], mode: mode_t = 0o644) -> String {
        let target = file(name)
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, mode)
        precondition(fd >= 0, "cannot create \(target)")
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            precondition(n > 0, "cannot write \(target)")
            done += n
        }
        fchmod(fd, mode)
        close(fd)
        return target
    }

    public func read(_ name: String) -> String { textOfFile(file(name)) }

    /// Removes the tree with a worklist (no recursion): directories are emptied, then removed
    /// deepest first.
    public func remove() {
        var pending = [path], directories: [String] = []
        while let next = pending.popLast() {
            guard let dir = opendir(next) else { unlink(next); continue }
            directories.append(next)
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { pending.append(next + "/" + name) }
            }
            closedir(dir)
        }
        for directory in directories.reversed() { rmdir(directory) }
    }
}
