import Foundation
import Testing

@testable import TiesInterchange

@Suite("Interchange: lines that are not properties")
struct InterchangeSkippedLinesTests {
    @Test("a junk line inside a card or an event is skipped with its line and the same note")
    func junkLines() throws {
        let card = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Cruz\nthis line has no colon\nEND:VCARD\n"
        let vcard = VCardReader.read(card)
        #expect(vcard.records.map(\.name) == ["Ana Cruz"])
        #expect(
            vcard.skipped.map(\.description) == [
                "line 4: \"this line has no colon\" is not a property (NAME:value); ignored"
            ])

        let calendar = """
            BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e1\r\nDTSTART:20260310T150000Z\r\n\
            this line has no colon\r\nATTENDEE:mailto:ana@x.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
            """
        let ics = try ICalendarReader.read(
            calendar,
            options: CalendarImportOptions(
                myEmails: [], timeZone: .gmt, asOf: Date(timeIntervalSince1970: 1_800_000_000)))
        #expect(ics.records.count == 1)
        #expect(
            ics.skipped.map(\.description).contains(
                "line 6: \"this line has no colon\" is not a property (NAME:value); ignored"))
    }
}
