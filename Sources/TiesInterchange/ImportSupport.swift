import Foundation
import TiesCore

/// Small helpers the importers share: stable hashing, URL and email normalisation, English month names.
enum ImportSupport {
    /// FNV-1a, 64-bit, over the UTF-8 of `text`, as 16 lowercase hex digits.
    ///
    /// Used for source ids when a record carries no id of its own. Unlike `Hasher`, it is the same in
    /// every process and on every machine, so a re-import finds the same id.
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `text` trimmed of whitespace and newlines, or nil when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmedWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A profile URL in one form: ``ProfileURL/normalised(_:)``, the one URL normaliser.
    static func normalisedURL(_ text: String) -> String { ProfileURL.normalised(text) }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    static func asciiLowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// `text` when it can be an email address (text, one `@`, text), else nil: spreadsheet placeholders such
    /// as `NA` or `-` in an email column are no address, and must not make everyone who has one the same
    /// person.
    static func plausibleEmail(_ text: String?) -> String? {
        guard let text = nonEmpty(text) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") ? text : nil
    }

    /// `text` unless it is a spreadsheet's placeholder for nothing (`NA`, `N/A`, `-`, `null`, `none`).
    static func meaningful(_ text: String?) -> String? {
        guard let text = nonEmpty(text) else { return nil }
        switch text.lowercased() {
        case "na", "n/a", "n.a.", "-", "--", "null", "none", "#n/a": return nil
        default: return text
        }
    }

    /// The month (1–12) named by an English abbreviation or full name, case-insensitively.
    static func month(named text: Substring) -> Int? {
        monthsByName[text.lowercased()]
    }

    /// English month names, full and abbreviated (with "sept"), lower-case.
    static let monthsByName: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december",
        ]
        var table: [String: Int] = ["sept": 9]
        for (k, name) in names.enumerated() {
            table[name] = k + 1
            table[String(name.prefix(3))] = k + 1
        }
        return table
    }()

    /// Contact points without repeats (same kind and value, emails compared case-insensitively), first
    /// occurrence kept, order otherwise unchanged.
    static func deduplicated(_ points: [ContactPoint]) -> [ContactPoint] {
        var seen = Set<String>()
        var out: [ContactPoint] = []
        for point in points {
            let key = point.kind.rawValue + "\u{0}" + (point.kind == .email ? point.value.lowercased() : point.value)
            if seen.insert(key).inserted { out.append(point) }
        }
        return out
    }
}

extension Substring {
    /// The text without leading and trailing white space and line breaks (Unicode white space).
    ///
    /// The same as Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`, without bridging to
    /// `NSString`, which costs microseconds a call on Linux — too much for every field of a large file.
    func trimmedWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isWhitespace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isWhitespace(scalars[before]) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }
}

/// Unicode white space, with a fast answer for ASCII (the property lookup is slow).
@inline(__always)
func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
    return scalar.properties.isWhitespace
}

extension String {
    /// The text without leading and trailing white space and line breaks; see `Substring.trimmedWhitespace()`.
    func trimmedWhitespace() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !isWhitespace(first) && !isWhitespace(last) { return self }
        return self[...].trimmedWhitespace()
    }
}

/// Text files written by spreadsheets, as UTF-8.
public enum SpreadsheetText {
    /// `bytes` unchanged when they are UTF-8; otherwise read as Windows-1252 — what Excel's
    /// "CSV (Comma delimited)" writes on Windows — and returned as UTF-8, with `transcoded` true.
    ///
    /// Without this, every accented letter of such a file would become U+FFFD.
    public static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], transcoded: Bool) {
        // Validated in place (UTF8Span), without copying a file that may be 80 MB.
        if (try? UTF8Span(validating: bytes.span)) != nil { return (bytes, false) }
        return (Array(ContentText.singleByte(bytes, latin9: false).utf8), true)
    }
}
