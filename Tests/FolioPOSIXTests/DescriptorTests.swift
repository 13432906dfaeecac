import Glibc
import Testing
import FolioPOSIX
import FolioTestSupport

/// Signals the writer child saw while `writeAll` ran (set by the handler, read in the child only).
nonisolated(unsafe) private var interruptions: Int32 = 0

@Suite struct DescriptorTests {
    /// A child writes 1 MiB into a pipe (64 KiB deep) with one `writeAll`, while the parent reads
    /// it 4 KiB at a time and sends SIGUSR1 after each read. The handler is installed without
    /// SA_RESTART, so each signal ends the blocked write(2) early: with a short count when some
    /// bytes went through, with EINTR when none did. Every byte must still arrive, once, in order.
    @Test func writeAllSurvivesShortWritesAndEINTR() throws {
        let payload = pattern(1 << 20)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        // Keep SIGUSR1 blocked across fork until the child has its handler, so an early signal
        // cannot kill it.
        var usr1 = sigset_t(), previous = sigset_t()
        sigemptyset(&usr1)
        sigaddset(&usr1, SIGUSR1)
        pthread_sigmask(SIG_BLOCK, &usr1, &previous)
        let child = fork()
        if child == 0 {
            close(ends[0])
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in interruptions += 1 }
            action.sa_flags = 0   // no SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(SIGUSR1, &action, nil)
            pthread_sigmask(SIG_UNBLOCK, &usr1, nil)
            do {
                try Descriptor.writeAll(ends[1], payload)
            } catch {
                _exit(1)
            }
            _exit(interruptions > 0 ? 0 : 2)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        close(ends[1])
        #expect(child > 0)
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(ends[0], $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            received += chunk[..<count]
            kill(child, SIGUSR1)
        }
        close(ends[0])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        #expect(status & 0x7F == 0, "the writer died of signal \(status & 0x7F)")
        #expect((status >> 8) & 0xFF == 0, "1: writeAll threw; 2: no signal reached the writer")
        #expect(received.count == payload.count)
        #expect(received == payload)
    }

