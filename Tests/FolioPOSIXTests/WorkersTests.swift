import Testing
import FolioPOSIX

@Suite struct WorkersTests {
    /// Each index runs exactly once, whatever the number of threads, and forEach returns
    /// only when all have.
    @Test(arguments: [1, 2, 3, 8])
    func everyIndexRunsOnce(threads: Int) {
        for count in [0, 1, 5, 1_000] {
            var runs = [Int](repeating: 0, count: count)
            runs.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                Workers.forEach(count, threads: threads) { slots[$0] += 1 }
            }
            #expect(runs == [Int](repeating: 1, count: count), "\(count) indices on \(threads) threads")
        }
    }

    @Test func availableIsWithinItsBounds() {
        #expect((1...Workers.maxThreads).contains(Workers.available))
    }
}
