import FolioCore
import FolioOutbox
import FolioSession
import FolioTerminal
import FolioTestSupport
import Testing

/// Issue 11's combined fuzz: random bytes (and pieces of every sequence the decoder knows),
/// hang-ups at random points and claimed window sizes up to 65535×65535, in one seeded run
/// through the real decoder and the real loop. It checks what must always hold (no crash,
/// no frame larger than the clamp, the draft saved on every way out) and prints its figures
/// (never asserted: speed and memory are for the benchmarks).
@Suite struct HostileFuzzTests {
    /// Bytes from the generator, on its own clock; after a hang-up, a hang-up for ever.
    final class RandomBytes: ByteSource {
        var rng: SplitMix64
        private(set) var now: Int64 = 1_000_000
        private(set) var bytes = 0
        private var hungUp = false
        /// Roughly one read in `hangupOdds` hangs up.
        let hangupOdds: UInt64

        init(rng: SplitMix64, hangupOdds: UInt64) { self.rng = rng; self.hangupOdds = hangupOdds }

        func read(timeoutMs: Int32, watching: [Int32]) -> ByteRead {
            if hungUp { return .hangup }
            if rng.next() % hangupOdds == 0 { hungUp = true; return .hangup }
            switch rng.next() % 10 {
            case 0:   // quiet: the wait passes (at most a second of it)
                now += timeoutMs < 0 ? 1_000 : min(Int64(timeoutMs), 1_000)
                return .timeout
            case 1:
                return .interrupted
            default:
                var chunk: [UInt8] = []
                for _ in 0..<(1 + rng.next() % 4) { chunk += piece() }
                bytes += chunk.count
                now += Int64(rng.next() % 30)
                return .bytes(chunk)
            }
        }

        /// Random bytes, printable text, or the start, end or middle of a known sequence.
        private func piece() -> [UInt8] {
            switch rng.next() % 6 {
            case 0:
                return (0..<(1 + rng.next() % 12)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            case 1:   // printable, without q (which would end most visits early)
                return (0..<(1 + rng.next() % 12)).map { _ in
                    let byte = UInt8(32 + rng.next() % 95)
                    return byte == UInt8(ascii: "q") ? UInt8(ascii: "j") : byte
                }
            case 2:
                return Array((rng.next() % 2 == 0 ? "\u{1B}[200~" : "\u{1B}[201~").utf8)
            case 3:
                let big = { String(self.rng.next() % 70_000) }
                return Array("\u{1B}[<\(rng.next() % 70);\(big());\(big())\(rng.next() % 2 == 0 ? "M" : "m")".utf8)
            default:
                let known = InputLoopTests.inputs[Int(rng.next() % UInt64(InputLoopTests.inputs.count))].bytes
                let from = Int(rng.next() % UInt64(known.count))
                let to = from + 1 + Int(rng.next() % UInt64(known.count - from))
                return rng.next() % 3 == 0 ? Array(known[from..<to]) : known
            }
        }
    }

    /// The tty as folio sees it: decoded bytes, and now and then a window change to a claimed
    /// size (anything up to 65535×65535), clamped as `TerminalBackend` clamps it.
    final class HostileTerminal: Terminal {
        let source: RandomBytes
        let reader: InputReader
        private(set) var width: Int
        private(set) var height: Int
        private(set) var keys = 0, resizes = 0, frames = 0, oversized = 0, wrongSize = 0
        private(set) var largest = WindowSize(width: 0, height: 0)

        init(source: RandomBytes) {
            self.source = source
            reader = InputReader(source: source, now: { source.now })
            (width, height) = (80, 24)
        }

        func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
            frames += 1
            if buffer.width > WindowSize.max.width || buffer.height > WindowSize.max.height { oversized += 1 }
            if buffer.width != width || buffer.height != height { wrongSize += 1 }
            largest = WindowSize(width: max(largest.width, buffer.width), height: max(largest.height, buffer.height))
        }

        /// Reads left before a claim past the clamp gives way to an ordinary size again (a
        /// frame at the clamp is 150,000 cells; a few of them test it, thousands only cost time).
        private var atClampFor = 0

