/// Path text, joined without Foundation.
public enum Path {
    /// `directory/name`, with one slash between; an empty directory gives `name`.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        var path = directory
        path.reserveCapacity(directory.utf8.count + 1 + name.utf8.count)   // one allocation
        if directory.utf8.last != UInt8(ascii: "/") { path += "/" }
        path += name
        return path
    }

    /// What `join(directory, name)` appended to `directory`: `path` below `directory`, or nil
    /// when `path` does not start with `directory` and a slash.
    public static func below(_ directory: String, _ path: String) -> String? {
        guard !directory.isEmpty, path.utf8.starts(with: directory.utf8) else { return nil }
        var rest = path.utf8.dropFirst(directory.utf8.count)
        if directory.utf8.last != UInt8(ascii: "/") {
            guard rest.first == UInt8(ascii: "/") else { return nil }
            rest = rest.dropFirst()
        }
        return rest.isEmpty ? nil : String(Substring(rest))
    }

    /// Everything before the last slash, or nil for a bare name ("/a" gives "/").
    public static func parent(_ path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
