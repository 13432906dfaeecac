import FolioPOSIX

/// Finds the Markdown pages under a section folder, as Hugo lays them out: `.md`, `.markdown`
/// and `.mdown` files in any case of the extension, in nested folders, and page bundles
/// (`name/index.md`, whose slug is the folder's name). `_index.md` in the top folder is the
/// section's introduction; other names starting with `_` or `.` are not pages.
///
/// Walks with an explicit queue (no recursion), at most `maxDepth` folders deep and at most
/// `maxPages` pages, so a deep or huge tree cannot exhaust the stack or the memory.
enum PageWalker {
    static let maxDepth = 16
    static let maxPages = 200_000
    static let extensions = ["md", "markdown", "mdown"]

    struct Page: Equatable {
        var path: String
        var slug: String
        /// The folder's listing says a regular file (so it is read without an fstat first).
        var listedRegular = false
    }

    struct Result {
        var pages: [Page] = []
        /// The top folder's `_index.md`, if any.
        var introduction: String?
        var problems: [(path: String, message: String)] = []
    }

    /// The file name without its Markdown extension, or nil when it is not Markdown.
    /// An ASCII extension is compared without making a string of it: its bytes, each with
    /// the bit that makes an ASCII letter lower case, in one word against the extensions'
    /// (letters only: a byte with that bit set is one of them only when it is that letter in
    /// either case). Any other extension is lowercased first, as a non-ASCII letter may
    /// lowercase to an ASCII one (the Kelvin sign to "k").
    static func markdownStem(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != 0 else { return nil }
            let ext = UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])
            var folded: UInt64 = 0, ascii = ext.count <= 8
            if ascii {
                for byte in ext {
                    if byte >= 0x80 { ascii = false; break }
                    folded = folded << 8 | UInt64(byte | 0x20)
                }
            }
            let markdown = ascii ? extensionWords.contains(folded)
                : extensions.contains(String(decoding: ext, as: UTF8.self).lowercased())
            return markdown ? String(decoding: UnsafeBufferPointer(rebasing: bytes[..<dot]), as: UTF8.self) : nil
        }
    }

    /// Each extension's bytes in one word, the first byte most significant (8 bytes at most).
    private static let extensionWords = extensions.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }

    static func walk(_ folder: String) -> Result {
        var result = Result()
        var queue: [(path: String, depth: Int)] = [(folder, 0)]
        var next = 0
        while next < queue.count, result.pages.count < maxPages {
            let (directory, depth) = queue[next]
            next += 1
            let entries: [(name: String, kind: Directory.EntryKind)]
            switch Directory.entries(directory) {
            case .success(let listed): entries = listed
            case .failure(let problem):
                result.problems.append((directory, "cannot read directory: \(problem)"))
                continue
            }
            for (name, kind) in entries where !Self.starts(name, with: ".") {
                let path = Path.join(directory, name)
                if let stem = markdownStem(name) {
                    if stem == "_index" {
                        if depth == 0 { result.introduction = path }
                    } else if !Self.starts(stem, with: "_") {
                        result.pages.append(Page(path: path, slug: stem, listedRegular: kind == .regular))
                    }
                } else if !Self.starts(name, with: "_"), kind == .directory || (kind == .unknown && FileStatus.kind(path) == .directory) {
                    if let index = bundleIndex(path) {
                        result.pages.append(Page(path: index, slug: name))
                    } else if depth + 1 < maxDepth {
                        queue.append((path, depth + 1))
                    } else {
                        result.problems.append((path, "folder is more than \(maxDepth) levels deep: its pages are not read"))
                    }
                }
            }
        }
        return result
    }

    /// `text.hasPrefix(prefix)` for a one-byte prefix, asked only of a text whose first byte is
    /// that one (hasPrefix compares Characters, so "." and a combining mark is not a "."):
    /// nearly every name is answered by its first byte.
    private static func starts(_ text: String, with prefix: Unicode.Scalar) -> Bool {
        text.utf8.first == UInt8(prefix.value) && text.hasPrefix(String(prefix))
    }

    /// `index.md` (any Markdown extension) in a folder makes the folder one page.
    private static func bundleIndex(_ directory: String) -> String? {
        for ext in extensions {
            let path = Path.join(directory, "index." + ext)
            if FileStatus.kind(path) == .file { return path }
        }
        return nil
    }
}
