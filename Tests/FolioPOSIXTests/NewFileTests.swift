import Glibc
import Testing
import FolioPOSIX
import FolioTestSupport

@Suite struct NewFileTests {
    @Test func createsOnlyWhereNothingIs() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        try NewFile.create(scratch.file("a"), Array("hello\n".utf8))
        #expect(try WholeFile.read(scratch.file("a"), limit: 100).get() == Array("hello\n".utf8))
        #expect(try FileStatus.of(scratch.file("a")).get().st_mode & 0o133 == 0)   // 0644 at most
        // A second create never touches the first file.
        #expect(throws: SystemError(EEXIST)) { try NewFile.create(scratch.file("a"), Array("other".utf8)) }
        #expect(try WholeFile.read(scratch.file("a"), limit: 100).get() == Array("hello\n".utf8))
    }

    @Test func neverFollowsOrReplacesASymlink() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        #expect(symlink(scratch.file("target"), scratch.file("dangling")) == 0)
        #expect(throws: SystemError(EEXIST)) { try NewFile.create(scratch.file("dangling"), Array("x".utf8)) }
        #expect(FileStatus.kind(scratch.file("target")) == .missing)
        #expect(NewFile.exists(scratch.file("dangling")) == .success(true))
        #expect(NewFile.exists(scratch.file("absent")) == .success(false))
        scratch.write("plain", count: 1)
        #expect(NewFile.exists(scratch.file("plain/under")) == .failure(SystemError(ENOTDIR)))
    }
}
