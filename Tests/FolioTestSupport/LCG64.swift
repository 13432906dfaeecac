/// The tests' small generator for random cases (a 64-bit LCG, its high bits taken): the same
/// sequence on every run, so a failure replays from its seed. (`SplitMix64` is the one for
/// `RandomNumberGenerator` APIs.)
public struct LCG64 {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    /// A number in 0 ..< bound.
    public mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}
