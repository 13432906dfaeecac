import Glibc
import Testing
import FolioPOSIX
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
