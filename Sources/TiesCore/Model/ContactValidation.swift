/// The one place where names, free text, emails, phone numbers and URLs are checked and put in one form
/// before they are stored: `person add`, `person edit`, `me set` and every importer call it.
///
/// Each function returns the value in its stored form, or throws an ``InputError`` naming the field, what
/// was given and what is accepted. Nothing is ever shortened or cut at a bad character: a value is taken
/// whole or refused whole.
///
/// - Names: trimmed; not empty; no control characters (NUL, ESC, tab, CR, LF...) nor line or paragraph
///   separators.
/// - Text (organisation, title, tag; notes with `multiline`): trimmed; no control characters, except tab,
///   and CR and LF in multi-line text.
/// - Emails: one address `local@domain`, `mailto:` dropped, the domain lower-cased; the local part is a
///   dot-atom (letters, digits and ``!#$%&'*+-/=?^_`{|}~``, dots between), the domain has at least two labels of
///   letters, digits and hyphens (or non-ASCII letters); at most 254 characters. So a list such as
///   `victim@x.example,attacker@example.com`, a display name or angle brackets are refused, never read as
///   one address.
/// - Phones: digits with `+ ( ) - . /` and spaces, at least 3 digits and at most 20, optionally an extension
///   (`x 12`, `ext. 12`, `;ext=12`) or what is dialled after a pause (`9770423600p`, `…0100,,1234`); `tel:`
///   dropped, runs of spaces made one.
/// - URLs: `http` or `https` (assumed when there is no scheme), a host with a dot, no spaces, quotes or
///   angle brackets. A LinkedIn profile is stored in the form ``normalisedURL(_:)`` gives, so one profile
///   has one form; any other web address as written (``webAddress(_:field:)``): its `http`, query and
///   fragment may be what makes it work. Both are matched by ``ProfileURL/key(_:)``.
///
/// ```swift
/// let email = try ContactValidation.email(" Dana@Hale.EXAMPLE ")  // "Dana@hale.example"
/// let (person, problems) = ContactValidation.person(imported)     // problems: what cannot be stored
/// ```
public enum ContactValidation {
    /// A person's name, trimmed.
    /// - Throws: ``InputError`` when it is empty or holds a control character or line break.
    public static func name(_ text: String, field: String = "name") throws(InputError) -> String {
        if isPlainASCII(text) { return text }
        let name = trimmed(text)
        guard !name.isEmpty else { throw InputError(field: field, value: text, expected: "a name") }
        if name.unicodeScalars.contains(where: { isControl($0, allowTab: false, allowLineBreaks: false) }) {
            throw InputError(
                field: field, value: text, expected: "a name without control characters (newlines, tabs, escapes)")
        }
        return name
    }

    /// Free text (an organisation, a title, a tag, a note), trimmed; nil when nothing is left.
    /// - Parameter multiline: allow line breaks (notes, addresses).
    /// - Throws: ``InputError`` when it holds a control character (NUL, ESC...).
    public static func text(_ text: String, field: String, multiline: Bool = false) throws(InputError) -> String? {
        if isPlainASCII(text) { return text }
        let value = trimmed(text)
        if value.isEmpty { return nil }
        if value.unicodeScalars.contains(where: { isControl($0, allowTab: true, allowLineBreaks: multiline) }) {
            throw InputError(
                field: field, value: text,
                expected: "text without control characters (escapes, NUL\(multiline ? "" : ", line breaks"))")
        }
        return value
    }

    /// One email address in its stored form: trimmed, `mailto:` dropped, domain lower-cased.
    /// - Throws: ``InputError`` unless it is exactly one address `local@domain`.
    public static func email(_ text: String, field: String = "email") throws(InputError) -> String {
        var value = trimmed(text)
        if value.lowercased().hasPrefix("mailto:") { value = trimmed(String(value.dropFirst(7))) }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, value.utf8.count <= 254, isDotAtom(parts[0]), parts[0].utf8.count <= 64,
            isDomain(parts[1])
        else {
            throw InputError(field: field, value: text, expected: "one email address, such as name@example.org")
        }
        return parts[0] + "@" + parts[1].lowercased()
    }

