import Foundation

/// The rows of a messages file scanned on a thread of their own, ahead of the thread that builds the messages
/// (``LinkedInMessages/forEachInOnePass(in:me:_:)``, when it reads a file).
///
/// The scan — finding the fields, unquoting them, numbering the people's values (``FieldInterner``) — was a
/// third of the reading thread of a million messages, which is the longest of an import's threads: the
/// importing thread beside it was idle a quarter of the time (`perf`). The scanning thread hands over bytes
/// alone, a batch at a time (``Batch``): no string or other counted reference crosses between the threads
/// (a string made on one thread and released on the other costs both: earlier attempts to move work off the
/// reading thread lost more than they gained that way). The thread that builds the messages makes the
/// strings, and replays each row into the ``NumberedMessageRow`` it reads, which then holds what the
/// scan on its own thread would have put there.
///
/// Measured (Benchmarks/README.md): the reading alone of a million messages, 2.7-3.2 s → 2.3-2.6 s; the whole
/// import on a machine of two cores, no change beyond its noise (those cores were already busy with the
/// reading and the importing thread), for 0.2-0.5 s more CPU time.
enum MessageRowScan {
    /// How many bytes a batch holds before it is handed over.
    static let batchBytes = 1 << 18
    /// For tests only: smaller batches, so that a small file makes many.
    @TaskLocal static var testBatchBytes: Int?

    /// Calls `body` with each record of `input` from `offset` (the first one, the header, too), in order, as
    /// ``CSVReader`` would with `row` as the sink; `row` must not have numbered a value yet. Stops when `body`
    /// says false.
    /// - Throws: ``ParseError`` as ``CSVReader`` throws it, after `body` had the records before it.
    static func forEachRecord(
        in input: CSVInput, from offset: Int, line: Int, layout: MessageLayout, into row: inout NumberedMessageRow,
        _ body: (NumberedMessageRow) -> Bool
    ) throws(ParseError) {
        let pipe = BatchPipe<UInt8, Result<Void, ParseError>>()
        let numbered = NumberedMessageRow.numberedColumns(layout)
        let wanted = layout.wanted
        let limits = row.internerLimits
        let batchBytes = testBatchBytes ?? batchBytes
        Thread {
            let batch = Batch(pipe.emptyBatch(capacity: batchBytes + batchBytes / 4))
            var writer = Writer(
                numbered: numbered,
                interner: FieldInterner(capacity: limits.capacity, byteCapacity: limits.bytes, makesStrings: false),
                batch: batch)
            let outcome = Result { () throws(ParseError) in
                try CSVReader.forEachRecord(in: input, from: offset, line: line, wanted: wanted, into: &writer) {
                    writer in
                    writer.commit()
                    return pipe.sendWhenFull(&batch.bytes, size: batchBytes, capacity: batchBytes + batchBytes / 4)
                }
            }
            pipe.finish(last: batch.bytes, outcome)
        }.start()
        var stopped = false
        let outcome = pipe.drain { batch in
            stopped = !replay(batch, into: &row, body)
            return !stopped
        }
        // The scan may have gone on past where `body` stopped, and found a problem there: not the reader's.
        if !stopped { try outcome.get() }
    }

    /// What a batch holds, one item after another, each starting with its kind: a value newly numbered (its
    /// number the next one; then its length and bytes), or a record (its line, its field count, then each field:
    /// a value's number, or text with its length and bytes, or a field not wanted). A value numbered while
    /// reading a record that the scan reads again from its start (it ran past the end of a block) stays.
    private enum Item: UInt8 {
        case value, record, numbered, text, skipped
    }

    /// The batch the scanning thread is writing: a class, so that the scan's callback, which has the sink as
    /// a value, writes the record the sink holds into it.
    private final class Batch {
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// The scanning thread's sink: each record's fields, then the whole record when it is complete
    /// (``commit()``), written into the batch.
    private struct Writer: CSVFieldSink {
        let numbered: [Bool]
        var interner: FieldInterner
        let batch: Batch
        private var fields: [UInt8] = []
        private var line = 0
        private(set) var fieldCount = 0

        init(numbered: [Bool], interner: FieldInterner, batch: Batch) {
            self.numbered = numbered
            self.interner = interner
            self.batch = batch
        }

        mutating func startRecord(line: Int) {
            self.line = line
            fields.removeAll(keepingCapacity: true)
            fieldCount = 0
        }

        mutating func appendField(_ bytes: UnsafeBufferPointer<UInt8>, inInput: Bool) {
            let known = interner.count
            if fieldCount < numbered.count && numbered[fieldCount], let number = interner.intern(bytes) {
                if Int(number) == known {
                    batch.bytes.append(Item.value.rawValue)
                    append(UInt32(bytes.count), to: &batch.bytes)
                    batch.bytes.append(contentsOf: bytes)
                }
                fields.append(Item.numbered.rawValue)
                append(UInt32(bitPattern: number), to: &fields)
            } else {
                fields.append(Item.text.rawValue)
                append(UInt32(bytes.count), to: &fields)
                fields.append(contentsOf: bytes)
            }
            fieldCount += 1
        }

        mutating func appendSkipped() {
            fields.append(Item.skipped.rawValue)
            fieldCount += 1
        }

        /// Writes the record read into the batch.
        func commit() {
            batch.bytes.append(Item.record.rawValue)
            append(UInt64(line), to: &batch.bytes)
            append(UInt32(fieldCount), to: &batch.bytes)
            batch.bytes.append(contentsOf: fields)
        }

        private func append(_ value: some FixedWidthInteger, to bytes: inout [UInt8]) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    /// Reads `batch` (``Writer``): each value into `row`'s strings, each record into `row`, then `body`.
    /// False when `body` said stop.
    private static func replay(
        _ batch: [UInt8], into row: inout NumberedMessageRow, _ body: (NumberedMessageRow) -> Bool
    ) -> Bool {
        batch.withUnsafeBufferPointer { p in
            var at = 0
            func number<N: FixedWidthInteger>(_: N.Type = UInt32.self) -> N {
                defer { at += MemoryLayout<N>.size }
                return N(littleEndian: UnsafeRawPointer(p.baseAddress! + at).loadUnaligned(as: N.self))
            }
            func text() -> UnsafeBufferPointer<UInt8> {
                let count = Int(number())
                defer { at += count }
                return UnsafeBufferPointer(rebasing: p[at..<at + count])
            }
            while at < p.count {
                let item = Item(rawValue: p[at])
                at += 1
                switch item {
                case .value: row.strings.append(String(decoding: text(), as: UTF8.self))
                case .record:
                    row.startRecord(line: Int(number(UInt64.self)))
                    for _ in 0..<number() {
                        let field = Item(rawValue: p[at])
                        at += 1
                        switch field {
                        case .numbered: row.appendNumbered(Int32(bitPattern: number()))
                        case .text: row.appendText(text(), inInput: false)
                        case .skipped: row.appendSkipped()
                        default: preconditionFailure("a record holds numbered, text and skipped fields")
                        }
                    }
                    guard body(row) else { return false }
                default: preconditionFailure("a batch holds values and records")
                }
            }
            return true
        }
    }
}
