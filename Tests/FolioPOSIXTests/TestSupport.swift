import Glibc

/// A fresh directory under /tmp, removed (it holds no subdirectories) by `remove()`.
struct Scratch {
    let path: String

    init() {
        var template = Array("/tmp/folio-posix-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Creates `name` holding `count` bytes of `byte`.
    @discardableResult
    func write(_ name: String, count: Int, byte: UInt8 = UInt8(ascii: "x")) -> String {
        let target = file(name)
        let handle = fopen(target, "w")
        precondition(handle != nil, "cannot create \(target)")
        let bytes = [UInt8](repeating: byte, count: count)
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        fclose(handle)
        return target
    }

    func remove() {
        if let handle = opendir(path) {
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { unlink(file(name)); rmdir(file(name)) }
            }
            closedir(handle)
        }
        rmdir(path)
    }
}

/// Bytes 0, 1, … 250, 0, 1, …: a pattern in which a lost or repeated chunk shows.
func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0 % 251) } }
