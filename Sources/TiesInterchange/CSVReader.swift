import Foundation

/// One CSV record: its fields, and the line of the file on which it starts.
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based line on which the record starts (a quoted field with newlines makes a record span lines).
    public var line: Int
    /// The fields, unquoted, with doubled quotes made single.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A fast RFC 4180 CSV reader over bytes.
///
/// - A UTF-8 byte-order mark at the start is skipped.
/// - Records end with CRLF, LF or a lone CR; any mix is accepted, and each counts as one line.
/// - A field that starts with `"` is quoted: it runs to the next `"` that is not doubled, and may hold
///   commas, doubled quotes and line breaks (kept as written). A quote that never closes is an error
///   naming the line and column where the field started.
/// - Leniencies, as in Python's `csv` module: a `"` inside an unquoted field is kept as a character, and
///   characters after a closing quote (before the next comma) are appended to the field.
/// - Blank lines (no characters at all between line breaks) are skipped: they are not records.
/// - Fields are decoded as UTF-8; invalid bytes become U+FFFD.
///
/// The reader is a byte-level state machine: unquoted fields, and quoted fields without doubled quotes,
/// become strings straight from a slice of the input; only fields with doubled quotes are copied first.
///
/// ```swift
/// let records = try CSVReader.records(in: bytes)
/// try CSVReader.forEachRecord(in: bytes) { record in print(record.line, record.fields); return true }
/// ```
public enum CSVReader {
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D

    /// Every record in `bytes`, in order.
    /// - Throws: ``ParseError`` when a quoted field never closes.
    public static func records(in bytes: [UInt8]) throws(ParseError) -> [CSVRecord] {
        var out: [CSVRecord] = []
        try forEachRecord(in: bytes) { record in
            out.append(record)
            return true
        }
        return out
    }

    /// Every record in `data`, in order.
    /// - Throws: ``ParseError`` when a quoted field never closes.
    public static func records(in data: Data) throws(ParseError) -> [CSVRecord] {
        var out: [CSVRecord] = []
        try forEachRecord(in: data) { record in
            out.append(record)
            return true
        }
        return out
    }

    /// Every record in `text`, in order.
    /// - Throws: ``ParseError`` when a quoted field never closes.
    public static func records(in text: String) throws(ParseError) -> [CSVRecord] {
        try records(in: Array(text.utf8))
    }

