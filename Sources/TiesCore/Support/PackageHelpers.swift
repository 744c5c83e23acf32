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

/// FNV-1a, 64 bits: a stable hash (Swift's `Hasher` is seeded per process), for ids and digests that must be
/// the same in every process and on every machine — source ids of records without one, a digest of settings.
package struct FNV1a64 {
    /// The hash so far.
    package private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    package init() {}

    /// Folds in the UTF-8 bytes of `text`.
    package mutating func combine(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }

    /// The hash of `text` as 16 lower-case hex digits.
    package static func hex(_ text: String) -> String {
        var hash = FNV1a64()
        hash.combine(text)
        let digits = String(hash.value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
