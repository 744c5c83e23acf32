import Testing

@testable import TiesInterchange

/// The hand-over between `ties import csv`'s reading thread and the thread that stores the records.
@Suite("Interchange: the batch pipe between the reader and the store")
struct BatchPipeTests {
    final class Probe: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test("batches arrive in order; a batch handed back is emptied by the producer and its storage reused")
    func recycling() {
        let pipe = BatchPipe<Probe, String>(capacity: 4)
        weak var first: Probe?
        do {
            let batch = (0..<3).map(Probe.init)
            first = batch[0]
            #expect(pipe.send(batch))
            #expect(pipe.send([Probe(3)]))
        }
        pipe.finish("done")
        var received: [Int] = []
        while let batch = pipe.receive() {
            received += batch.map(\.value)
            pipe.recycle(consume batch)
        }
        #expect(received == [0, 1, 2, 3])
        #expect(pipe.outcome() == "done")
        // The consumer let go of the records; the producer frees them when it takes the batch back.
        #expect(first != nil)
        let reused = pipe.emptyBatch(capacity: 100)
        #expect(reused.isEmpty && reused.capacity >= 100)
        let next = pipe.emptyBatch(capacity: 100)
        #expect(next.isEmpty && next.capacity >= 100)
        _ = pipe.emptyBatch(capacity: 1)  // nothing left to reuse: a new one
        #expect(first == nil)
    }

    @Test("after a cancel nothing is kept for reuse and sending fails")
    func cancelled() {
        let pipe = BatchPipe<Probe, String>(capacity: 2)
        #expect(pipe.send([Probe(1)]))
        pipe.cancel()
        pipe.recycle([Probe(2)])
        #expect(pipe.emptyBatch(capacity: 4).isEmpty)
        #expect(!pipe.send([Probe(3)]))
    }
}
