import Foundation
import TiesCore

/// Encodes email header fields: RFC 5322 mailboxes (display names as atoms or quoted strings, addresses
/// as dot-atoms or quoted local parts), RFC 2047 encoded words for text outside US-ASCII, and folding so
/// that no line is longer than 76 characters whatever the input (RFC 5322 recommends 78, and forbids more
/// than 998).
///
/// ```swift
/// MailHeader.field("To", MailHeader.mailbox(name: "Dana Reyes", address: "dana@hale.example"))
/// // "To: Dana Reyes <dana@hale.example>"
/// ```
public enum MailHeader {
    /// The longest line this encoder writes, without its CRLF.
    public static let lineLimit = 76

    /// UTF-8 bytes per encoded word: 42 bytes are 56 base64 characters, 68 with `=?UTF-8?B?` and `?=`.
    static let bytesPerEncodedWord = 42

    /// A whole header field, `Name: ` and `tokens` separated by spaces, folded before a token that would
    /// pass ``lineLimit`` (a fold is CRLF and a space, which unfolding turns back into the space).
    public static func field(_ name: String, _ tokens: [String]) -> String {
        var out = name + ":"
        var lineLength = out.count
        for token in tokens {
            if lineLength + 1 + token.count > lineLimit && lineLength > name.count + 1 {
                out += "\r\n " + token
                lineLength = 1 + token.count
            } else {
                out += " " + token
                lineLength += 1 + token.count
            }
        }
        return out
    }

    /// A mailbox as tokens: the display name (when there is one) and `<address>`.
    public static func mailbox(name: String?, address: String) -> [String] {
        let spec = "<" + addressSpec(address) + ">"
        guard let name, case let words = phrase(name), !words.isEmpty else { return [spec] }
        return words + [spec]
    }

    /// Unstructured text (a subject) as tokens: words when printable ASCII, else encoded words.
    public static func unstructured(_ text: String) -> [String] {
        let clean = singleLine(text)
        let words = clean.split(separator: " ").map(String.init)
        if clean.unicodeScalars.allSatisfy(isPrintableASCII) && words.allSatisfy({ $0.count <= lineLimit - 10 }) {
            return words
        }
        return encodedWords(clean)
    }

    /// A display name as tokens: atoms when it is plain words; one quoted string (split at its spaces)
    /// when it has specials; RFC 2047 encoded words when it is not ASCII or has a word too long to fold.
    static func phrase(_ name: String) -> [String] {
        let clean = singleLine(name)
        if clean.isEmpty { return [] }
        let words = clean.split(separator: " ").map(String.init)
        let foldable = words.allSatisfy { $0.count <= lineLimit - 12 }
        guard clean.unicodeScalars.allSatisfy(isPrintableASCII), foldable else { return encodedWords(clean) }
        if clean.unicodeScalars.allSatisfy({ atext.contains($0) || $0 == " " }) { return words }
        var quoted = words.map {
            $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        }
        quoted[0] = "\"" + quoted[0]
        quoted[quoted.count - 1] += "\""
        return quoted
    }

    /// An RFC 5322 `addr-spec`: the local part as a dot-atom, or quoted when it is not one (so a value such
    /// as `a@x.example,b@y.example` stays one address and never becomes two recipients); the domain with
    /// only the characters a domain may have.
    static func addressSpec(_ address: String) -> String {
        let clean = String(
            String.UnicodeScalarView(
                address.unicodeScalars.filter { !($0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F) }))
        guard let at = clean.lastIndex(of: "@") else { return quotedLocalPart(clean) }
        let local = clean[..<at]
        let domain = clean[clean.index(after: at)...].filter {
            $0.isLetter || $0.isNumber || $0 == "." || $0 == "-"
        }
        let localPart = ContactValidation.isDotAtom(local) ? String(local) : quotedLocalPart(String(local))
        return localPart + "@" + domain
    }

    static func quotedLocalPart(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// RFC 2047 `=?UTF-8?B?...?=` words of at most 68 characters, never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerEncodedWord {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// `text` on one line: line breaks become ", ", other control characters spaces, runs of spaces one.
    static func singleLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let joined = lines.joined(separator: ", ")
        let spaced = String(
            String.UnicodeScalarView(
                joined.unicodeScalars.map {
                    $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)
                        || $0.properties.isWhitespace ? " " : $0
                }))
        return spaced.split(separator: " ").joined(separator: " ")
    }

    static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x20 && scalar.value < 0x7F }

    /// RFC 5322 `atext`.
    static let atext = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".unicodeScalars)
}
