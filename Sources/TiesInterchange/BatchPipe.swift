import Foundation

/// Hands batches of records from one thread that reads a file to the thread that consumes them, in order,
/// with at most `capacity` batches waiting, so that reading and storing a large file overlap on two cores.
///
/// The producer calls ``send(_:)`` for each batch (or ``sendWhenFull(_:size:capacity:)`` after each element it
/// adds), then ``finish(_:)`` with what it has to say at the end (`Outcome`: the problems it found, or its
/// result; ``finish(last:_:)`` sends its last batch first); the consumer calls ``receive()`` until it returns nil,
/// and ``cancel()`` when it stops early (the producer's next `send` then returns false).
final class BatchPipe<Element: Sendable, Outcome: Sendable>: @unchecked Sendable {
    // Every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var waiting: [[Element]] = []
    /// Batches the consumer has finished with, emptied by the producer: their elements are freed on the
    /// producer's thread (with its allocator arena) and their storage reused.
    private var returned: [[Element]] = []
    private var finished: Outcome?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// Queues a batch, waiting while `capacity` batches are queued. False when the consumer has cancelled.
    func send(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    /// The producer's step after adding to `batch`: once it holds `size` elements, it is queued and replaced by
    /// an empty one with room for `capacity` (`size` when nil). False when the consumer has cancelled.
    /// Inlined: it runs for every element, and most of the time only compares a count.
    @inline(__always)
    func sendWhenFull(_ batch: inout [Element], size: Int, capacity: Int? = nil) -> Bool {
        guard batch.count >= size else { return true }
        let sent = send(batch)
        batch = emptyBatch(capacity: capacity ?? size)
        return sent
    }

    /// The producer's last step: queues what `batch` still holds, then finishes with `outcome`.
    func finish(last batch: [Element], _ outcome: Outcome) {
        if !batch.isEmpty { _ = send(batch) }
        finish(outcome)
    }

    /// Says that no batch follows, with what the producer has to say at the end.
    func finish(_ outcome: Outcome) {
        condition.lock()
        defer { condition.unlock() }
        finished = outcome
        condition.broadcast()
    }

    /// The next batch, waiting for it; nil once the producer has finished and every batch was received.
    func receive() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && finished == nil { condition.wait() }
        if waiting.isEmpty { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Hands a received batch back, for the producer to empty and fill again (see ``emptyBatch(capacity:)``).
    /// Freeing a million records on the consuming thread took a tenth of its time in `ties import csv`,
    /// mostly in the allocator's lock for memory another thread allocated (`perf`).
    func recycle(_ batch: consuming [Element]) {
        condition.lock()
        defer { condition.unlock() }
        if returned.count <= capacity && !cancelled { returned.append(batch) }
    }

    /// An empty batch for the producer to fill: one handed back, emptied here, or a new one.
    func emptyBatch(capacity: Int) -> [Element] {
        condition.lock()
        var batch = returned.popLast()
        condition.unlock()
        if batch == nil { batch = [] }
        batch?.removeAll(keepingCapacity: true)
        batch?.reserveCapacity(capacity)
        return batch ?? []
    }

    /// Stops the producer at its next batch.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        waiting.removeAll()
        condition.broadcast()
    }

    /// The consumer's loop: calls `body` with each batch in turn, handing it back after (false stops the
    /// producer), then waits for what the producer reports at the end.
    func drain(_ body: ([Element]) -> Bool) -> Outcome {
        while let batch = receive() {
            guard body(batch) else {
                cancel()
                break
            }
            recycle(consume batch)
        }
        return outcome()
    }

    /// Waits until the producer has finished, then gives what it reported.
    func outcome() -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let finished { return finished }
            condition.wait()
        }
    }
}
