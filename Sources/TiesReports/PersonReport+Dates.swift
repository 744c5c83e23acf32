import Foundation
import TiesCore

extension PersonReport {
    /// The `birthday:` and `anniversary:` lines of `person show`, when the person has them.
    static func yearlyDates(of person: Person) -> [String] {
        [("birthday", person.birthday), ("anniversary", person.workAnniversary)].compactMap { label, date in
            date.map { "  \(label + ":" + String(repeating: " ", count: max(1, 13 - label.count)))\(text(of: $0))" }
        }
    }

    /// `15 April` or `15 April 1985`.
    static func text(of date: YearlyDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(date.day) \(months[date.month - 1])" + (date.year.map { " \($0)" } ?? "")
    }
}
