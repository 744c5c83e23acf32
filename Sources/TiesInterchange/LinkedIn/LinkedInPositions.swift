import Foundation
import TiesCore

/// Reads LinkedIn's `Positions.csv` — the user's own jobs, `Company Name,Title,Description,Location,Started
/// On,Finished On` in every export seen from 2018 to 2025 — as employment entries of the career journal.
///
/// LinkedIn gives months (`Jan 2024`; a year alone, `2019`, in some rows): an entry starts on the first day of
/// its first month and ends on the last day of its last month, so that it covers every day the position may
/// have covered; no `Finished On` (or `Present`) is a job that lasts. The entry's text is the `Description`,
/// in the user's own words, else the title; each is tagged `linkedin`. Rows without a company and title, or
/// without a start, are left out and listed; a start or end LinkedIn never writes is a problem.
public enum LinkedInPositions {
    /// The tag every entry read here carries.
    public static let tag = "linkedin"

    /// What `Started On` and `Finished On` accept, for error messages.
    public static let acceptedMonths = "a month such as Jan 2024 (or a year such as 2019)"

    /// Whether a header row is that of a positions file.
    public static func isHeader(_ fields: [String]) -> Bool {
        let keys = Set(fields.map(CSVTable.key))
        return keys.contains("company name") && keys.contains("title") && keys.contains("started on")
    }

    /// Reads the file's bytes.
    /// - Throws: ``ParseError`` when the header is not a positions header, or a quoted field never closes.
    public static func read(_ bytes: [UInt8]) throws(ParseError) -> ImportResult<JournalEntry> {
        guard
            let table = try CSVTable.locate(in: bytes, hint: "company name", isHeader: isHeader)?
                .unwrappingWholeLineRows()
        else {
            throw ParseError(
                line: 1, found: "<no header row>",
                expected: "a header row naming Company Name, Title, Description, Location, Started On, Finished On")
        }
        let company = table.column("Company Name")
        let title = table.column("Title")
        let description = table.column("Description")
        let started = table.column("Started On")
        let finished = table.column("Finished On")
        var result = ImportResult<JournalEntry>()
        for (k, row) in table.rows.enumerated() {
            if row.fields.allSatisfy({ $0.trimmedWhitespace().isEmpty }) { continue }
            let organisation = ImportSupport.nonEmpty(CSVTable.value(row, company))
            let jobTitle = ImportSupport.nonEmpty(CSVTable.value(row, title))
            guard organisation != nil || jobTitle != nil else {
                result.skipped.append(SkippedRecord(line: row.line, reason: "the position has no company or title"))
                continue
            }
            guard let startText = ImportSupport.nonEmpty(CSVTable.value(row, started)) else {
                result.skipped.append(SkippedRecord(line: row.line, reason: "the position has no Started On"))
                continue
            }
            func problem(_ field: String, _ found: String) {
                result.problems.append(
                    ParseError(line: row.line, record: k + 1, field: field, found: found, expected: acceptedMonths))
            }
            guard let start = months(startText)?.first else {
                problem("Started On", startText)
                continue
            }
            var end: Day?
            if let endText = ImportSupport.nonEmpty(CSVTable.value(row, finished)), !isOngoing(endText) {
                guard let last = months(endText)?.last else {
                    problem("Finished On", endText)
                    continue
                }
                end = last
            }
            result.records.append(
                JournalEntry(
                    kind: .employment,
                    text: ImportSupport.nonEmpty(CSVTable.value(row, description)) ?? jobTitle ?? organisation ?? "",
                    day: start, endDay: end, organisation: organisation, title: jobTitle, tags: [tag]))
        }
        return result
    }

    /// Whether a `Finished On` says the job lasts: `Present` (a real export, `robertdavidwest/robertdavidwest`,
    /// 2023), or `Current`, `Now`; empty says so too.
    static func isOngoing(_ text: String) -> Bool {
        ["present", "current", "now"].contains(text.trimmedWhitespace().lowercased())
    }

    /// The first and last days of the month (`Jan 2024`, `January 2024`) or year (`2019`) `text` names; nil
    /// for anything else.
    static func months(_ text: String) -> (first: Day, last: Day)? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
        func year(_ word: Substring) -> Int? {
            guard word.count == 4, let y = Int(word), (1900...2100).contains(y) else { return nil }
            return y
        }
        if words.count == 1, let y = year(words[0]), let first = Day(year: y, month: 1, day: 1),
            let last = Day(year: y, month: 12, day: 31)
        {
            return (first, last)
        }
        guard words.count == 2, let m = LinkedInDate.month(named: words[0]), let y = year(words[1]),
            let first = Day(year: y, month: m, day: 1),
            let next = m == 12 ? Day(year: y + 1, month: 1, day: 1) : Day(year: y, month: m + 1, day: 1)
        else { return nil }
        return (first, next - 1)
    }
}
