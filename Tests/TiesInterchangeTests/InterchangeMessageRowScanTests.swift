import Foundation
import Testing
import TiesTestSupport

@testable import TiesInterchange

/// A messages file's rows scanned on a thread of their own (``MessageRowScan``) are the rows the scan on the
/// reading thread gives, with the same numbers, lines and errors, whatever the blocks and batches. Made-up
/// people; the text puts a quoted field, a line break inside one, a blank line and a multi-byte name at every
/// block boundary.
@Suite("Interchange: LinkedIn message rows scanned ahead")
struct InterchangeMessageRowScanTests {
    static let header =
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n"

    static let text =
        header
        + "2-a,,Zoë Ärlig,https://www.linkedin.com/in/zoe,Robin Vale,https://www.linkedin.com/in/robin,2024-03-01 09:00:07 UTC,,hi,INBOX\r\n"
        + "\r\n"
        + "2-a,,\"Robin \"\"R\"\" Vale\",https://www.linkedin.com/in/robin,Zoë Ärlig,https://www.linkedin.com/in/zoe,2024-03-01 09:10:07 UTC,,\"two\nlines\",SENT\n"
        + "\"2-\"\"b\",\"A title, quoted\",Bo Lind,,\"Robin Vale, Zoë Ärlig\",\"https://www.linkedin.com/in/robin,https://www.linkedin.com/in/zoe\",2024-03-02 09:00:07 UTC,,hey,INBOX\n"
        + "2-c,,東京 Taro,https://www.linkedin.com/in/taro\n"
        + "\n"
        + "2-d,,,,Robin Vale,,2024-03-04 09:00:07 UTC,Sponsored,\"an ad\",INBOX,extra,fields\n"
        + "2-d,,Bo Lind,,Robin Vale,,2024-03-05 09:00:07 UTC,,\"\",INBOX"

    /// Each record as the scan gives it: its line, its fields with the numbered ones' values, their numbers.
    struct Row: Equatable {
        var record: CSVRecord
        var numbers: [Int32]
    }

    static var layout: MessageLayout {
        MessageLayout(header: CSVRecord(line: 1, fields: header.dropLast(2).split(separator: ",").map(String.init)))
    }

    /// The rows of `bytes` scanned on the reading thread, or scanned ahead from `file` with `blockSize` and
    /// `batchBytes`, each taken until `stopAfter` rows; and the error that ended the scan, if one did.
    static func scan(
        _ bytes: [UInt8], file: String?, blockSize: Int = 7, batchBytes: Int = 64, interner: FieldInterner = .init(),
        stopAfter: Int = .max
    ) -> (rows: [Row], error: ParseError?) {
        var row = NumberedMessageRow(layout: layout, line: 1, interner: interner)
        var rows: [Row] = []
        func take(_ row: NumberedMessageRow) -> Bool {
            rows.append(Row(record: row.resolved, numbers: (0..<row.fieldCount).map { row.number($0) }))
            return rows.count < stopAfter
        }
        do throws(ParseError) {
            if let file {
                try MessageRowScan.$testBatchBytes.withValue(batchBytes) {
                    Result { () throws(ParseError) in
                        try MessageRowScan.forEachRecord(
                            in: CSVInput.file(file, blockSize: blockSize).requiringUTF8(), from: 0, line: 1,
                            layout: layout, into: &row, take)
                    }
                }.get()
            } else {
                try CSVReader.forEachRecord(
                    in: CSVInput.bytes(bytes, blockSize: blockSize).requiringUTF8(), from: 0, line: 1,
                    wanted: layout.wanted, into: &row, take)
            }
        } catch {
            return (rows, error)
        }
        return (rows, nil)
    }

    static func written(_ bytes: [UInt8], in dir: TemporaryDirectory) throws -> String {
        try Data(bytes).write(to: dir.file("messages.csv"))
        return dir.file("messages.csv").path
    }

    @Test("every block and batch size gives the rows, numbers and lines of the reading thread's scan")
    func sameRows() throws {
        let dir = TemporaryDirectory()
        let bytes = Array(Self.text.utf8)
        let file = try Self.written(bytes, in: dir)
        for blockSize in [1, 2, 3, 7, 64, CSVInput.defaultBlockSize] {
            // The numbers depend on the blocks: a field cut by a block's end may be numbered before the record
            // is read again whole.
            let plain = Self.scan(bytes, file: nil, blockSize: blockSize)
            #expect(plain.error == nil && plain.rows.count == 7)
            #expect(plain.rows.map(\.record.line) == [1, 2, 4, 6, 7, 9, 10])
            for batchBytes in [1, 64, 1 << 18] {
                let ahead = Self.scan(bytes, file: file, blockSize: blockSize, batchBytes: batchBytes)
                #expect(ahead == plain, "blocks of \(blockSize), batches of \(batchBytes)")
            }
            // An interner that keeps a few values: the rest are text, on both threads alike.
            for interner in [{ FieldInterner(capacity: 3) }, { FieldInterner(byteCapacity: 40) }] {
                let few = Self.scan(bytes, file: nil, blockSize: blockSize, interner: interner())
                #expect(few.rows.map(\.record) == plain.rows.map(\.record) && few.rows != plain.rows)
                #expect(Self.scan(bytes, file: file, blockSize: blockSize, interner: interner()) == few)
            }
        }
    }

    @Test("a quote that never closes, or bytes that are not UTF-8, stop it where the reading thread's scan stops")
    func errors() throws {
        let dir = TemporaryDirectory()
        for tail in [Array("2-e,,\"Ann Lee,u1\n".utf8), Array("2-e,,Ann L".utf8) + [0xE9, 0x65] + Array(",u1\n".utf8)] {
            let bytes = Array(Self.text.utf8) + Array("\n".utf8) + tail
            let file = try Self.written(bytes, in: dir)
            for blockSize in [1, 7, CSVInput.defaultBlockSize] {
                let plain = Self.scan(bytes, file: nil, blockSize: blockSize)
                #expect(plain.error != nil)
                // Bytes that are not UTF-8 are found before the block that holds them is scanned.
                #expect(plain.rows.count > 1 || blockSize == CSVInput.defaultBlockSize)
                #expect(Self.scan(bytes, file: file, blockSize: blockSize) == plain, "blocks of \(blockSize)")
            }
        }
    }

    @Test("stopped, it takes no more rows and reports no problem the scan found later on")
    func stops() throws {
        let dir = TemporaryDirectory()
        let many = (0..<400).map { "2-\($0),,Ann Lee \($0 % 9),,Robin Vale,,2024-03-01 09:00:07 UTC,,hi,INBOX\n" }
        let bytes = Array((Self.header + many.joined() + "2-x,,\"never closed\n").utf8)
        let file = try Self.written(bytes, in: dir)
        let plain = Self.scan(bytes, file: nil, blockSize: 64)
        #expect(plain.error != nil && plain.rows.count == 401)
        for stop in [1, 10, 390, 400] {
            let ahead = Self.scan(bytes, file: file, blockSize: 64, batchBytes: 64, stopAfter: stop)
            #expect(ahead.error == nil && ahead.rows == Array(plain.rows.prefix(stop)), "stopped after \(stop)")
        }
    }
}
