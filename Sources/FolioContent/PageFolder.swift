import FolioPOSIX
import Glibc

/// A section's folder, open while its pages are read: each page is opened from the folder's
/// descriptor (`openat`), so the kernel walks only the part of its path below the folder
/// instead of the whole path again for every page.
struct PageFolder: Sendable {
    let descriptor: Int32
    let path: String

    /// The folder opened for *at calls (`Directory.open`: O_PATH, not following a symlink in
    /// the last component); nil when it cannot be (a symlinked folder), and pages are then
    /// opened by their whole paths.
    static func open(_ path: String) -> PageFolder? {
        let descriptor = Directory.open(path)
        return descriptor >= 0 ? PageFolder(descriptor: descriptor, path: path) : nil
    }

    func close() { _ = Glibc.close(descriptor) }
}