    /// Calls `body` with each record in turn, without collecting them; `body` returns false to stop.
    ///
    /// The record passed to `body` is reused for the next one, so keep a copy (an ordinary assignment)
    /// only of what you need.
    ///
    /// - Parameters:
    ///   - offset: where in `bytes` to start (a byte-order mark is only skipped at offset 0).
    ///   - line: the line number of the byte at `offset`.
    /// - Throws: ``ParseError`` when a quoted field never closes, or whatever `body` throws.
    public static func forEachRecord(
        in bytes: [UInt8], from offset: Int = 0, line: Int = 1,
        _ body: (CSVRecord) throws(ParseError) -> Bool
    ) throws(ParseError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(ParseError) in
            try scan(buffer, from: offset, line: line, body)
        }
    }

    /// Calls `body` with each record in `data` in turn, as the `[UInt8]` form does.
    public static func forEachRecord(
        in data: Data, from offset: Int = 0, line: Int = 1,
        _ body: (CSVRecord) throws(ParseError) -> Bool
    ) throws(ParseError) {
        let result: Result<Void, ParseError> = data.withUnsafeBytes { raw in
            do throws(ParseError) {
                try scan(raw.bindMemory(to: UInt8.self), from: offset, line: line, body)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Calls `body` with each record in `bytes` in turn, its fields put into `record` (see
    /// ``CSVFieldBytes``), as ``forEachRecord(in:from:line:_:)-([UInt8],_,_,_)`` does.
    static func forEachRecord<Sink: CSVFieldSink>(
        in bytes: [UInt8], into record: inout Sink, _ body: (Sink) throws(ParseError) -> Bool
    ) throws(ParseError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(ParseError) in
            try scan(buffer, from: 0, line: 1, into: &record, body)
        }
    }

    /// The state machine over the whole input `p`, from `offset`.
    static func scan(
        _ p: UnsafeBufferPointer<UInt8>, from offset: Int, line startLine: Int,
        _ body: (CSVRecord) throws(ParseError) -> Bool
    ) throws(ParseError) {
        var record = CSVRecord(line: startLine, fields: [])
        try scan(p, from: offset, line: startLine, into: &record, body)
    }

    static func scan<Sink: CSVFieldSink>(
        _ p: UnsafeBufferPointer<UInt8>, from offset: Int, line startLine: Int, into record: inout Sink,
        _ body: (Sink) throws(ParseError) -> Bool
    ) throws(ParseError) {
        var state = ScanState(line: startLine)
        var i = max(0, offset)
        if i == 0 && p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        _ = try scan(p, from: i, final: true, state: &state, into: &record, body)
    }

    /// Where a scan stands between two blocks of a file: the line of the next byte, the records read so far,
    /// and which fields to decode.
    struct ScanState {
        var line: Int
        var records = 0
        /// Fields whose index is false here are passed as empty strings, without being decoded (a reader that
        /// needs a few columns of a file whose largest column it never reads); nil decodes every field.
        var wanted: [Bool]?
    }

    /// ``scan(_:from:final:state:into:_:)`` with each record's fields as strings (``CSVRecord``).
    static func scan(
        _ p: UnsafeBufferPointer<UInt8>, from offset: Int, final: Bool, state: inout ScanState,
        _ body: (CSVRecord) throws(ParseError) -> Bool
    ) throws(ParseError) -> Int? {
        var record = CSVRecord(line: state.line, fields: [])
        return try scan(p, from: offset, final: final, state: &state, into: &record, body)
    }

    /// The state machine, putting each record's fields into `record` before calling `body` with it. `p` is
    /// the input (or the part of it read so far); scanning starts at `offset`.
    ///
    /// When `final` is false, `p` ends before the end of the file: a record is passed to `body` only when its
    /// end is in `p` (a record that may go on — a field, a quoted field, a CR that may be followed by LF, a
    /// quote that may be doubled — is left for the next call). Returns the offset of the first byte not
    /// consumed (the start of that record, or `p.count`), or nil when `body` asked to stop. `state` carries
    /// the line and record numbers from one call to the next.
    ///
    /// Longer than the house's 80 lines on purpose: a measured hot loop (Benchmarks/README.md, CSV parsing,
    /// faster than Python's csv module), one pass over the bytes with no call per byte.
    static func scan<Sink: CSVFieldSink>(
        _ p: UnsafeBufferPointer<UInt8>, from offset: Int, final: Bool, state: inout ScanState,
        into record: inout Sink, _ body: (Sink) throws(ParseError) -> Bool
    ) throws(ParseError) -> Int? {
        guard let base = p.baseAddress else { return 0 }
        let n = p.count
        var i = max(0, offset)
        var line = state.line
        var lineStart = i  // offset of the first byte of the current line, for columns
        var recordIndex = state.records
        var scratch: [UInt8] = []
        let wanted = state.wanted ?? []
        let all = state.wanted == nil
        defer {
            state.line = line
            state.records = recordIndex
        }

        while i < n {
            let first = base[i]
            if first == lf || first == cr {  // a blank line
                if first == cr && i + 1 == n && !final { return i }  // CR, then perhaps LF in the next block
                i += 1
                if first == cr && i < n && base[i] == lf { i += 1 }
                line += 1
                lineStart = i
                continue
            }
            let recordStart = i
            let recordLine = line
            recordIndex += 1
            record.startRecord(line: line)
            var complete = true
            fields: while true {
                let keep = all || (record.fieldCount < wanted.count && wanted[record.fieldCount])
                if i < n && base[i] == quote {
                    let fieldLine = line
                    let fieldColumn = i - lineStart + 1
                    i += 1
                    var segmentStart = i
                    var copied = false
                    var closed = false
                    while i < n {
                        let b = base[i]
                        if b == quote {
                            if i + 1 < n && base[i + 1] == quote {
                                if keep {
                                    if !copied {
                                        scratch.removeAll(keepingCapacity: true)
                                        copied = true
                                    }
                                    scratch.append(
                                        contentsOf: UnsafeBufferPointer(
                                            start: base + segmentStart, count: i + 1 - segmentStart))
                                }
                                i += 2
                                segmentStart = i
                                continue
                            }
                            if i + 1 == n && !final { break }  // perhaps doubled by the next block's first byte
                            closed = true
                            break
                        } else if b == lf {
                            line += 1
                            lineStart = i + 1
                        } else if b == cr && !(i + 1 < n && base[i + 1] == lf) {
                            line += 1
                            lineStart = i + 1
                        }
                        i += 1
                    }
                    guard closed else {
                        if !final {
                            complete = false
                            break fields
                        }
                        throw ParseError(
                            line: fieldLine, column: fieldColumn, record: recordIndex,
                            found: "<the end of the file inside a quoted field that starts here>",
                            expected:
                                "a closing quote (\") for this field; a quote inside a quoted field is written twice (\"\")"
                        )
                    }
                    let segment = UnsafeBufferPointer(start: base + segmentStart, count: i - segmentStart)
                    i += 1  // the closing quote
                    if i < n, base[i] != comma, base[i] != lf, base[i] != cr {
                        // Text after the closing quote: kept, as Python's csv module does.
                        if !copied {
                            scratch.removeAll(keepingCapacity: true)
                            copied = true
                        }
                        scratch.append(contentsOf: segment)
                        let rest = i
                        while i < n, base[i] != comma, base[i] != lf, base[i] != cr { i += 1 }
                        scratch.append(contentsOf: UnsafeBufferPointer(start: base + rest, count: i - rest))
                        if keep {
                            scratch.withUnsafeBufferPointer { record.appendField($0, inInput: false) }
                        } else {
                            record.appendSkipped()
                        }
                    } else if !keep {
                        record.appendSkipped()
                    } else if copied {
                        scratch.append(contentsOf: segment)
                        scratch.withUnsafeBufferPointer { record.appendField($0, inInput: false) }
                    } else {
                        record.appendField(segment, inInput: true)
                    }
                } else {
                    let start = i
                    while i < n {
                        let b = base[i]
                        if b == comma || b == lf || b == cr { break }
                        i += 1
                    }
                    if keep {
                        record.appendField(UnsafeBufferPointer(start: base + start, count: i - start), inInput: true)
                    } else {
                        record.appendSkipped()
                    }
                }
                if i >= n {
                    complete = final
                    break
                }
                let delimiter = base[i]
                i += 1
                if delimiter == comma { continue }
                if delimiter == cr {
                    if i < n {
                        if base[i] == lf { i += 1 }
                    } else if !final {
                        complete = false
                        break
                    }
                }
                line += 1
                lineStart = i
                break
            }
            guard complete else {
                line = recordLine
                recordIndex -= 1
                return recordStart
            }
            if try !body(record) { return nil }
        }
        return n
    }
}

/// A CSV file read as a table: a header row naming the columns, then data rows.
///
/// Columns are found by name (trimmed, case-insensitive), so files whose columns come in another order,
/// or with extra columns, still read. Rows whose number of fields differs from the header's are reported
/// in ``raggedRows`` (they stay in ``rows``; an importer decides what to do with them). Extra fields that
/// are all empty — a trailing comma added by a spreadsheet — do not make a row ragged.
public struct CSVTable: Sendable, Equatable {
    /// The header's fields, as written.
    public var header: [String]
    /// The line of the header row.
    public var headerLine: Int
    /// The data rows, in file order.
    public var rows: [CSVRecord]
    /// One error for each row whose width differs from the header's.
    public var raggedRows: [ParseError]

    /// Reads a table whose first record is the header.
    /// - Throws: ``ParseError`` when the file has no records, or a quoted field never closes.
    public init(bytes: [UInt8]) throws(ParseError) {
        let records = try CSVReader.records(in: bytes)
        guard let header = records.first else { throw Self.noHeader }
        self.init(header: header, rows: Array(records.dropFirst()))
    }

    /// The first record of `bytes`, the header of a table, without reading further.
    /// - Throws: ``ParseError`` when there is no record, or a quoted field in the header never closes.
    public static func header(of bytes: [UInt8]) throws(ParseError) -> CSVRecord {
        var header: CSVRecord?
        try CSVReader.forEachRecord(in: bytes) { record in
            header = record
            return false
        }
        guard let header else { throw noHeader }
        return header
    }

    static let noHeader = ParseError(line: 1, found: "<an empty file>", expected: "a header row naming the columns")

    /// A table from a header record and the records after it.
    public init(header: CSVRecord, rows: [CSVRecord]) {
        self.header = header.fields
        self.headerLine = header.line
        self.rows = rows
        self.raggedRows = []
        let width = header.fields.count
        for (k, row) in rows.enumerated() where CSVTable.isRagged(row.fields, width: width) {
            raggedRows.append(CSVTable.raggedRow(row, index: k + 1, header: header))
        }
    }

    /// The error for data row number `index` (1-based) whose width differs from the header's.
    static func raggedRow(_ row: CSVRecord, index: Int, header: CSVRecord) -> ParseError {
        let width = header.fields.count
        return ParseError(
            line: row.line, record: index,
            found: "<\(row.fields.count) field\(row.fields.count == 1 ? "" : "s")>",
            expected:
                "\(width) field\(width == 1 ? "" : "s") as in the header on line \(header.line) (a field holding a comma must be quoted)"
        )
    }

    /// Finds the header row by its content and reads the table from there.
    ///
    /// Lines before the header (such as LinkedIn's `Notes:` preamble, which may hold quotes that do not
    /// balance) are never parsed as records: each physical line that contains `hint` (compared
    /// case-insensitively, ASCII) is tried as the start of a header record, and the first for which
    /// `isHeader` is true wins. Returns nil when no line qualifies.
    ///
    /// - Throws: ``ParseError`` when a quoted field after the header never closes.
    public static func locate(
        in bytes: [UInt8], hint: String, isHeader: ([String]) -> Bool
    ) throws(ParseError) -> CSVTable? {
        guard let found = locateHeader(in: bytes, hint: hint, isHeader: isHeader) else { return nil }
        var rows: [CSVRecord] = []
        var first = true
        try CSVReader.forEachRecord(in: bytes, from: found.offset, line: found.header.line) { record in
            if first { first = false } else { rows.append(record) }
            return true
        }
        return CSVTable(header: found.header, rows: rows)
    }

    /// Finds the header row as ``locate(in:hint:isHeader:)`` does, without reading the rows: the header
    /// record, and the offset of its first byte (read the table from there with
    /// ``CSVReader/forEachRecord(in:from:line:_:)``, skipping the first record).
    public static func locateHeader(
        in bytes: [UInt8], hint: String, isHeader: ([String]) -> Bool
    ) -> (header: CSVRecord, offset: Int)? {
        let needle = Array(hint.lowercased().utf8)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        let n = bytes.count
        while start < n {
            var end = start
            while end < n, bytes[end] != CSVReader.lf, bytes[end] != CSVReader.cr { end += 1 }
            if containsASCIICaseInsensitive(bytes, start..<end, needle) {
                var header: CSVRecord?
                // A header never spans lines; a failing parse here only means this line is not it.
                try? CSVReader.forEachRecord(in: bytes, from: start, line: line) { record in
                    header = record
                    return false
                }
                if let header, header.line == line, isHeader(header.fields) { return (header, start) }
            }
            if end < n {
                end += bytes[end] == CSVReader.cr && end + 1 < n && bytes[end + 1] == CSVReader.lf ? 2 : 1
            }
            start = end
            line += 1
        }
        return nil
    }

    /// The index of the column named `name` (trimmed, case-insensitive), or nil.
    public func column(_ name: String) -> Int? {
        let key = CSVTable.key(name)
        return header.firstIndex { CSVTable.key($0) == key }
    }

    /// The field of `row` in column `index`, trimmed; nil when the column is absent or the row is short.
    public static func value(_ row: CSVRecord, _ index: Int?) -> String? {
        guard let index, index < row.fields.count else { return nil }
        return row.fields[index].trimmedWhitespace()
    }

    /// A column name as compared: trimmed and lowercased.
    static func key(_ name: String) -> String {
        name.trimmedWhitespace().lowercased()
    }

    static func isRagged(_ fields: [String], width: Int) -> Bool {
        if fields.count == width { return false }
        if fields.count < width { return true }
        return fields[width...].contains { !$0.isEmpty }
    }

    /// Whether `needle` (lowercase ASCII) occurs in `bytes[range]`, ASCII letters compared without case.
    public static func containsASCIICaseInsensitive(_ bytes: [UInt8], _ range: Range<Int>, _ needle: [UInt8])
        -> Bool
    {
        guard !needle.isEmpty, range.count >= needle.count else { return needle.isEmpty }
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            var k = 0
            while k < needle.count {
                var b = bytes[i + k]
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if b != needle[k] { break }
                k += 1
            }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }
}
