import Foundation
import Testing
import TiesCore
import TiesTestSupport

@testable import TiesInterchange

/// Seeded random inputs — noise, truncations and mutations of the fixtures — must never crash or hang
/// a reader, every error and note must point at a line that exists, and the same bytes must always give
/// the same result. The seeds are named so a failure can be replayed.
@Suite("Interchange: fuzzing", .timeLimit(.minutes(2)))
struct InterchangeFuzzTests {
    /// The seed every generator here starts from.
    static let seed: UInt64 = 0x7135_2026

    /// How many lines `bytes` has (CRLF, LF and lone CR each end one).
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                lines += 1
            } else if bytes[i] == 0x0D {
                lines += 1
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return lines
    }

    /// Pieces that steer random bytes toward the readers' interesting states.
    static let fragments: [[UInt8]] =
        [
            ",", "\"", "\"\"", "\r\n", "\n", "\r", " ", "\t", ":", ";", "=", "\\", "\\n", "=\r\n", "=0D=0A", "=F",
            "BEGIN:VCARD", "END:VCARD", "BEGIN:VEVENT", "END:VEVENT", "BEGIN:VCALENDAR", "BEGIN:VALARM", "END:VALARM",
            "FN:", "N:", "EMAIL;TYPE=work:", "item1.", "X-ABLabel:", "ENCODING=QUOTED-PRINTABLE", "CHARSET=ISO-8859-1",
            "PHOTO;ENCODING=BASE64:", "BDAY:--0415", "UID:", "DTSTART:20240101T100000Z",
            "DTSTART;TZID=Eastern Standard Time:",
            "DTSTART;VALUE=DATE:20240229", "BEGIN:VTIMEZONE", "TZID:Customized Time Zone", "BEGIN:DAYLIGHT",
            "TZOFFSETTO:-0400", "TZOFFSETFROM:+053000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            "DTSTART;TZID=Customized Time Zone:", "RRULE:FREQ=DAILY", "RRULE:FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=1",
            ";INTERVAL=",
            ";COUNT=", ";UNTIL=20240301", ";BYMONTH=2;BYMONTHDAY=30", "RECURRENCE-ID:20240102T100000Z", "EXDATE:",
            "ATTENDEE;PARTSTAT=DECLINED:mailto:alex.morgan@example.com", "STATUS:CANCELLED", "DURATION:P",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On", "12 Mar 2024", "31-Feb-24",
            "CONVERSATION ID,FROM,TO,DATE", "2023-06-11 15:33:58 UTC", "9999", "00010101T000000", "-1",
            "99999999999999999999",
        ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0x00], [0xE2, 0x80, 0x93]]

    static func noise(_ rng: inout SplitMix64, length: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < length {
            if rng.next() % 3 == 0 {
                out.append(UInt8(truncatingIfNeeded: rng.next()))
            } else {
                out += fragments[Int(rng.next() % UInt64(fragments.count))]
            }
        }
        return out
    }

    /// A truncation, a deletion, an insertion or a replacement of `bytes`.
    static func mutation(_ rng: inout SplitMix64, of bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return noise(&rng, length: 20) }
        var out = bytes
        let at = Int(rng.next() % UInt64(out.count))
        switch rng.next() % 4 {
        case 0: out.removeSubrange(at...)
        case 1: out.removeSubrange(at..<min(out.count, at + 1 + Int(rng.next() % 40)))
        case 2: out.insert(contentsOf: fragments[Int(rng.next() % UInt64(fragments.count))], at: at)
        default: out[at] = UInt8(truncatingIfNeeded: rng.next())
        }
        return out
    }

    /// Inputs for one reader: pure noise, then every prefix-length class of each fixture, then mutations.
    static func inputs(fixtures: [[UInt8]], seed: UInt64, count: Int) -> [[UInt8]] {
        var rng = SplitMix64(seed: seed)
        var out: [[UInt8]] = []
        for _ in 0..<count { out.append(noise(&rng, length: Int(rng.next() % 400))) }
        for fixture in fixtures {
            for _ in 0..<count { out.append(Array(fixture.prefix(Int(rng.next() % UInt64(fixture.count + 1))))) }
            var current = fixture
            for k in 0..<count {
                if k % 10 == 0 { current = fixture }
                current = mutation(&rng, of: current)
                out.append(current)
            }
        }
        return out
    }

    /// Every position in `errors` and `lines` lies inside the input.
    static func checkPositions(_ errors: [ParseError], _ lines: [Int], in bytes: [UInt8]) {
        let last = lineCount(bytes)
        for error in errors {
            #expect(error.line >= 1 && error.line <= last, "line \(error.line) of \(last): \(error)")
            if let column = error.column { #expect(column >= 1) }
            if let record = error.record { #expect(record >= 1) }
            #expect(!error.description.isEmpty)
        }
        for line in lines { #expect(line >= 1 && line <= last, "line \(line) of \(last)") }
    }

    @Test("CSV reader: noise, truncations and mutations")
    func csv() {
        let fixture = Array("id,note\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,x\n\"unclosed".utf8)
        for bytes in Self.inputs(fixtures: [fixture, InterchangeFixtures.connections], seed: Self.seed, count: 300) {
            do {
                let records = try CSVReader.records(in: bytes)
                Self.checkPositions([], records.map(\.line), in: bytes)
                #expect(zip(records, records.dropFirst()).allSatisfy { $0.line < $1.line })
                #expect(try CSVReader.records(in: bytes) == records)
            } catch {
                Self.checkPositions([error], [], in: bytes)  // a ParseError: the readers throw nothing else
            }
        }
    }

    @Test("interactions table: streaming and whole-table readers agree on noise, truncations and mutations")
    func interactionsTable() {
        let utc = TimeZone(identifier: "UTC")!
        let fixture = Array(
            ("id,person_id,person,occurred_at,kind,direction,answered,group_size,note,source,source_id\r\n"
                + "1,3,Ana,2026-03-02T10:00:00Z,call,out,yes,1,\"a, \"\"note\"\"\r\nhere\",csv,a1\r\n"
                + "2,,Ben,2026-03-02,email,in,no,2,,csv,\r\n").utf8)
        for bytes in Self.inputs(fixtures: [fixture], seed: Self.seed, count: 300) {
            let whole = (try? CSVTable(bytes: bytes)).map { TiesCSVImport.interactions($0, file: "f", timeZone: utc) }
            var streamed: [InteractionRecord] = []
            let problems = try? TiesCSVImport.forEachInteraction(in: bytes, file: "f", timeZone: utc) {
                streamed.append($0)
                return true
            }
            #expect((whole == nil) == (problems == nil))
            guard let whole, let problems else { continue }
            #expect(
                streamed.map(InterchangeTiesCSVTests.describe)
                    == whole.records.map(InterchangeTiesCSVTests.describe))
            #expect(problems.map(\.line) == whole.problems.map(\.line).sorted())
            Self.checkPositions(problems, streamed.map(\.line), in: bytes)
        }
    }

    @Test("LinkedIn readers: noise, truncations and mutations")
    func linkedIn() {
        for bytes in Self.inputs(fixtures: [InterchangeFixtures.connections], seed: Self.seed &+ 1, count: 300) {
            do {
                let result = try LinkedInConnections.read(bytes)
                Self.checkPositions(result.problems, result.records.map(\.line) + result.skipped.map(\.line), in: bytes)
                #expect(try LinkedInConnections.read(bytes) == result)
            } catch {
                Self.checkPositions([error], [], in: bytes)  // a ParseError: the readers throw nothing else
            }
        }
        for bytes in Self.inputs(fixtures: [InterchangeFixtures.messages], seed: Self.seed &+ 2, count: 300) {
            do {
                let read = try LinkedInMessages.read(bytes)
                let result = read.result
                Self.checkPositions(result.problems, result.records.map(\.line) + result.skipped.map(\.line), in: bytes)
                #expect(try LinkedInMessages.read(bytes).result == result)
            } catch {
                Self.checkPositions([error], [], in: bytes)  // a ParseError: the readers throw nothing else
            }
        }
    }

    @Test("vCard reader: noise, truncations and mutations")
    func vcard() {
        let fixtures = [
            Array(InterchangeFixtures.vcard30.utf8), InterchangeFixtures.vcard21,
            Array(InterchangeFixtures.vcard40.utf8),
        ]
        for bytes in Self.inputs(fixtures: fixtures, seed: Self.seed &+ 3, count: 300) {
            let result = VCardReader.read(bytes)
            Self.checkPositions(result.problems, result.records.map(\.line) + result.skipped.map(\.line), in: bytes)
            #expect(VCardReader.read(bytes) == result)
        }
    }

    @Test("iCalendar reader: noise, truncations and mutations")
    func icalendar() {
        let options = CalendarImportOptions(
            myEmails: [InterchangeFixtures.me], timeZone: TimeZone(identifier: "Europe/Berlin")!,
            asOf: Date(timeIntervalSince1970: 1_900_000_000), maxOccurrencesPerEvent: 500)
        let fixtures = [Array(InterchangeFixtures.mixedCalendar.utf8), Array(InterchangeFixtures.weeklySeries.utf8)]
        for bytes in Self.inputs(fixtures: fixtures, seed: Self.seed &+ 4, count: 300) {
            do {
                let result = try ICalendarReader.read(bytes, options: options)
                Self.checkPositions(result.problems, result.records.map(\.line) + result.skipped.map(\.line), in: bytes)
                #expect(try ICalendarReader.read(bytes, options: options) == result)
                #expect(result.records.allSatisfy { $0.start <= options.asOf })
            } catch {
                Self.checkPositions([error], [], in: bytes)  // a ParseError: the readers throw nothing else
            }
        }
    }
}
