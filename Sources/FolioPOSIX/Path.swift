/// Path text, joined without Foundation.
public enum Path {
    /// `directory/name`, with one slash between; an empty directory gives `name`.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Everything before the last slash, or nil for a bare name ("/a" gives "/").
    public static func parent(_ path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
