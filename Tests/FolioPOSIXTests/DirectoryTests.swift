import Glibc
import Testing
@testable import FolioPOSIX
import FolioTestSupport

@Suite struct DirectoryTests {
    @Test func makeAllCreatesMissingParentsPrivately() throws {
        let scratch = TempDir()
        defer { rmdir(scratch.file("a/b/c")); rmdir(scratch.file("a/b")); scratch.remove() }
        try Directory.makeAll(scratch.file("a/b/c"))
        try Directory.makeAll(scratch.file("a/b/c"))   // already there: fine
        #expect(FileStatus.kind(scratch.file("a/b/c")) == .directory)
        let info = try FileStatus.of(scratch.file("a/b")).get()
        #expect(info.st_mode & 0o077 == 0)   // 0700, whatever the umask takes away
        scratch.write("file", count: 1)
        #expect(throws: SystemError(ENOTDIR)) { try Directory.makeAll(scratch.file("file/sub")) }
    }

    @Test func listsSortedWithoutDotEntries() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        for name in ["b", "a", ".hidden"] { scratch.write(name, count: 0) }
        #expect(try Directory.list(scratch.path).get() == [".hidden", "a", "b"])
        #expect(Directory.list(scratch.file("absent")) == .failure(SystemError(ENOENT)))
    }

    /// Sorted as bytes when every name is ASCII: the same order as sorting the Strings.
    @Test func asciiListingIsStringOrder() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let names = ["b", "a", "ab", "a-b", "a_b", "A", "Z", "_x", "0", "9z", "a.md", "a.markdown", "..x", ".a", "~", "a b",
                     "payments-manufacturing-aaaa.md", "payments-manufacturing-aaab.md", "payments-manufacturing",
                     "payments-manufacturinG-z.md", "payments-manufacturing-aaaa.md-longer", "payments-manufacturing-aaa",
                     "payments-", "payments-manufacturing-aaaa.me", "payments-manufacturing-aaaa.mc"]
        for name in names { scratch.write(name, count: 0) }
        let listed = try Directory.list(scratch.path).get()
        #expect(listed == names.sorted())
        #expect(listed.first == "..x" && listed.last == "~")
    }

    /// Eight bytes at a time, the same answer as comparing byte by byte, whatever the lengths,
    /// the shared prefix and the bytes (high bits too).
    @Test func bytesPrecedeAsLexicographicOrder() {
        var random = LCG64(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<20_000 {
            let stem = (0..<next(24)).map { _ in UInt8(next(256)) }
            let x = stem + (0..<next(12)).map { _ in UInt8([0x61, 0x62, 0xFF, 0x00, 0x80][next(5)]) }
            let y = stem + (0..<next(12)).map { _ in UInt8([0x61, 0x62, 0xFF, 0x00, 0x80][next(5)]) }
            let fast = x.withUnsafeBufferPointer { a in
                y.withUnsafeBufferPointer { b in
                    Directory.bytesPrecede(a.baseAddress ?? UnsafePointer(bitPattern: 1)!, a.count,
                                           b.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.count)
                }
            }
            #expect(fast == x.lexicographicallyPrecedes(y), "\(x) \(y)")
        }
    }

    /// Any other name, and the folder is sorted as Strings: "é" composed and decomposed are
    /// one String, whose order is not their bytes'.
    @Test func nonASCIIListingIsStringOrder() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let names = ["f", "e\u{0301}x", "\u{00E9}", "ez", "Ω", "e", "zz", "caf\u{00E9}-a", "cafe\u{0301}-b", "café-c",
                     "\u{00DF}", "\u{02FF}", "\u{0300}", "a\u{0300}", "\u{00E0}", "x"]
        for name in names { scratch.write(name, count: 0) }
        let listed = try Directory.list(scratch.path).get()
        #expect(listed == names.sorted())
        #expect(listed != names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    /// A name that is not UTF-8 is repaired by String, so it is sorted as the String it became.
    @Test func invalidUTF8ListingIsStringOrder() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        for name in ["a", "b", "\u{FFFD}", "z"] { scratch.write(name, count: 0) }
        for bytes: [UInt8] in [[0x61, 0x80], [0x62, 0xC2], [0xC0, 0x80], [0x80]] {
            let path = Array(scratch.path.utf8) + [UInt8(ascii: "/")] + bytes + [0]
            let descriptor = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
            #expect(descriptor >= 0)
            close(descriptor)
        }
        let listed = try Directory.list(scratch.path).get()
        #expect(listed.count == 8)
        #expect(listed == listed.sorted())
    }

    /// The listing's word for each kind of entry; a symlink is unknown (a stat follows it).
    @Test func entriesSayWhatTheListingSays() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        scratch.write("file", count: 1)
        #expect(mkdir(scratch.file("dir"), 0o700) == 0)
        #expect(symlink(scratch.file("dir"), scratch.file("link")) == 0)
        #expect(mkfifo(scratch.file("fifo"), 0o600) == 0)
        let kinds = try Directory.entries(scratch.path).get()
        #expect(kinds.map(\.name) == ["dir", "fifo", "file", "link"])
        // tmpfs and ext4 fill d_type; a file system that does not says unknown for all.
        let said = kinds.map(\.kind)
        #expect(said == [.directory, .other, .regular, .unknown] || said.allSatisfy { $0 == .unknown })
        #expect(try Directory.list(scratch.path).get() == kinds.map(\.name))
        rmdir(scratch.file("dir"))
    }

    @Test func openRefusesASymlink() {
        let scratch = TempDir()
        defer { scratch.remove() }
        #expect(symlink(scratch.path, scratch.file("link")) == 0)
        let refused = Directory.open(scratch.file("link"))
        let code = errno
        #expect(refused == -1 && (code == ELOOP || code == ENOTDIR))   // O_PATH gives ENOTDIR
        let descriptor = Directory.open(scratch.path)
        #expect(descriptor >= 0)
        close(descriptor)
    }
}
