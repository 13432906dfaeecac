import FolioPOSIX

/// inotify on a content folder and the folders under it, for `folio --watch`. The tree is walked
/// with a queue (no recursion), skipping hidden folders (`.git`), at most `maxDepth` deep and at
/// most `maxFolders` folders, so a huge or deep tree costs a bounded number of watches (the
/// kernel's per-user limit is shared with every other program).
public final class ContentWatch {
    public static let maxFolders = 1_024
    public static let maxDepth = 16

    public let inotify: Inotify
    public let root: String
    /// True when the last walk stopped at `maxFolders`: changes deeper in are not seen.
    public private(set) var truncated = false

    public init(root: String) throws(SystemError) {
        inotify = try Inotify()
        self.root = root
        // The folder given may be a symlink (~/site -> ~/src/site); folders found under it are not followed.
        try inotify.watch(directory: root, mask: Inotify.changes, followLinks: true)
        refresh()
    }

    /// Watches every folder now in the tree; folders created since the last walk are added
    /// (adding a watched folder again changes nothing), removed ones went with their watch.
    public func refresh() {
        var queue: [(path: String, depth: Int)] = [(root, 0)]
        var next = 0
        truncated = false
        while next < queue.count {
            let (folder, depth) = queue[next]
            next += 1
            guard (try? inotify.watch(directory: folder, mask: Inotify.changes, followLinks: depth == 0)) != nil,
                  depth + 1 < Self.maxDepth, case .success(let names) = Directory.list(folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = Path.join(folder, name)
                guard FileStatus.kind(path) == .directory else { continue }
                if queue.count >= Self.maxFolders { truncated = true; break }
                queue.append((path, depth + 1))
            }
        }
    }
}
