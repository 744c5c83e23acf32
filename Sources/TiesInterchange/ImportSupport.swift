import Foundation
import TiesCore

/// Small helpers the importers share: URL and email normalisation, English month names (the stable hash is
/// TiesCore's ``FNV1a64``).
enum ImportSupport {
    /// `text` trimmed of whitespace and newlines, or nil when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmedWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether `text` is one email address as the store takes it (``ContactValidation/email(_:field:)``).
    static func isEmail(_ text: String) -> Bool {
        (try? ContactValidation.email(text)) != nil
    }

    /// Whether `group` is Google's system group that every contact is in: `myContacts` in Google's vCard and
    /// "Outlook CSV" exports, `My Contacts` in Android's vCards. It says nothing, so it is no tag.
    static func isEveryContactGroup(_ group: String) -> Bool {
        let lowered = group.lowercased()
        return lowered == "mycontacts" || lowered == "my contacts"
    }

    /// A profile URL in one form: ``ProfileURL/normalised(_:)``, the one URL normaliser.
    static func normalisedURL(_ text: String) -> String { ProfileURL.normalised(text) }

    /// `name` with every run of spaces made one space, and none at its ends.
    ///
    /// messages.csv writes a member's first and last name joined by a space, their first name's own trailing
    /// space kept (`Ravi  Patnala`), where Connections.csv has `Ravi ,Patnala`: compared as written, the
    /// messages named no connection (six to 39 rows in each of four real exports of 2018–2023). Only names
    /// with two spaces in a row are rebuilt: a million-row file pays one scan per name.
    static func singleSpaced(_ name: String) -> String {
        var previous: UInt8 = 0x20
        var needed = false
        for byte in name.utf8 {
            if byte == 0x20 && previous == 0x20 {
                needed = true
                break
            }
            previous = byte
        }
        guard needed || previous == 0x20 else { return name }
        return name.split(separator: " ").joined(separator: " ")
    }

    /// A LinkedIn file's profile URL in one form (``normalisedURL(_:)``), or nil when the cell names no
    /// profile: empty, a spreadsheet's placeholder, or an address that is no one's
    /// (``ProfileURL/canIdentify(key:)``: Invitations.csv of late 2023 holds `https://www.linkedin.com/in` in
    /// both URL columns of every row; read as a profile, it pointed every invitation at one profile no one
    /// has, and none found its person by name).
    static func profileURL(_ text: String?) -> String? {
        guard let text = meaningful(text) else { return nil }
        let url = normalisedURL(text)
        return ProfileURL.canIdentify(key: ProfileURL.key(ofNormalised: url)) ? url : nil
    }

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

/// ``isWhitespace(_:)`` of an ASCII byte.
@inline(__always)
func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
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
        // Most fields start and end with an ASCII letter: told from the bytes, without the scalar view's
        // decoding and index checks (trimming the fields of a million message rows: 3 % of the reading thread).
        guard let head = utf8.first, let tail = utf8.last else { return self }
        if head < 0x80 && tail < 0x80 && !isASCIIWhitespace(head) && !isASCIIWhitespace(tail) { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !isWhitespace(first) && !isWhitespace(last) { return self }
        return self[...].trimmedWhitespace()
    }
}

/// Text files written by spreadsheets, as UTF-8.
public enum SpreadsheetText {
    /// `bytes` unchanged when they are UTF-8; otherwise read as Windows-1252 — what Excel's
    /// "CSV (Comma delimited)" writes on Windows — and returned as UTF-8, with `transcoded` true. A file a
    /// spreadsheet saved with semicolons between its fields comes back comma-separated
    /// (``commaSeparated(_:)``).
    ///
    /// Without this, every accented letter of such a file would become U+FFFD.
    public static func utf8(_ bytes: [UInt8]) -> (bytes: [UInt8], transcoded: Bool) {
        // Validated in place (UTF8Span), without copying a file that may be 80 MB.
        if (try? UTF8Span(validating: bytes.span)) != nil { return (commaSeparated(bytes) ?? bytes, false) }
        let text = Array(ContentText.singleByte(bytes, latin9: false).utf8)
        return (commaSeparated(text) ?? text, true)
    }
}

/// Text saved as UTF-16 — Apple's Address Book exported vCards so (big-endian, without a byte order mark), and
/// Windows' "Unicode" saves are little-endian with one — as UTF-8.
public enum UTF16Text {
    /// The UTF-8 of `bytes` when they are UTF-16: they start with a byte order mark, or their first four
    /// characters are ASCII letters, digits or punctuation each with a zero byte (`B E G I` as `00 42 00 45
    /// 00 47 00 49`). Nil otherwise. A lone surrogate becomes U+FFFD.
    public static func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let bigEndian: Bool
        var start = 0
        switch (bytes[0], bytes[1]) {
        case (0xFE, 0xFF): (bigEndian, start) = (true, 2)
        case (0xFF, 0xFE): (bigEndian, start) = (false, 2)
        default:
            guard bytes.count >= 8 else { return nil }
            func ascii(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }
            let even = stride(from: 0, to: 8, by: 2).map { bytes[$0] }
            let odd = stride(from: 1, to: 8, by: 2).map { bytes[$0] }
            if even.allSatisfy({ $0 == 0 }) && odd.allSatisfy(ascii) {
                bigEndian = true
            } else if odd.allSatisfy({ $0 == 0 }) && even.allSatisfy(ascii) {
                bigEndian = false
            } else {
                return nil
            }
        }
        let (high, low) = bigEndian ? (0, 1) : (1, 0)
        let units = stride(from: start, to: bytes.count - 1, by: 2).map { (i: Int) -> UInt16 in
            UInt16(bytes[i + high]) << 8 | UInt16(bytes[i + low])
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
