import Foundation

/// Hands batches from one thread to another, holding at most a few in flight so memory stays flat: the export
/// reads rows on one core while it renders and writes on the other.
final class BatchPipe<Element: Sendable>: @unchecked Sendable {
    private var batches: [[Element]] = []
    private var closed = false
    private let condition = NSCondition()
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = capacity }

    func send(_ batch: [Element]) {
        condition.lock()
        while batches.count >= capacity && !closed { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil once the sender closed the pipe and everything was taken.
    func receive() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }
}