    @Test func writeAllAtAnOffsetLeavesTheFileOffsetAlone() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let descriptor = open(scratch.write("file", count: 8), O_RDWR)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        try Descriptor.writeAll(descriptor, Array("ab".utf8), offset: 3)
        #expect(lseek(descriptor, 0, SEEK_CUR) == 0)
        #expect(try Descriptor.readAll(descriptor, limit: 8) == Array("xxxabxxx".utf8))
    }

    @Test func writeAllReportsErrno() {
        // -1, never a closed descriptor: another test running in parallel may reuse its number.
        #expect(throws: SystemError(EBADF)) { try Descriptor.writeAll(-1, [1, 2, 3]) }
    }

    @Test func readAllStopsOneByteOverTheLimit() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let path = scratch.write("file", count: 100_000)
        for (limit, fits) in [(100_000, true), (99_999, false), (70_000, false)] {
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            if fits {
                #expect(try Descriptor.readAll(descriptor, limit: limit).count == 100_000)
            } else {
                #expect(throws: ReadFailure.tooLarge(limit: limit, size: nil)) {
                    try Descriptor.readAll(descriptor, limit: limit)
                }
                // It read no further than the limit and one byte.
                #expect(lseek(descriptor, 0, SEEK_CUR) == limit + 1)
            }
        }
    }

    @Test func readUpToGivesAPrefix() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let descriptor = open(scratch.write("file", count: 200_000), O_RDONLY)
        defer { close(descriptor) }
        #expect(try Descriptor.read(descriptor, upTo: 70_000).count == 70_000)
        #expect(try Descriptor.read(descriptor, upTo: 1_000_000).count == 130_000)
    }

    // MARK: Reads sized by fstat

    /// A non-blocking pipe holding 5 bytes with its writer still open: a second read would fail
    /// with EAGAIN, so getting the bytes back shows that the one read of 5 + 1 was the end.
    @Test func aSizedReadEndsAtTheSizeWithoutASecondRead() throws {
        let (reader, writer) = Self.pipePair()
        defer { close(reader); close(writer) }
        _ = fcntl(reader, F_SETFL, O_NONBLOCK)
        try Descriptor.writeAll(writer, [1, 2, 3, 4, 5])
        #expect(try Descriptor.read(reader, upTo: 100, expected: 5) == [1, 2, 3, 4, 5])
        // Without a size the read looks for the end, and finds none yet.
        try Descriptor.writeAll(writer, [6])
        #expect(throws: SystemError(EAGAIN)) { try Descriptor.read(reader, upTo: 100) }
    }

    @Test func aFileThatGrewOrShrankSinceItsSizeIsReadToItsEnd() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let bytes = pattern(10_000)
        let path = scratch.write("file", bytes: bytes)
        for expected in [0, 4, 9_999, 10_001, 20_000] {
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            #expect(try Descriptor.read(descriptor, upTo: 1_000_000, expected: expected) == bytes, "fstat said \(expected)")
        }
        let empty = open(scratch.write("empty", count: 0), O_RDONLY)
        defer { close(empty) }
        #expect(try Descriptor.readAll(empty, limit: 0, expected: 0) == [])
    }

    @Test func aSizedReadKeepsTheCap() throws {
        let scratch = TempDir()
        defer { scratch.remove() }
        let path = scratch.write("file", bytes: pattern(4_096))
        // Exactly at the cap.
        let atCap = open(path, O_RDONLY)
        defer { close(atCap) }
        #expect(try Descriptor.readAll(atCap, limit: 4_096, expected: 4_096) == pattern(4_096))
        // Over the cap although fstat said it fitted (it grew meanwhile): refused, reading no
        // further than the cap and one byte.
        for (limit, expected) in [(4_095, 4_095), (4_000, 100), (4_095, 0)] {
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            #expect(throws: ReadFailure.tooLarge(limit: limit, size: nil)) {
                try Descriptor.readAll(descriptor, limit: limit, expected: expected)
            }
            #expect(lseek(descriptor, 0, SEEK_CUR) == limit + 1)
        }
    }

    // MARK: Writes with a deadline (a pipe to a child that may stop reading)

    /// A non-blocking pipe: (read end, write end).
    static func pipePair() -> (Int32, Int32) {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0)
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        return (ends[0], ends[1])
    }

    @Test func aDeadlineWriteDeliversEverythingWhileThereIsRoom() {
        let (reader, writer) = Self.pipePair()
        defer { close(reader) }
        let payload = pattern(10_000)
        var clock: Int64 = 0
        #expect(Descriptor.write(writer, payload, deadline: 1_000, now: { clock += 1; return clock }, chunk: 3_000) == .written)
        close(writer)
        #expect((try? Descriptor.read(reader, upTo: 20_000)) == payload)
    }

    @Test func aReaderThatStopsReadingCostsOnlyTheDeadline() {
        // Nobody reads: the pipe fills (64 KiB on Linux) and the write gives up at the deadline.
        let (reader, writer) = Self.pipePair()
        defer { close(reader); close(writer) }
        var clock: Int64 = 0
        let outcome = Descriptor.write(writer, pattern(1 << 20), deadline: 5, now: { clock += 1; return clock })
        guard case .timedOut(let written) = outcome else { Issue.record("\(outcome)"); return }
        #expect(written > 0 && written < 1 << 20)
        #expect(clock >= 5)
    }

    @Test func aReaderThatLeftEndsTheWriteWithEPIPE() {
        signal(SIGPIPE, SIG_IGN)   // as ChildProcess does before writing to a child
        let (reader, writer) = Self.pipePair()
        close(reader)
        defer { close(writer) }
        #expect(Descriptor.write(writer, pattern(100), deadline: .max, now: { 0 })
                == .failed(SystemError(EPIPE), written: 0))
    }
}
