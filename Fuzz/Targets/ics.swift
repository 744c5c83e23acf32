// Fuzz target: the iCalendar reader, recurrences expanded up to a fixed day, in a zone with daylight saving.
import Foundation
import TiesInterchange

func fuzz(_ bytes: [UInt8]) {
    let options = CalendarImportOptions(
        myEmails: ["alex.morgan@example.com"], timeZone: TimeZone(identifier: "Europe/Berlin") ?? .current,
        asOf: Date(timeIntervalSince1970: 1_781_524_800), maxOccurrencesPerEvent: 500)
    _ = try? ICalendarReader.read(bytes, options: options)
}
