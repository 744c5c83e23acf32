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

/// FNV-1a, 128 bits (prime 2^88 + 2^8 + 0x3b, the published offset basis): a stable digest short enough
/// to store a million times, wide enough that two different texts never meet in practice: among a billion
/// ids the chance of any collision is about 10^-21 (with 64 bits it is about 3 × 10^-8 among a million).
///
/// Kept as two 64-bit halves: multiplying by the prime is `lo × 0x13b` in full width plus `lo << 88`, three
/// multiplications a byte (Swift's generic `UInt128` arithmetic and formatting took a quarter of a
/// million-message import's reading thread, measured with `perf`).
package struct FNV1a128: Hashable {
    package private(set) var high: UInt64 = 0x6C62_272E_07BB_0142
    package private(set) var low: UInt64 = 0x62B8_2175_6295_C58D

    package init() {}

    /// A digest given by its halves.
    package init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Folds in the UTF-8 bytes of `text`.
    package mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var high = self.high
            var low = self.low
            for byte in bytes {
                low ^= UInt64(byte)
                let (carry, product) = low.multipliedFullWidth(by: 0x13B)
                high = high &* 0x13B &+ carry &+ (low << 24)
                low = product
            }
            self.high = high
            self.low = low
        }
    }

    /// The digest as 32 lower-case hex digits.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for i in 0..<16 {
                buffer[i] = digits[Int((high >> UInt64(60 - 4 * i)) & 0xF)]
                buffer[16 + i] = digits[Int((low >> UInt64(60 - 4 * i)) & 0xF)]
            }
            return 32
        }
    }

    /// The digest of `text` as 32 lower-case hex digits.
    package static func hex(_ text: String) -> String {
        var hash = FNV1a128()
        hash.combine(text)
        return hash.hex
    }
}
