import Glibc

/// Path text, joined without Foundation.
public enum Path {
    /// `directory/name`, with one slash between; an empty directory gives `name`.
    /// The bytes are copied into the new string's storage at once, from the two Strings' own
    /// storage: appending to a String cost ~1,300 instructions a join, copying from the UTF-8
    /// views ~750, and a walk joins once per file.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        var (directory, name) = (directory, name)
        return directory.withUTF8 { directory in
            name.withUTF8 { name in
                let slash = directory.last != UInt8(ascii: "/")
                return String(unsafeUninitializedCapacity: directory.count + (slash ? 1 : 0) + name.count) { buffer in
                    var end = buffer.initialize(fromContentsOf: directory)
                    if slash {
                        buffer[end] = UInt8(ascii: "/")
                        end += 1
                    }
                    return end + UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: name)
                }
            }
        }
    }

    /// What `join(directory, name)` appended to `directory`: `path` below `directory`, or nil
    /// when `path` does not start with `directory` and a slash.
    public static func below(_ directory: String, _ path: String) -> String? {
        var (directory, path) = (directory, path)
        // Bytes compared in place (a generic `starts(with:)` on the views was most of its cost).
        let start: Int? = directory.withUTF8 { directory in
            path.withUTF8 { path in
                guard let last = directory.last, path.count > directory.count,
                      memcmp(path.baseAddress!, directory.baseAddress!, directory.count) == 0 else { return nil }
                if last == UInt8(ascii: "/") { return directory.count }
                return path[directory.count] == UInt8(ascii: "/") && path.count > directory.count + 1 ? directory.count + 1 : nil
            }
        }
        guard let start else { return nil }
        return path.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) }
    }

    /// Everything before the last slash, or nil for a bare name ("/a" gives "/").
    public static func parent(_ path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
