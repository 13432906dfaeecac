import Glibc
import Testing
import FolioPOSIX
import FolioTestSupport

@Suite struct WholeFileTests {
    @Test func readsUpToTheCapAndRefusesOneByteMore() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let atCap = scratch.write("at-cap", count: 4096)
        let over = scratch.write("over", count: 4097)
        #expect(try WholeFile.read(atCap, limit: 4096).get().count == 4096)
        #expect(WholeFile.read(over, limit: 4096) == .failure(.tooLarge(limit: 4096, size: 4097)))
        #expect(WholeFile.read(scratch.write("empty", count: 0), limit: 0) == .success([]))
    }

    @Test func refusesWhatIsNotARegularFile() {
        let scratch = TempDir()
        defer { scratch.remove() }
        #expect(WholeFile.read(scratch.file("absent"), limit: 10) == .failure(.missing))
        #expect(WholeFile.read(scratch.path, limit: 10) == .failure(.directory))
        // A FIFO with no writer: opened without blocking, then refused unread.
        #expect(mkfifo(scratch.file("fifo"), 0o600) == 0)
        #expect(WholeFile.read(scratch.file("fifo"), limit: 10) == .failure(.notRegular))
        #expect(WholeFile.read("/dev/zero", limit: 10) == .failure(.notRegular))
    }

    /// A file the listing called regular is read before any fstat: the same bytes and the
    /// same failures, whether it fits in the first read, fills it exactly or is larger.
    @Test(arguments: [0, 1, 4_000, WholeFile.firstRead - 1, WholeFile.firstRead, WholeFile.firstRead + 1, 200_000])
    func aListedRegularFileReadsAsAnyOther(size: Int) throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let path = scratch.write("page", bytes: (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        for limit in [size, size + 1, 1 << 20] {
            let listed = WholeFile.read(path, limit: limit, listedRegular: true)
            #expect(listed == WholeFile.read(path, limit: limit), "\(size) bytes, limit \(limit)")
            #expect(try listed.get().count == size)
        }
        if size > 0 {
            #expect(WholeFile.read(path, limit: size - 1, listedRegular: true) == .failure(.tooLarge(limit: size - 1, size: size)))
        }
    }

    /// What another kind of file swapped in after the listing reads as: a directory is
    /// refused, a FIFO with no writer reads as empty at once (no hang), a device is refused
    /// after its first read fills up (the cap bounds that read).
    @Test func aListedRegularFileSwappedForAnotherKind() {
        let scratch = TempDir()
        defer { scratch.remove() }
        #expect(WholeFile.read(scratch.path, limit: 10, listedRegular: true) == .failure(.directory))
        #expect(mkfifo(scratch.file("fifo"), 0o600) == 0)
        #expect(WholeFile.read(scratch.file("fifo"), limit: 10, listedRegular: true) == .success([]))
        #expect(WholeFile.read("/dev/zero", limit: 10, listedRegular: true) == .failure(.notRegular))
        #expect(WholeFile.read(scratch.file("absent"), limit: 10, listedRegular: true) == .failure(.missing))
    }

    @Test func symlinksAreFollowedOnlyWhenAsked() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let target = scratch.write("target", count: 3)
        #expect(symlink(target, scratch.file("link")) == 0)
        #expect(try WholeFile.read(scratch.file("link"), limit: 10).get().count == 3)
        #expect(WholeFile.read(scratch.file("link"), limit: 10, followSymlinks: false) == .failure(.system(SystemError(ELOOP))))
    }

    @Test func readsRelativeToADirectoryDescriptor() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        scratch.write("inside", count: 5)
        let directory = Directory.open(scratch.path, readable: true)
        #expect(directory >= 0)
        defer { close(directory) }
        #expect(try WholeFile.read("inside", limit: 10, in: directory).get().count == 5)
    }

    @Test func failuresReadAsWords() {
        #expect(ReadFailure.tooLarge(limit: 10, size: 11).description == "larger than 10 bytes")
        #expect(ReadFailure.system(SystemError(ENOENT)).description == "No such file or directory")
        #expect(SystemError(EACCES).description == "Permission denied")
    }
}