    /// A phone number in its stored form: trimmed, `tel:` dropped, the invisible marks of writing direction
    /// dropped, runs of spaces made one.
    /// - Throws: ``InputError`` unless it is digits with `+ ( ) - . /` and spaces (3 to 20 digits), with an
    ///   optional extension.
    public static func phone(_ text: String, field: String = "phone") throws(InputError) -> String {
        // Phones and contacts apps wrap numbers in bidirectional marks (U+202A … U+202C, U+200E, U+2066 …):
        // `\u{202A}+91 81297 00200\u{202C}` in a real Google Contacts export. They show nothing and say nothing.
        let directionMarks: ClosedRange<UInt32> = 0x202A...0x202E
        let isolates: ClosedRange<UInt32> = 0x2066...0x2069
        var value = trimmed(
            String(
                text.unicodeScalars.filter {
                    !directionMarks.contains($0.value) && !isolates.contains($0.value) && $0.value != 0x200E
                        && $0.value != 0x200F
                }))
        if value.lowercased().hasPrefix("tel:") { value = trimmed(String(value.dropFirst(4))) }
        value = String(value.map { $0 == "\u{A0}" ? " " : $0 })
        value = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let (number, extensionDigits) = splitExtension(splitPauses(value).number)
        let allowed = Set("0123456789+-()./ ")
        let digits = number.filter(\.isASCIIDigit).count
        guard !number.isEmpty, number.allSatisfy({ allowed.contains($0) }), (3...20).contains(digits),
            !number.dropFirst().contains("+"), extensionDigits.map({ !$0.isEmpty && $0.count <= 10 }) ?? true
        else {
            throw InputError(
                field: field, value: text,
                expected: "a phone number: digits with optional + ( ) - . / and spaces, e.g. +1 312 555 0100 ext. 12")
        }
        // RFC 3966's `;ext=102` (vCard 4.0's `tel:` URIs) as ` ext. 102`: a `;` in a number would read as two
        // numbers in the people CSV, which joins a person's phones with `;`.
        if let digits = extensionDigits, value.lowercased().contains(";ext=") { return number + " ext. " + digits }
        return value
    }

    /// A web or profile URL in its stored form (see ``normalisedURL(_:)``).
    /// - Throws: ``InputError`` unless it is an `http`/`https` URL (or a host and path) without spaces,
    ///   quotes, angle brackets or control characters.
    public static func url(_ text: String, field: String = "url") throws(InputError) -> String {
        let value = trimmed(text)
        let refused = value.unicodeScalars.contains {
            $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F
                || "\"<>\\`{}|^".unicodeScalars.contains($0)
        }
        let normalised = normalisedURL(value)
        let scheme = normalised.prefix { $0 != ":" }.lowercased()
        let host = normalised.dropFirst(scheme.count + 3).prefix { $0 != "/" }
        guard !value.isEmpty, !refused, scheme == "http" || scheme == "https", host.contains("."),
            !host.hasPrefix("."), !host.hasSuffix("."),
            host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" })
        else {
            throw InputError(
                field: field, value: text, expected: "a web address, such as https://www.linkedin.com/in/dana-reyes")
        }
        return normalised
    }

    /// A web address as it may be stored: checked as by ``url(_:field:)``, then kept as written — trimmed, with
    /// `https://` only when it has no scheme. `http://intranet.example/staff?id=42` stays so: changing the
    /// scheme or dropping the query would store an address that may not work.
    public static func webAddress(_ text: String, field: String = "url") throws(InputError) -> String {
        _ = try url(text, field: field)
        let value = trimmed(text)
        let scheme = value.prefix { $0 != ":" }.lowercased()
        return value.dropFirst(scheme.count).hasPrefix("://") && (scheme == "http" || scheme == "https")
            ? value : "https://" + value
    }

