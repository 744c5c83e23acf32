import Foundation
import TiesCore

/// The dates of one column of one file (Connections' `Connected On`, Invitations' `Sent At`), read in the
/// order the file itself tells for those written with numbers only.
///
/// LinkedIn writes such dates month first with slashes and a two-digit year (`9/27/21`, `2/12/18, 5:55 AM`).
/// A spreadsheet set to a day-first language that re-saves the file writes the dates it understood day first
/// (`27-09-2021`, `27/09/2021`) and leaves the others as LinkedIn wrote them (nnikita19/Linkedin-Ananlysis);
/// one that understood every date leaves none of LinkedIn's. So, for the numeric dates with a dash or a slash:
/// - some first number over 12 (`27-09-2021`), and no second one: the column is day first;
/// - some second number over 12 (`9/27/21`), and no first one: month first — also for the dates a day-first
///   spreadsheet rewrote (`09-04-2021` beside `9/27/21` is LinkedIn's 9/4, 4 September);
/// - neither: month first when LinkedIn's own form is there (`2/12/18, 5:55 AM`); else the order in which the
///   dates are newest first, as LinkedIn lists both files, when exactly one order has the column's (at least
///   three different) dates so; else the column cannot tell, and each such date is refused, saying what to do.
///
/// Dates with words (`27 Sep 2021`, `27-Sep-21`), with dots (`27.09.2021`, day first) or year first are read as
/// ``LinkedInDate`` reads them.
public struct LinkedInDateColumn: Sendable {
    /// How the column's numeric dates are read: month first, day first, or nil when it cannot tell.
    public let dayFirst: Bool?

    /// Reads the order from the column's texts, in file order.
    public init(_ texts: [String]) {
        var dayFirstSeen = false
        var monthFirstSeen = false
        var linkedInForm = false
        var anyNumeric = false
        for text in texts {
            guard let n = Self.numeric(text) else { continue }
            if n.a > 12 && n.b <= 12 { dayFirstSeen = true }
            if n.b > 12 && n.a <= 12 { monthFirstSeen = true }
            if n.slash && n.shortYear { linkedInForm = true }
            anyNumeric = true
        }
        if dayFirstSeen != monthFirstSeen {
            dayFirst = dayFirstSeen
        } else if dayFirstSeen {
            dayFirst = nil  // both orders: each date that tells is read so, the others refused
        } else if !anyNumeric || linkedInForm {
            dayFirst = false
        } else {
            dayFirst = Self.newestFirst(texts)
        }
    }

    /// The instant `text` names (noon UTC when it has no time), or why not: `.undecided` when it is a numeric
    /// date whose order the column does not tell.
    public func instant(_ text: String) -> Result<Date, Failure> {
        parts(text).map {
            Date(timeIntervalSince1970: TimeInterval($0.day.ordinal * 86_400 + ($0.seconds ?? 12 * 3600)))
        }
    }

    /// The day `text` names, or why not.
    public func day(_ text: String) -> Result<Day, Failure> { parts(text).map(\.day) }

    private func parts(_ text: String) -> Result<(day: Day, seconds: Int?), Failure> {
        guard let n = Self.numeric(text) else {
            return LinkedInDate.parse(text).map { .success($0) } ?? .failure(.notADate)
        }
        let first: Bool
        if let dayFirst {
            first = dayFirst
        } else if n.a > 12 || n.b > 12 {
            first = n.a > 12
        } else {
            return .failure(.undecided)
        }
        return Self.reading(text, dayFirst: first).map { .success($0) } ?? .failure(.notADate)
    }

    public enum Failure: Error, Equatable {
        case notADate
        /// Both numbers are 12 or under and nothing in the file tells which is the month.
        case undecided
    }

    /// What a refused date expected, for error messages.
    public static func expected(_ failure: Failure, _ text: String) -> String {
        switch failure {
        case .notADate: return LinkedInDate.accepted
        case .undecided:
            return
                "a date whose order the column tells: \(text) may be day first or month first, and nothing in the column decides (no number over 12 shows one order alone, and the dates are newest first, as LinkedIn lists them, in neither order or in both); import the export's file as LinkedIn wrote it, before a spreadsheet re-saved it, or write the column's dates year first (2021-04-03)"
        }
    }

    /// `text` read with its first number as the day (or the month), or nil when it is no such date.
    static func reading(_ text: String, dayFirst: Bool) -> (day: Day, seconds: Int?)? {
        guard let n = numeric(text) else { return nil }
        let tokens = LinkedInDate.Tokens(text)
        guard let year = LinkedInDate.year(tokens.items[2]),
            let day = Day(year: year, month: dayFirst ? n.b : n.a, day: dayFirst ? n.a : n.b)
        else { return nil }
        let time = LinkedInDate.time(Array(tokens.items.dropFirst(3)))
        guard time.valid else { return nil }
        return (day, time.seconds)
    }

    /// Whether exactly one order lists the column's dates newest first: true for day first, false for month
    /// first, nil when both or neither do, or the column has fewer than three different dates.
    static func newestFirst(_ texts: [String]) -> Bool? {
        func sorted(_ dayFirst: Bool) -> Bool? {
            var dates: [Int] = []
            for text in texts where !text.isEmpty {
                guard let date = numeric(text) != nil ? reading(text, dayFirst: dayFirst) : LinkedInDate.parse(text)
                else { return nil }
                dates.append(date.day.ordinal * 86_400 + (date.seconds ?? 12 * 3600))
            }
            guard Set(dates).count >= 3 else { return nil }
            return zip(dates, dates.dropFirst()).allSatisfy { $0 >= $1 }
        }
        switch (sorted(true), sorted(false)) {
        case (true?, let other) where other != true: return true
        case (let other, true?) where other != true: return false
        default: return nil
        }
    }

    /// A date of numbers only with a dash or a slash after the first (`27-09-2021`, `9/27/21, 7:45 AM`): its
    /// first two numbers, whether a slash follows the first, and whether the year has two digits.
    static func numeric(_ text: String) -> (a: Int, b: Int, slash: Bool, shortYear: Bool)? {
        let tokens = LinkedInDate.Tokens(text)
        let items = tokens.items
        guard items.count >= 3, let separator = tokens.separators.first, separator == "-" || separator == "/",
            items[0].utf8.count <= 2, items[1].utf8.count <= 2, let a = LinkedInDate.number(items[0]),
            let b = LinkedInDate.number(items[1]), LinkedInDate.year(items[2]) != nil
        else { return nil }
        return (a, b, separator == "/", items[2].utf8.count == 2)
    }
}
