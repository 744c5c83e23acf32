import Foundation

/// The comparison keys duplicate detection reads from people: folded text, email addresses, phone numbers.
///
/// Every key is a pure function of its input, the same on every machine, so two records that should be
/// compared meet under the same key whatever their spelling, case or formatting.
///
/// ```swift
/// MatchKey.fold("  Zoë O'Brien-Ärlig ")   // "zoe obrien arlig"
/// MatchKey.email(" Dana@Hale.Example ")   // "dana@hale.example"
/// MatchKey.phone("+1 (312) 555-0100")     // "3125550100"
/// ```
public enum MatchKey {
    /// Letters that do not decompose into a base letter and a mark, spelled the way an ASCII keyboard would.
    static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// Apostrophes join the parts of a name ("O'Brien" is "obrien") rather than splitting it.
    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}"]

    /// Folds text for comparison.
    ///
    /// Lower case; accents and other diacritics removed (canonical decomposition, then marks dropped); the
    /// letters that do not decompose spelled out (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ/ð → d, þ → th,
    /// dotless ı → i); apostrophes removed; every other character that is not a letter or a decimal digit
    /// turned into a space; spaces collapsed and trimmed.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func fold(_ text: String) -> String {
        // ASCII text, byte by byte: the same result without the Unicode tables (most titles and organisations;
        // the role classifier folds every title, a tenth of an export of 10,000 connections, `perf`).
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return foldScalars(text) }
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if space && !folded.isEmpty { folded.append(0x20) }
                space = false
                folded.append(byte | (byte >= UInt8(ascii: "A") ? 0x20 : 0))
            case UInt8(ascii: "'"), UInt8(ascii: "`"): continue
            default: space = true
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// ``fold(_:)`` scalar by scalar, for any text.
    static func foldScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        func append(_ scalars: String.UnicodeScalarView) {
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(contentsOf: scalars)
        }
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            if apostrophes.contains(scalar) { continue }
            if let spelled = spelledOut[scalar] {
                append(spelled.unicodeScalars)
            } else if properties.isAlphabetic || properties.numericType == .decimal {
                append(String.UnicodeScalarView([scalar]))
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// An email address as compared: trimmed, a `mailto:` prefix dropped, lower-cased; nil unless it has one
    /// `@` with text on each side. The one comparison form of an email everywhere (importers, duplicates,
    /// the store's lookups); ``ContactValidation/email(_:field:)`` gives the stored form.
    ///
    /// No provider-specific rules (Gmail's dots and `+tags` are kept): two addresses that differ in them
    /// may reach different people.
    public static func email(_ value: String) -> String? {
        var text = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if text.hasPrefix("mailto:") { text = text.dropFirst(7).trimmingCharacters(in: .whitespacesAndNewlines) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return text
    }

    /// A phone number as compared: its ASCII digits, with the North American country code dropped.
    ///
    /// An 11-digit number that starts with 1 is a North American number with its country code, so its
    /// leading 1 is dropped: `+1 312 555 0100`, `1-312-555-0100` and `(312) 555-0100` all give
    /// `3125550100`. No other country code or trunk prefix is interpreted (`+44 20 7946 0000` and
    /// `020 7946 0000` stay different). Numbers with fewer than 7 digits (extensions, short codes) give nil:
    /// they are too short to tell people apart.
    public static func phone(_ value: String) -> String? {
        var digits = String(value.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        if digits.count == 11 && digits.hasPrefix("1") { digits.removeFirst() }
        return digits.count >= 7 ? digits : nil
    }

    /// An organisation name as compared: ``fold(_:)``, nil when nothing is left.
    public static func organisation(_ name: String?) -> String? {
        guard let name else { return nil }
        let folded = fold(name)
        return folded.isEmpty ? nil : folded
    }
}