    /// A LinkedIn profile: a URL (checked and normalised as by ``url(_:field:)``) or a bare handle of
    /// letters, digits, `-` and `_` (`alexkim`), kept as written.
    public static func linkedinProfile(_ text: String, field: String = "linkedin") throws(InputError) -> String {
        let value = trimmed(text)
        if !value.isEmpty,
            value.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            })
        {
            return value
        }
        do { return try url(value, field: field) } catch {
            throw InputError(
                field: field, value: text,
                expected: "a profile URL or handle without spaces, e.g. https://www.linkedin.com/in/alexkim")
        }
    }

    /// A contact point with its value checked and put in stored form for its kind.
    public static func contactPoint(_ point: ContactPoint) throws(InputError) -> ContactPoint {
        var checked = point
        switch point.kind {
        case .email: checked.value = try email(point.value)
        case .phone: checked.value = try phone(point.value)
        case .url: checked.value = try webAddress(point.value)
        case .linkedin: checked.value = try linkedinProfile(point.value)
        }
        return checked
    }

    /// A person as it may be stored, and the problems of what may not.
    ///
    /// The name, organisation, title, tags and every contact point are checked; a contact point that
    /// cannot be stored is left out of the returned person and listed in `problems`, as is a bad
    /// organisation, title or tag. An importer treats a person with problems as a record it cannot read:
    /// refused with the file, or skipped and listed.
    public static func person(_ person: Person) -> (person: Person, problems: [InputError]) {
        var checked = person
        var problems: [InputError] = []
        do throws(InputError) { checked.name = try name(person.name) } catch { problems.append(error) }
        do throws(InputError) {
            if let organisation = person.organisation {
                checked.organisation = try text(organisation, field: "organisation")
            }
        } catch {
            problems.append(error)
            checked.organisation = nil
        }
        do throws(InputError) {
            if let title = person.title { checked.title = try text(title, field: "title") }
        } catch {
            problems.append(error)
            checked.title = nil
        }
        var tags = Set<String>()
        for tag in person.tags.sorted() {
            do throws(InputError) {
                if let tag = try text(tag, field: "tag") { tags.insert(tag) }
            } catch { problems.append(error) }
        }
        checked.tags = tags
        var points: [ContactPoint] = []
        for point in person.contactPoints {
            do throws(InputError) { points.append(try contactPoint(point)) } catch { problems.append(error) }
        }
        checked.contactPoints = points
        return (checked, problems)
    }

    // MARK: - Normal forms

    /// A profile URL in one form: ``ProfileURL/normalised(_:)`` (trimmed; query and fragment dropped; scheme
    /// and host lower-cased, `http` read as `https`; `https://` added when there is no scheme; percent-encoded
    /// UTF-8 decoded; trailing slashes dropped). Does not check the URL; see ``url(_:field:)``.
    public static func normalisedURL(_ text: String) -> String {
        // One URL normaliser: ProfileURL's (scheme, host case, trailing slash, percent-encoding).
        ProfileURL.normalised(text)
    }

    // MARK: - Pieces

    /// Whether `scalar` is a control character (C0, DEL, C1) or a line/paragraph separator, apart from those
    /// allowed.
    static func isControl(_ scalar: Unicode.Scalar, allowTab: Bool, allowLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x09: return !allowTab
        case 0x0A, 0x0D: return !allowLineBreaks
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x2028, 0x2029: return !allowLineBreaks
        default: return false
        }
    }

    /// Whether `text` is printable ASCII, not empty and without a space at either end: then it is already a
    /// valid name or text in its stored form. Answered from its bytes: the checks scalar by scalar were 1.3 %
    /// of the samples of `ties import csv` of a million rows (`perf`), for names that are nearly always such
    /// text.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            return bytes.allSatisfy { (0x20...0x7E).contains($0) }
        } ?? false
    }

    /// `text` without leading and trailing Unicode white space (`text` itself, not a copy, when it has none).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isWhitespace($0) }),
            let last = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        if start == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[start...last])
    }

    /// Unicode's White_Space property, answered without the property tables for ASCII (a million-row import
    /// asks it of every name and note: Unicode's table lookups were a tenth of reading such a file, `perf`).
    package static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// RFC 5322 `dot-atom`: atoms of `atext` separated by single dots (UTF-8 letters allowed, RFC 6532).
    package static func isDotAtom(_ text: Substring) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("."), !text.hasSuffix("."), !text.contains("..") else { return false }
        let specials = Set("!#$%&'*+-/=?^_`{|}~.".unicodeScalars)
        return text.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || specials.contains($0)))
                || (!$0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil))
        }
    }

    /// A domain of two or more labels of letters, digits and inner hyphens (non-ASCII letters allowed).
    static func isDomain(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, text.utf8.count <= 253 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy {
                    $0 == "-" || ("0"..."9").contains($0) || $0.properties.isAlphabetic
                        || (!$0.isASCII && $0.properties.generalCategory == .nonspacingMark)
                }
        }
    }

    /// A phone number and what a phone dials after it: pauses and waits (`p`, `w`, `,`), then digits, `*` or
    /// `#` — `9770423600p` as Android saves a number with a pause (4 numbers of an Indian Android export in
    /// `kamalkne/contacts`, refused before), `+1 800 555 0100,,1234`. Nil when there is none, or when what
    /// follows is not only these (a list `555 0100, 555 0199` stays a list, refused).
    static func splitPauses(_ value: String) -> (number: String, dialled: String?) {
        let pauses = Set("pPwW,")
        guard let start = value.firstIndex(where: { pauses.contains($0) }) else { return (value, nil) }
        let dialled = value[start...]
        guard dialled.allSatisfy({ pauses.contains($0) || $0.isASCIIDigit || $0 == "*" || $0 == "#" }) else {
            return (value, nil)
        }
        return (String(value[..<start]), String(dialled))
    }

    /// A phone number and the digits of its extension (`x 12`, `ext. 12`, `extension 12`, `;ext=12`).
    static func splitExtension(_ value: String) -> (number: String, extension: String?) {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return (value, nil) }
        let lower = value.lowercased()  // ASCII: the same indices as `value`
        for marker in [";ext=", " extension ", " ext. ", " ext ", " ext.", " x ", " x", "x"] {
            guard let range = lower.range(of: marker, options: .backwards) else { continue }
            let digits = lower[range.upperBound...].trimmingPrefix(" ")
            guard digits.allSatisfy(\.isASCIIDigit) else { continue }
            let number = String(value[..<range.lowerBound])
            return (number.hasSuffix(" ") ? String(number.dropLast()) : number, String(digits))
        }
        return (value, nil)
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    static func asciiLowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