        func read(timeoutMs: Int32, watching: [Int32]) -> TerminalInput {
            let huge = source.rng.next() % 40 == 0
            atClampFor -= 1
            if huge || atClampFor == 0 || source.rng.next() % 40 == 0 {
                let claimed = huge ? WindowSize(width: claimHuge(), height: claimHuge())
                                   : WindowSize(width: Int(source.rng.next() % 200), height: Int(source.rng.next() % 70))
                if huge { atClampFor = 1 + Int(source.rng.next() % 4) }
                (width, height) = (claimed.clamped.width, claimed.clamped.height)
                resizes += 1
                return .key(.resize(width: width, height: height))
            }
            let input = reader.read(timeoutMs: timeoutMs, watching: watching)
            if case .key = input { keys += 1 }
            return input
        }

        /// Up to 65535, half of the time past the clamp.
        private func claimHuge() -> Int {
            source.rng.next() % 2 == 0 ? 500 + Int(source.rng.next() % 65_036) : Int(source.rng.next() % 65_536)
        }

        func invalidate() {}
        func suspend() {}
        func send(_ control: TerminalControl) {}
    }

    /// A draft store in memory, as `ComposerWiring` would keep it on disk.
    final class DraftBox {
        var saved: Enquiry?
        func perform(_ effect: Effect) -> Action? {
            switch effect {
            case .saveDraft(let enquiry): saved = enquiry; return .draft(.saved(at: "12:00"))
            case .discardDraft: saved = nil; return .draft(.discarded)
            case .send: return .sendFinished(.failed(reason: "no outbox in the fuzz"))
            default: return nil
            }
        }
    }

    @Test func randomBytesHangUpsAndHugeWindowsInOneRun() {
        var rng = SplitMix64(seed: 0x0011_F022)
        var (sessions, hangups, quits, keys, resizes, frames, bytes) = (0, 0, 0, 0, 0, 0, 0)
        var largest = WindowSize(width: 0, height: 0)
        for session in 0..<50 {
            let source = RandomBytes(rng: SplitMix64(seed: rng.next()), hangupOdds: 20 + rng.next() % 100)
            let terminal = HostileTerminal(source: source)
            let box = DraftBox()
            var state = AppState(portfolio: LoopFixture.portfolio, width: 80, height: 24)
            if session % 2 == 0 { _ = update(&state, .openContact) }   // half the visits type into the form
            var loop = BrowserLoop()
            loop.now = { source.now }
            loop.perform = box.perform
            let reason = loop.run(&state, on: terminal)
            // What `folio browse` does on every way out: save what the draft lacks.
            _ = state.composer.draftOnExit(after: state.composer.draftEffect.flatMap(box.perform))

            #expect(reason == .hangup || reason == .quit, "session \(session): \(reason)")
            #expect(terminal.oversized == 0 && terminal.wrongSize == 0, "session \(session)")
            #expect((state.width, state.height) == (terminal.width, terminal.height), "session \(session)")
            #expect(box.saved == (state.composer.isBlank ? nil : state.composer.enquiry),
                    "session \(session): the draft on the way out is not the form")
            sessions += 1
            if reason == .hangup { hangups += 1 } else { quits += 1 }
            keys += terminal.keys; resizes += terminal.resizes; frames += terminal.frames; bytes += source.bytes
            largest = WindowSize(width: max(largest.width, terminal.largest.width),
                                 height: max(largest.height, terminal.largest.height))
        }
        #expect(hangups * 2 > sessions)   // most visits end in a hang-up, not by typing q
        #expect(largest == WindowSize.max)   // the claims did reach past the clamp
        print("hostile fuzz: \(sessions) sessions, \(bytes) bytes, \(keys) keys decoded, \(resizes) resizes "
              + "(largest frame \(largest.width)×\(largest.height)), \(frames) frames, \(hangups) hang-ups survived, "
              + "\(quits) quit by a typed q; peak RSS (VmHWM) \(peakResidentKiB()) KiB")
    }
}
