import Glibc

/// Directories: descriptors that anchor *at calls, listings, mkdir -p and fsync.
public enum Directory {
    /// O_PATH is Linux-only and hidden from Swift's Glibc module (it needs _GNU_SOURCE).
    /// A directory opened with it anchors *at calls and needs no read permission, which a
    /// non-owner delivering into a shared outbox does not have.
    public static let pathOnly: Int32 = 0o10000000

    /// A directory descriptor for *at calls that never follows a symlink in the last component;
    /// -1 with errno on failure.
    public static func open(_ name: String, in parent: Int32 = AT_FDCWD, readable: Bool = false) -> Int32 {
        let access = readable ? O_RDONLY : pathOnly
        return Descriptor.retrying { openat(parent, name, access | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
    }

    /// Names in a directory, without "." and "..", sorted (in `[String].sorted()`'s order) so
    /// that what reads them is deterministic.
    ///
    /// String compares Unicode scalars after canonical (NFC) normalisation. A valid UTF-8 name
    /// whose scalars are all below U+0300 (the first combining mark: every byte below 0xCC) is
    /// already NFC, and UTF-8's byte order is its scalars' order, so two such names are
    /// compared as bytes: a memcmp is a few instructions where comparing two Strings took
    /// hundreds (a folder of 8,000 pages took 110,000 comparisons, and 11% of its names had an
    /// "é"). A pair with any other name, or with invalid UTF-8 (which String repairs), is
    /// compared as Strings.
    public static func list(_ path: String) -> Result<[String], SystemError> {
        entries(path).map { $0.map(\.name) }
    }

    /// What a listing says a name is (the entry's d_type), without a stat: `unknown` where the
    /// file system does not say, and for symlinks, which a stat follows.
    public enum EntryKind: Sendable, Equatable {
        case regular, directory, other, unknown
    }

    /// `list`'s names, each with what the listing says it is.
    public static func entries(_ path: String) -> Result<[(name: String, kind: EntryKind)], SystemError> {
        guard let handle = opendir(path) else { return .failure(.current) }
        defer { closedir(handle) }
        var bytes: [UInt8] = [], spans: [(start: Int, count: Int, plain: Bool, kind: EntryKind)] = []
        forEachName(handle) { name, type in
            let kind: EntryKind = switch Int(type) {
            case Int(DT_REG): .regular
            case Int(DT_DIR): .directory
            case Int(DT_UNKNOWN), Int(DT_LNK): .unknown
            default: .other
            }
            spans.append((bytes.count, name.count, !name.contains(where: { $0 >= 0xCC }), kind))
            bytes.append(contentsOf: name)
        }
        return .success(bytes.withUnsafeBufferPointer { flat in
            var names: [String] = []
            names.reserveCapacity(spans.count)
            for index in spans.indices {
                let span = spans[index]
                names.append(String(decoding: UnsafeBufferPointer(rebasing: flat[span.start..<(span.start + span.count)]), as: UTF8.self))
                if names[index].utf8.count != span.count { spans[index].plain = false }   // repaired: not valid
            }
            guard let base = flat.baseAddress else { return [] }     // no names
            return spans.withUnsafeBufferPointer { spans in
                spans.indices.sorted { i, j in
                    let (a, b) = (spans[i], spans[j])
                    guard a.plain && b.plain else { return names[i] < names[j] }
                    return Self.bytesPrecede(base + a.start, a.count, base + b.start, b.count)
                }.map { (names[$0], spans[$0].kind) }
            }
        })
    }

    /// Whether `x` comes before `y` byte by byte (a prefix first), eight bytes at a time:
    /// page names share long stems ("payments-manufacturing-…").
    @inline(__always)
    static func bytesPrecede(_ x: UnsafePointer<UInt8>, _ xn: Int, _ y: UnsafePointer<UInt8>, _ yn: Int) -> Bool {
        let n = min(xn, yn)
        var k = 0
        while k + 8 <= n {
            let a = UnsafeRawPointer(x + k).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(y + k).loadUnaligned(as: UInt64.self)
            if a != b { return a.bigEndian < b.bigEndian }      // the first byte most significant
            k += 8
        }
        while k < n {
            if x[k] != y[k] { return x[k] < y[k] }
            k += 1
        }
        return xn < yn
    }

    /// Names in an open directory stream (in directory order), without "." and "..".
    public static func names(_ handle: OpaquePointer) -> [String] {
        var names: [String] = []
        forEachName(handle) { name, _ in names.append(String(decoding: name, as: UTF8.self)) }
        return names
    }

    /// The bytes and d_type of each name in an open directory stream but "." and "..", in
    /// directory order.
    private static func forEachName(_ handle: OpaquePointer, _ body: (Slice<UnsafeRawBufferPointer>, UInt8) -> Void) {
        let dot = UInt8(ascii: ".")
        while let entry = readdir(handle) {
            let type = entry.pointee.d_type
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = raw.prefix(while: { $0 != 0 })
                if name.first == dot && (name.count == 1 || (name.count == 2 && name.last == dot)) { return }
                body(name, type)
            }
        }
    }

    /// Creates `path` and its missing parents with `mode` (like mkdir -p; private by default).
    public static func makeAll(_ path: String, mode: mode_t = 0o700) throws(SystemError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, mode) != 0 && errno != EEXIST { throw .current }
            prefix += "/"
        }
    }

    /// Flushes a directory's entries; falls back to sync(2) when the directory cannot be opened
    /// for reading (a group member delivering into a shared outbox).
    public static func sync(_ directory: Int32) throws(SystemError) {
        let descriptor = Descriptor.retrying { openat(directory, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if descriptor < 0 {
            if errno == EACCES { Glibc.sync(); return }
            throw .current
        }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw .current }
    }
}
