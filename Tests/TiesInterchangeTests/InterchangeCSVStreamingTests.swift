import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesInterchange

/// The block reader (``CSVInput``) gives exactly the records, lines and errors of the whole-input reader, wherever
/// the block boundaries fall: tiny blocks put a boundary inside every quoted field, CRLF, doubled quote and
/// multi-byte UTF-8 sequence of the committed fixtures.
@Suite("Interchange: CSV read in blocks")
struct InterchangeCSVStreamingTests {
    static let fixtureRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// Every committed CSV fixture (LinkedIn exports of every generation, address books, role titles).
    static let fixtures: [String] = [
        "TiesCLITests/Fixtures/Connections.csv", "TiesCLITests/Fixtures/messages.csv",
        "TiesCLITests/Fixtures/recruiters/Connections.csv", "TiesCLITests/Fixtures/recruiters/messages.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2024/Connections.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2024/messages.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2024/Invitations.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2024/Recommendations_Received.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2024/Endorsement_Received_Info.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2024/Profile.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2020/Connections.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2020/messages.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2018/Connections.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2018/Messages.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2018/Invitations.csv",
        "TiesCLITests/Fixtures/exports/linkedin-resaved/Connections.csv",
        "TiesCLITests/Fixtures/exports/linkedin-2012/linkedin_connections_export_microsoft_outlook.csv",
        "TiesCLITests/Fixtures/exports/google.csv", "TiesCLITests/Fixtures/exports/google-legacy.csv",
        "TiesCLITests/Fixtures/exports/outlook.csv", "TiesCoreTests/Fixtures/RoleTitles/titles.csv",
    ]

    static let blockSizes = [1, 2, 3, 7, 64, CSVInput.defaultBlockSize]

