import ArgumentParser
import Foundation
import TiesCore

/// `--known-since`, `--birthday` and `--anniversary` of `person add` and `person edit`.
struct PersonDateOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Since when you have known them, YYYY-MM-DD (\"\" clears it). Default: the first contact; the tenure factor counts from this day when it is earlier.",
            valueName: "date"))
    var knownSince: String?
    @Option(help: ArgumentHelp("Their birthday: \(YearlyDate.accepted) (\"\" clears it).", valueName: "date"))
    var birthday: String?
    @Option(
        help: ArgumentHelp("Their work anniversary: \(YearlyDate.accepted) (\"\" clears it).", valueName: "date"))
    var anniversary: String?

    func validate() throws {
        var person = Person(name: "")
        try apply(to: &person, today: Date())
    }

    /// Sets what was given on `person` (an empty value clears it).
    /// - Throws: `ValidationError` (exit 64) naming the option and what it accepts.
    func apply(to person: inout Person, today: Date) throws {
        if let knownSince {
            person.knownSince = try Self.day(knownSince, today: today)
        }
        if let birthday { person.birthday = try Self.yearly(birthday, option: "--birthday") }
        if let anniversary { person.workAnniversary = try Self.yearly(anniversary, option: "--anniversary") }
    }

    static func day(_ text: String, today: Date) throws -> Day? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        guard case .day(let day)? = try? DateInput.parse(text, field: "--known-since", timeZone: .current) else {
            throw ValidationError("--known-since: '\(text)' is not a date; give YYYY-MM-DD, or \"\" to clear it")
        }
        var mapper = DayMapper(timeZone: .current)
        if day > mapper.day(for: today) {
            throw ValidationError("--known-since: \(day) is in the future; give the day you met, YYYY-MM-DD")
        }
        return day
    }

    static func yearly(_ text: String, option: String) throws -> YearlyDate? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        guard let date = YearlyDate.parse(text) else {
            throw ValidationError(
                "\(option): '\(text)' is not a date; give \(YearlyDate.accepted), or \"\" to clear it")
        }
        return date
    }
}
