import FolioPOSIX
import Glibc

extension RateLimiter {
    /// Opens and locks the state file, hands `body` the live entries (pruned to the window
    /// around `now`), and writes them back if `body` or the pruning changed them.
    func withLockedEntries<R>(now: Int, _ body: (inout [Entry]) -> (R, changed: Bool))
        throws(RateLimitError) -> R {
        let fd = try openLocked()
        defer { close(fd) }   // closing releases the flock
        let (stored, damaged) = readEntries(fd)
        // Stamps far in the future are damage too (or a clock set back); both are dropped.
        var entries = stored.filter { $0.stamp > now - window && $0.stamp <= now + window }
        let (result, changed) = body(&entries)
        if changed || damaged || entries.count != stored.count {
            try write(entries, to: fd)
        }
        return result
    }

    private func fail(_ what: String, _ code: Int32) -> RateLimitError {
        RateLimitError(reason: "\(what): \(SystemError(code))", path: stateFile)
    }

    private func openLocked() throws(RateLimitError) -> Int32 {
        try makeParentDirectories()
        // O_NOFOLLOW: a symlink planted at the path must not redirect the write.
        let fd = open(stateFile, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0o600)
        guard fd >= 0 else { throw fail("cannot open rate-limit state", errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { let e = errno; close(fd); throw fail("cannot stat", e) }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_mode & S_IWOTH == 0 else {
            close(fd)
            throw RateLimitError(reason: "rate-limit state is not a private regular file", path: stateFile)
        }
        if Descriptor.retrying({ flock(fd, LOCK_EX) }) != 0 { let e = errno; close(fd); throw fail("cannot lock", e) }
        return fd
    }

    /// `mkdir -p` of the directory holding the state file, new directories 0700.
    private func makeParentDirectories() throws(RateLimitError) {
        guard let parent = Path.parent(stateFile) else { return }
        do throws(SystemError) { try Directory.makeAll(parent) } catch { throw fail("cannot create \(parent)", error.code) }
    }

    /// Parses every well-formed line; `damaged` says some were not (or the file was too big).
    private func readEntries(_ fd: Int32) -> (entries: [Entry], damaged: Bool) {
        guard lseek(fd, 0, SEEK_SET) == 0,
              let bytes = try? Descriptor.readAll(fd, limit: Self.maxFileBytes) else {
            return ([], true)
        }
        var entries: [Entry] = []
        var damaged = false
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")),
                  let stamp = ConfigValue.decimal(Substring(decoding: line[..<space], as: UTF8.self)),
                  let key = try? Self.checkedKey(String(decoding: line[(space + 1)...], as: UTF8.self))
            else { damaged = true; continue }
            entries.append(Entry(stamp: stamp, key: key))
        }
        return (entries, damaged)
    }

    /// Writes the new content over the old, then cuts the file to length. Should a write fail
    /// half way, what is left is still lines the reader can parse or drop.
    private func write(_ entries: [Entry], to fd: Int32) throws(RateLimitError) {
        var text = ""
        for entry in entries { text += "\(entry.stamp) \(entry.key)\n" }
        let bytes = Array(text.utf8)
        do throws(SystemError) { try Descriptor.writeAll(fd, bytes, offset: 0) } catch {
            throw fail("cannot write rate-limit state", error.code)
        }
        guard ftruncate(fd, off_t(bytes.count)) == 0 else { throw fail("cannot truncate", errno) }
    }
}
