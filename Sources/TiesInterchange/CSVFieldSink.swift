/// Where ``CSVReader``'s scan puts the fields of the record it is reading.
protocol CSVFieldSink {
    /// The fields of the current record so far.
    var fieldCount: Int { get }
    /// Starts a record on `line`, forgetting the previous one.
    mutating func startRecord(line: Int)
    /// Adds a field: its bytes, unquoted. `inInput` says they are a slice of the input, valid until the scan
    /// returns; otherwise (a field whose doubled quotes were made single in a buffer) only during the call.
    mutating func appendField(_ bytes: UnsafeBufferPointer<UInt8>, inInput: Bool)
    /// Adds a field the reader does not want, without decoding it (see ``CSVReader/ScanState/wanted``).
    mutating func appendSkipped()
}

extension CSVRecord: CSVFieldSink {
    var fieldCount: Int { fields.count }

    mutating func startRecord(line: Int) {
        self.line = line
        fields.removeAll(keepingCapacity: true)
    }

    mutating func appendField(_ bytes: UnsafeBufferPointer<UInt8>, inInput: Bool) {
        fields.append(String(decoding: bytes, as: UTF8.self))
    }

    mutating func appendSkipped() { fields.append("") }
}

/// A record's fields as bytes, read where they lie in the input (fields with doubled quotes are copied, made
/// single, into a buffer the next record reuses): a reader that parses numbers and the names of a few values
/// straight from bytes makes strings only of the fields it keeps as text. `ties import csv` of a million
/// interactions spent 0.2 s of 4 making strings of numbers, kinds and yes/no, then parsing them (`perf`).
///
/// Valid only while the scan that fills it runs: it points into the scan's input.
struct CSVFieldBytes: CSVFieldSink {
    private(set) var line = 0
    /// Each field: its first byte in the input, or nil for a field whose bytes are in `copies` from `offset`.
    private var fields: [(start: UnsafePointer<UInt8>?, offset: Int, count: Int)] = []
    private var copies: [UInt8] = []

    var fieldCount: Int { fields.count }

    mutating func startRecord(line: Int) {
        self.line = line
        fields.removeAll(keepingCapacity: true)
        copies.removeAll(keepingCapacity: true)
    }

    mutating func appendField(_ bytes: UnsafeBufferPointer<UInt8>, inInput: Bool) {
        if inInput {
            fields.append((bytes.baseAddress, 0, bytes.count))
        } else {
            fields.append((nil, copies.count, bytes.count))
            copies.append(contentsOf: bytes)
        }
    }

    mutating func appendSkipped() { fields.append((nil, copies.count, 0)) }

    /// `body` of field `index`'s bytes.
    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let field = fields[index]
        if let start = field.start { return body(UnsafeBufferPointer(start: start, count: field.count)) }
        return copies.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[field.offset..<field.offset + field.count]))
        }
    }

    /// Field `index` as a string, as ``CSVRecord`` holds it.
    func string(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The record with its fields as strings.
    var record: CSVRecord {
        CSVRecord(line: line, fields: (0..<fieldCount).map(string))
    }
}