    static func path(_ name: String) -> String { fixtureRoot.appendingPathComponent(name).path }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtureRoot.appendingPathComponent(name)))
    }

    /// The records of `input`, read in blocks.
    static func streamed(_ input: CSVInput, from offset: Int = 0, line: Int = 1, wanted: [Bool]? = nil) throws
        -> [CSVRecord]
    {
        var out: [CSVRecord] = []
        try CSVReader.forEachRecord(in: input, from: offset, line: line, wanted: wanted) { record in
            out.append(record)
            return true
        }
        return out
    }

    /// Text that puts every kind of record end and quoted field next to every possible block boundary: a BOM,
    /// CRLF, LF and lone CR, blank lines, quoted fields with line breaks and doubled quotes, text after a
    /// closing quote, two-, three- and four-byte UTF-8, a CR as the very last byte.
    static let tricky: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            "id,name,note\r\n1,Zoë Ärlig,\"a, b\"\r\n\r\n2,\"José \"\"Pepe\"\" Núñez\",\"line one\r\nline two\nthree\rfour\"\n3,東京,🙂 ok\r4,\"x\"tail,\"\"\r\n\n5,\"\"\"\",\"ends in CR\"\r"
                .utf8)

    @Test("tiny blocks give the whole-input records on text with every kind of boundary", arguments: Array(1...16))
    func trickyText(blockSize: Int) throws {
        let whole = try CSVReader.records(in: Self.tricky)
        #expect(whole.count == 6)
        #expect(whole[2].fields[1] == "José \"Pepe\" Núñez")
        #expect(whole[2].fields[2] == "line one\r\nline two\nthree\rfour")
        #expect(try Self.streamed(.bytes(Self.tricky, blockSize: blockSize)) == whole)
    }

    @Test(
        "every committed CSV fixture reads the same in blocks of 1, 2, 3, 7, 64 bytes and 1 MiB, from memory and from disk"
    )
    func fixturesInBlocks() throws {
        for name in Self.fixtures {
            let bytes = try Self.bytes(name)
            let whole = try CSVReader.records(in: bytes)
            #expect(!whole.isEmpty, "\(name)")
            for size in Self.blockSizes {
                #expect(
                    try Self.streamed(.bytes(bytes, blockSize: size)) == whole, "\(name), blocks of \(size) in memory")
            }
            #expect(try Self.streamed(.file(Self.path(name), blockSize: 7)) == whole, "\(name), blocks of 7 from disk")
        }
    }

    @Test("a byte-order mark is skipped at the start even when the first block is shorter than it, and only there")
    func byteOrderMark() throws {
        let bytes = InterchangeFixtures.withBOM("name\r\nDana\r\n")
        for size in 1...4 {
            #expect(try Self.streamed(.bytes(bytes, blockSize: size)).map(\.fields) == [["name"], ["Dana"]])
        }
        let inside = Array("x\n\u{FEFF}y\n".utf8)
        #expect(try Self.streamed(.bytes(inside, blockSize: 1)).map(\.fields) == [["x"], ["\u{FEFF}y"]])
    }

    @Test(
        "CRLF split between blocks is one line end; a last record without a line break is read", arguments: [1, 2, 5])
    func lineEnds(blockSize: Int) throws {
        let text = Array("a\r\nb\r\n\r\nc\rd".utf8)
        let records = try Self.streamed(.bytes(text, blockSize: blockSize))
        #expect(
            records == [
                CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: ["b"]), CSVRecord(line: 4, fields: ["c"]),
                CSVRecord(line: 5, fields: ["d"]),
            ])
    }

    @Test("a quote that never closes is the same error, at the same line, column and record, in blocks")
    func unterminated() throws {
        let text = Array("a,b\r\n1,2\r\n3,\"never\r\ncloses\r\n".utf8)
        var whole: ParseError?
        do { _ = try CSVReader.records(in: text) } catch { whole = error }
        #expect(whole?.line == 3)
        for size in [1, 2, 7] {
            var streamed: ParseError?
            do { _ = try Self.streamed(.bytes(text, blockSize: size)) } catch let error as ParseError {
                streamed = error
            }
            #expect(streamed == whole)
        }
    }

    @Test("reading from an offset and line, and stopping early, as the whole-input reader does")
    func offsetAndStop() throws {
        let bytes = try Self.bytes("TiesCLITests/Fixtures/exports/linkedin-2024/Connections.csv")
        guard let found = CSVTable.locateHeader(in: bytes, hint: "first name", isHeader: { $0.contains("URL") })
        else {
            Issue.record("no header")
            return
        }
        var whole: [CSVRecord] = []
        try CSVReader.forEachRecord(in: bytes, from: found.offset, line: found.header.line) { record in
            whole.append(record)
            return whole.count < 3
        }
        var streamed: [CSVRecord] = []
        try CSVReader.forEachRecord(in: .bytes(bytes, blockSize: 7), from: found.offset, line: found.header.line) {
            record in
            streamed.append(record)
            return streamed.count < 3
        }
        #expect(whole.count == 3 && whole[0] == found.header)
        #expect(streamed == whole)
        let fromDisk = try Self.streamed(
            .file(Self.path("TiesCLITests/Fixtures/exports/linkedin-2024/Connections.csv"), blockSize: 5),
            from: found.offset, line: found.header.line)
        let rest = try CSVReader.records(in: Array(bytes[found.offset...])).map { record in
            CSVRecord(line: record.line + found.header.line - 1, fields: record.fields)
        }
        #expect(fromDisk == rest && fromDisk.count > 3)
    }

    @Test("fields not wanted are empty, the others and the number of fields as written")
    func wantedFields() throws {
        let text = Array("a,\"b, with comma\",c\r\n1,\"two\r\nlines\",3\r\n4,5\r\n".utf8)
        let records = try Self.streamed(.bytes(text, blockSize: 3), wanted: [true, false, true])
        #expect(records.map(\.fields) == [["a", "", "c"], ["1", "", "3"], ["4", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test(
        "a reading that requires UTF-8 gives the same records, whatever block cuts a sequence; it stops at Windows-1252"
    )
    func requiringUTF8() throws {
        let text = Array("\u{FEFF}name,city\nZoë Ärlig,東京 🙂\n\"two\nlines é\",x\r\nlast,ü".utf8)
        for size in 1...8 {
            let checked = try Self.streamed(.bytes(text, blockSize: size).requiringUTF8())
            #expect(checked == (try Self.streamed(.bytes(text, blockSize: size))) && checked.count == 4)
        }
        // 0xEB (ë in Windows-1252) on line 4, inside a record that starts on line 3.
        let cp1252: [UInt8] = Array("name\nok\n\"two\nlines\",Zo".utf8) + [0xEB] + Array("\nok\n".utf8)
        let cutAtEnd: [UInt8] = Array("name\nZo".utf8) + [0xC3]
        for size in [1, 2, 3, 5, 1024] {
            for (bytes, line, records) in [(cp1252, 4, 4), (cutAtEnd, 2, 2)] {
                #expect(try Self.streamed(.bytes(bytes, blockSize: size)).count == records)  // read when not required
                do {
                    _ = try Self.streamed(.bytes(bytes, blockSize: size).requiringUTF8())
                    Issue.record("read as UTF-8 in blocks of \(size)")
                } catch let error as ParseError {
                    #expect(error.isNotUTF8 && error.line == line && !error.isReadFailure)
                }
            }
        }
    }

    @Test(
        "LinkedIn messages read in blocks from memory and from disk equal the whole-file read",
        arguments: [
            "TiesCLITests/Fixtures/messages.csv", "TiesCLITests/Fixtures/recruiters/messages.csv",
            "TiesCLITests/Fixtures/exports/linkedin-2024/messages.csv",
            "TiesCLITests/Fixtures/exports/linkedin-2020/messages.csv",
            "TiesCLITests/Fixtures/exports/linkedin-2018/Messages.csv",
        ])
    func messagesInBlocks(name: String) throws {
        let bytes = SpreadsheetText.utf8(try Self.bytes(name)).bytes
        let whole = try LinkedInMessages.read(bytes)
        #expect(!whole.result.records.isEmpty)
        for input in [
            CSVInput.bytes(bytes, blockSize: 7), .file(Self.path(name), blockSize: 7), .bytes(bytes, blockSize: 1),
        ] {
            var messages: [LinkedInMessage] = []
            let read = try LinkedInMessages.forEach(in: input) { message in
                messages.append(message)
                return true
            }
            #expect(messages == whole.result.records, "\(name)")
            #expect(read.result.skipped == whole.result.skipped)
            #expect(read.result.problems == whole.result.problems)
            #expect(read.me == whole.me && read.meWasInferred == whole.meWasInferred)
        }
    }

    @Test(
        "the threaded reader hands every message's outputs in file order, and stops when asked",
        arguments: [
            "TiesCLITests/Fixtures/exports/linkedin-2024/messages.csv",
            "TiesCLITests/Fixtures/exports/linkedin-2018/Messages.csv",
        ])
    func threaded(name: String) throws {
        let bytes = SpreadsheetText.utf8(try Self.bytes(name)).bytes
        let whole = try LinkedInMessages.read(bytes)
        var outputs: [String] = []
        let digests: @Sendable (LinkedInMessage, inout [String]) -> Void = { m, out in
            out += m.counterparts.map { LinkedInMessages.storedSourceID(of: m, with: $0) }
        }
        let read = try #require(
            try LinkedInMessages.forEachBatch(in: .file(Self.path(name), blockSize: 5), me: nil, transform: digests) {
                batch in
                outputs += batch
                return true
            })
        let expected = whole.result.records.flatMap { m in
            m.counterparts.map { FNV1a128.hex(m.sourceID + "|" + ($0.profileURL ?? $0.name)) }
        }
        #expect(!expected.isEmpty && outputs == expected)
        #expect(read.count == whole.result.records.count && read.result.skipped == whole.result.skipped)
        var batches = 0
        let lines: @Sendable (LinkedInMessage, inout [Int]) -> Void = { $1.append($0.line) }
        let stopped = try LinkedInMessages.forEachBatch(in: .bytes(bytes), me: nil, transform: lines) { _ in
            batches += 1
            return false
        }
        #expect(batches == 1 && stopped?.me == whole.me)
    }

    @Test("a file that cannot be read is a read failure (exit 74 in the CLI), a malformed one is not")
    func readFailure() throws {
        let dir = TemporaryDirectory()
        // A folder opens but cannot be read: read(2) fails with EISDIR.
        let header = Array("CONVERSATION ID,FROM,DATE\n".utf8)
        do {
            _ = try CSVReader.forEachRecord(in: .file(dir.url.path), from: 0, line: 1, wanted: nil) { _ in true }
            Issue.record("a folder was read")
        } catch {
            #expect(error.isReadFailure && error.found.contains("read error"))
        }
        do {
            _ = try LinkedInMessages.forEach(in: .bytes(header + Array("c,\"Ana,2023".utf8))) { _ in true }
            Issue.record("an unclosed quote was read")
        } catch {
            #expect(!error.isReadFailure)
        }
    }

    @Test("the fast reading of `2023-06-11 15:33:58 UTC` agrees with the general date parser, and declines the rest")
    func fastDates() {
        var random = SplitMix64(seed: 7)
        var texts = [
            "2023-06-11 15:33:58 UTC", "2024-02-29 23:59:59 UTC", "2023-02-29 10:00:00 UTC", "2023-13-01 10:00:00 UTC",
            "2023-00-10 10:00:00 UTC", "2023-06-31 10:00:00 UTC", "2023-06-11 24:00:00 UTC", "2023-06-11 23:60:00 UTC",
            "2023-06-11 23:59:60 UTC", "2023-06-11 15:33:58 GMT", "2023-06-11T15:33:58 UTC", "2023-06-11 15:33:58 utc",
            "1969-12-31 23:59:59 UTC", "0001-01-01 00:00:00 UTC", "2023-6-11 15:33:58 UTC ", "2023-06-1a 15:33:58 UTC",
            " 2023-06-11 15:33:5 UTC",
        ]
        for _ in 0..<2000 {
            let n = { (limit: UInt64) in Int(random.next() % limit) }
            texts.append(
                "\(pad(1900 + n(250), 4))-\(pad(n(14), 2))-\(pad(n(33), 2)) \(pad(n(26), 2)):\(pad(n(62), 2)):\(pad(n(62), 2)) UTC"
            )
        }
        var fast = 0
        for text in texts {
            guard let seconds = LinkedInMessages.utcSeconds(text) else { continue }
            fast += 1
            #expect(LinkedInMessages.anyDate(text) == Date(timeIntervalSince1970: Double(seconds)), "\(text)")
        }
        #expect(fast > 1000)
        #expect(LinkedInMessages.utcSeconds("2023-06-11 15:33:58 UTC") == 1_686_497_638)
        for declined in ["2023-02-29 10:00:00 UTC", "2023-06-11 24:00:00 UTC", "2023-06-11 15:33:58 GMT"] {
            #expect(LinkedInMessages.utcSeconds(declined) == nil)
        }
    }
}
