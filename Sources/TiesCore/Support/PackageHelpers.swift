import Foundation

// Helpers every Ties module needs, written once with `package` access (as swift-collections'
// InternalCollectionsUtilities): visible to the package's modules, not part of any public API.

/// `n` in decimal, zero-padded to `width` digits, with a minus sign before the digits when negative:
/// `pad(7, 2)` is `07`, `pad(-7, 3)` is `-007`.
package func pad(_ n: Int, _ width: Int) -> String {
    let s = String(abs(n))
    return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
}

extension Day {
    /// How many days `month` (1–12) of `year` has, by the proleptic Gregorian calendar.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension TimeZone {
    /// Coordinated Universal Time (identifier `UTC`).
    package static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
}
