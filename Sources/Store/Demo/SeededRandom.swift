/// A small deterministic generator for the demo seeders: the demo must look the same on every machine.
package struct SeededRandom: Sendable {
    private var state: UInt64
    package init(seed: UInt64) { state = seed &* 6364136223846793005 &+ 1442695040888963407 }

    /// A number in 0..<bound.
    package mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }
}
