import Foundation

extension WhoNext {
    /// The reasons a birthday or work anniversary gives: one for each that falls from `asOf` to
    /// ``ScoringConfiguration/yearlyDateLeadDays`` days ahead (a February 29 falls on February 28 in other
    /// years). Not hard: such a row comes after the must-dos and before the other rows.
    static func yearlyDateReasons(_ person: Person, asOf: Day, configuration: ScoringConfiguration) -> [Reason] {
        occasions(of: person, asOf: asOf, configuration: configuration).map { occasion in
            let what = occasion.kind == .birthday ? "birthday" : "work anniversary"
            return Reason(
                code: occasion.kind,
                text: "\(what) \(when(occasion.day, asOf: asOf)): a natural reason to get in touch",
                isHard: false)
        }
    }

    /// The birthday and work anniversary of `person` that fall within the lead days from `asOf`, soonest first.
    static func occasions(of person: Person, asOf: Day, configuration: ScoringConfiguration) -> [(
        kind: ReasonCode, day: Day
    )] {
        [(ReasonCode.birthday, person.birthday), (.workAnniversary, person.workAnniversary)]
            .compactMap { kind, date in date.map { (kind, $0.next(onOrAfter: asOf)) } }
            .filter { $0.day - asOf <= configuration.yearlyDateLeadDays }
            .sorted { $0.day < $1.day }
    }

    /// "today", "tomorrow", or "on Thursday (2026-12-03)".
    static func when(_ day: Day, asOf: Day) -> String {
        switch day - asOf {
        case 0: return "today"
        case 1: return "tomorrow (\(day))"
        default: return "on \(Day.weekdayNames[day.isoWeekday - 1]) (\(day))"
        }
    }

    /// Whether a row has a birthday or work anniversary reason.
    static func hasOccasion(_ row: Recommendation) -> Bool {
        row.reasons.contains { $0.code == .birthday || $0.code == .workAnniversary }
    }
}

extension Day {
    /// English weekday names, Monday first (``isoWeekday`` − 1 indexes them).
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
