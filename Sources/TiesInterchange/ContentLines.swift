/// The "content line" layer shared by vCard (RFC 2425/2426/6350, and vCard 2.1) and iCalendar (RFC 5545):
/// `[group.]NAME;PARAM=value;...:value`, after unfolding.

/// One property parameter, such as `TYPE=work,voice` or `CN="Reyes, Dana"`.
struct ContentParameter: Sendable, Equatable {
    /// Upper-cased name (`TYPE`, `CHARSET`, `TZID`...). A vCard 2.1 bare parameter such as `WORK` or
    /// `QUOTED-PRINTABLE` gets the name it stands for (`TYPE`, `ENCODING`).
    var name: String
    /// The value as written after `=`, quotes included.
    var raw: String

    /// The value as one piece of text: surrounding quotes removed, RFC 6868 `^` escapes decoded.
    var text: String {
        var value = raw
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
        }
        return ContentParameter.caretDecoded(value)
    }

    /// The value as a list: split at commas outside quotes, each item unquoted.
    var values: [String] {
        var items: [String] = []
        var current = ""
        var quoted = false
        for ch in raw {
            if ch == "\"" {
                quoted.toggle()
                continue
            }
            if ch == "," && !quoted {
                items.append(ContentParameter.caretDecoded(current))
                current = ""
                continue
            }
            current.append(ch)
        }
        items.append(ContentParameter.caretDecoded(current))
        return items
    }

    /// RFC 6868 parameter escapes resolved: `^n` a line break, `^'` a double quote, `^^` a caret; any
    /// other caret is kept as written.
    static func caretDecoded(_ text: String) -> String {
        ContentText.decodingEscapes(text[...], escape: "^") {
            switch $0 {
            case "n", "N": "\n"
            case "'": "\""
            case "^": "^"
            default: nil
            }
        }
    }
}

/// A property line after unfolding: group, name, parameters and the raw value bytes.
struct ContentLine: Sendable {
    /// The physical line on which the property starts.
    var line: Int
    /// The group prefix (`item1` in `item1.EMAIL`), as written, or nil.
    var group: String?
    /// The property name, upper-cased.
    var name: String
    var parameters: [ContentParameter]
    /// The value bytes after the first `:` outside quotes, undecoded.
    var value: [UInt8]

    /// The first parameter called `name` (upper-case), or nil.
    func parameter(_ name: String) -> ContentParameter? {
        parameters.first { $0.name == name }
    }

    /// Every value of every parameter called `name`, lower-cased (`TYPE=WORK;TYPE=voice`, `TYPE=work,voice`
    /// and vCard 4.0's `TYPE="work,voice"` all give work, voice).
    func parameterValues(_ name: String) -> [String] {
        parameters.filter { $0.name == name }.flatMap { parameter in
            parameter.values.flatMap { $0.split(separator: ",").map { $0.trimmingASCIISpaces().lowercased() } }
        }
    }

    /// The `ENCODING` parameter, upper-cased, or nil.
    var encoding: String? { parameter("ENCODING")?.text.uppercased() }

    /// Whether the value is inline binary data (vCard 2.1 `BASE64`, vCard 3.0 and iCalendar `B`).
    var isBase64: Bool { encoding == "BASE64" || encoding == "B" }

    /// The value as text: quoted-printable decoded when the line says so, then decoded from its
    /// `CHARSET` (UTF-8 by default). Backslash escapes are left in place; see ``ContentText``.
    var decodedValue: String {
        var bytes = value
        if encoding == "QUOTED-PRINTABLE" { bytes = ContentText.quotedPrintableDecoded(bytes) }
        return ContentText.decode(bytes, charset: parameter("CHARSET")?.text)
    }

    /// Parses one unfolded line, or returns nil when it has no `:` or no name.
    static func parse(_ bytes: ArraySlice<UInt8>, line: Int) -> ContentLine? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        // Name (with an optional group): letters, digits, '-', '_', '.'.
        let nameStart = i
        while i < end, bytes[i] != 0x3B, bytes[i] != 0x3A { i += 1 }  // ';' ':'
        guard i < end, i > nameStart else { return nil }
        var fullName = String(decoding: bytes[nameStart..<i], as: UTF8.self).trimmingASCIISpaces()
        guard !fullName.isEmpty, !fullName.utf8.contains(0x20) else { return nil }
        var group: String?
        if let dot = fullName.lastIndex(of: ".") {
            group = String(fullName[..<dot])
            fullName = String(fullName[fullName.index(after: dot)...])
        }
        var parameters: [ContentParameter] = []
        while i < end, bytes[i] == 0x3B {
            i += 1
            let start = i
            var quoted = false
            while i < end {
                let b = bytes[i]
                if b == 0x22 { quoted.toggle() } else if !quoted && (b == 0x3B || b == 0x3A) { break }
                i += 1
            }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            if let eq = text.firstIndex(of: "=") {
                let name = text[..<eq].trimmingASCIISpaces().uppercased()
                parameters.append(
                    ContentParameter(name: name, raw: String(text[text.index(after: eq)...]).trimmingASCIISpaces()))
            } else {
                let bare = text.trimmingASCIISpaces()
                if bare.isEmpty { continue }
                let upper = bare.uppercased()
                let name = ["QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"].contains(upper) ? "ENCODING" : "TYPE"
                parameters.append(ContentParameter(name: name, raw: bare))
            }
        }
        guard i < end, bytes[i] == 0x3A else { return nil }
        return ContentLine(
            line: line, group: group, name: fullName.uppercased(), parameters: parameters,
            value: Array(bytes[(i + 1)...]))
    }
}

/// Splits bytes into unfolded logical lines, remembering where each starts.
///
/// - A line break is CRLF, LF or a lone CR.
/// - A line that starts with a space or a tab continues the previous one (the break and that one
///   character are removed).
/// - With `quotedPrintableSoftBreaks` (vCard 2.1), a line whose parameters say `QUOTED-PRINTABLE` and
///   that ends with `=` continues on the next physical line whatever it starts with (the `=` and the
///   break are removed; a leading space on the next line is kept, as it is part of the encoded text).
struct UnfoldedLines: Sequence, IteratorProtocol {
    let bytes: [UInt8]
    let quotedPrintableSoftBreaks: Bool
    private var position = 0
    private var physicalLine = 1
    private var buffer: [UInt8] = []

    init(_ bytes: [UInt8], quotedPrintableSoftBreaks: Bool) {
        self.bytes = bytes
        self.quotedPrintableSoftBreaks = quotedPrintableSoftBreaks
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next physical line's range, advancing past its break; nil at the end.
    private mutating func physical() -> Range<Int>? {
        guard position < bytes.count else { return nil }
        let start = position
        var i = position
        let n = bytes.count
        while i < n, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
        let range = start..<i
        if i < n { i += bytes[i] == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A ? 2 : 1 }
        position = i
        physicalLine += 1
        return range
    }

    private func startsFolded(at offset: Int) -> Bool {
        offset < bytes.count && (bytes[offset] == 0x20 || bytes[offset] == 0x09)
    }

    /// The next logical line: its first physical line number and its bytes.
    mutating func next() -> (line: Int, bytes: ArraySlice<UInt8>)? {
        let line = physicalLine
        guard let first = physical() else { return nil }
        // The common case: no continuation, no copy.
        let mayContinue =
            startsFolded(at: position)
            || (quotedPrintableSoftBreaks && first.count > 0 && bytes[first.upperBound - 1] == 0x3D)
        if !mayContinue { return (line, bytes[first]) }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: bytes[first])
        let quotedPrintable = quotedPrintableSoftBreaks && UnfoldedLines.declaresQuotedPrintable(buffer)
        while position < bytes.count {
            if quotedPrintable, buffer.last == 0x3D {
                // A soft line break: the next line is the value's continuation, leading spaces included.
                guard let next = physical() else { break }
                buffer.removeLast()
                buffer.append(contentsOf: bytes[next])
            } else if startsFolded(at: position) {
                guard let next = physical() else { break }
                buffer.append(contentsOf: bytes[(next.lowerBound + 1)..<next.upperBound])
            } else {
                break
            }
        }
        return (line, buffer[...])
    }

    /// Whether the part of `line` before its first `:` mentions QUOTED-PRINTABLE.
    static func declaresQuotedPrintable(_ line: [UInt8]) -> Bool {
        let colon = line.firstIndex(of: 0x3A) ?? line.count
        let needle = Array("QUOTED-PRINTABLE".utf8)
        guard colon >= needle.count else { return false }
        var i = 0
        while i + needle.count <= colon {
            var k = 0
            while k < needle.count {
                var b = line[i + k]
                if b >= 0x61 && b <= 0x7A { b -= 0x20 }
                if b != needle[k] { break }
                k += 1
            }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }
}

/// Decoding of property values: quoted-printable, character sets and backslash escapes.
enum ContentText {
    /// Quoted-printable decoded: `=XX` becomes the byte 0xXX; an `=` not followed by two hex digits is kept.
    static func quotedPrintableDecoded(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x3D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x3D, i + 2 < bytes.count, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    /// Bytes decoded from `charset`.
    ///
    /// UTF-8 (and US-ASCII) are the default. `ISO-8859-1`/`Latin1` are read as Windows-1252, as web
    /// browsers do (exporters that say Latin-1 write Windows-1252 quotes and dashes); `Windows-1252`/
    /// `CP1252` and `ISO-8859-15` are supported. With no charset, bytes that are not valid UTF-8 are read as
    /// Windows-1252 (old Outlook and phone exports); any other charset, or invalid UTF-8 under a declared
    /// UTF-8, decodes as UTF-8 with U+FFFD for bad bytes.
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let name = charset.map { String($0.uppercased().map { $0 == "_" ? "-" : $0 }) }
        switch name {
        case "ISO-8859-1", "ISO8859-1", "LATIN1", "LATIN-1", "WINDOWS-1252", "CP1252", "CP-1252", "ISO-8859-15",
            "ISO8859-15", "LATIN-9", "LATIN9":
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            return singleByte(bytes, latin9: ["ISO-8859-15", "ISO8859-15", "LATIN-9", "LATIN9"].contains(name ?? ""))
        case nil:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return singleByte(bytes, latin9: false)
        default:
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Windows-1252 bytes 0x80–0x9F; the five it leaves undefined map to the C1 controls.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
        0x017E, 0x0178,
    ]

    static func singleByte(_ bytes: [UInt8], latin9: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            var value = UInt32(b)
            if b >= 0x80 && b <= 0x9F {
                value = windows1252High[Int(b - 0x80)]
            } else if latin9 {
                switch b {
                case 0xA4: value = 0x20AC
                case 0xA6: value = 0x0160
                case 0xA8: value = 0x0161
                case 0xB4: value = 0x017D
                case 0xB8: value = 0x017E
                case 0xBC: value = 0x0152
                case 0xBD: value = 0x0153
                case 0xBE: value = 0x0178
                default: break
                }
            }
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// Text with backslash escapes resolved: `\n` and `\N` are a line break; `\\`, `\,`, `\;` and `\:` are
    /// the character itself. Any other backslash is kept as written.
    static func unescaped(_ text: Substring) -> String {
        decodingEscapes(text, escape: "\\") {
            switch $0 {
            case "n", "N": "\n"
            case "\\", ",", ";", ":": $0
            default: nil
            }
        }
    }

    /// `text` with each `escape` (ASCII) followed by a character replaced by what `meaning` makes of that
    /// character; where it makes nothing (nil), and at the very end, the escape stays as written.
    static func decodingEscapes(_ text: Substring, escape: Character, _ meaning: (Character) -> Character?) -> String {
        guard let byte = escape.asciiValue, text.utf8.contains(byte) else { return String(text) }
        var out = ""
        var pending = false
        for ch in text {
            if pending {
                if let decoded = meaning(ch) {
                    out.append(decoded)
                } else {
                    out.append(escape)
                    out.append(ch)
                }
                pending = false
            } else if ch == escape {
                pending = true
            } else {
                out.append(ch)
            }
        }
        if pending { out.append(escape) }
        return out
    }

    static func unescaped(_ text: String) -> String { unescaped(text[...]) }

    /// `text` split at every `separator` that is not escaped with a backslash; the parts are not unescaped.
    static func split(_ text: String, at separator: Character) -> [Substring] {
        guard text.contains(separator) else { return [text[...]] }
        var parts: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        var escaped = false
        while i < text.endIndex {
            let ch = text[i]
            if escaped {
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == separator {
                parts.append(text[start..<i])
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        parts.append(text[start...])
        return parts
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingASCIISpaces() -> String {
        let u = utf8
        var start = u.startIndex
        var end = u.endIndex
        while start < end, u[start] == 0x20 || u[start] == 0x09 { start = u.index(after: start) }
        while end > start {
            let before = u.index(before: end)
            guard u[before] == 0x20 || u[before] == 0x09 else { break }
            end = before
        }
        return String(self[start..<end])
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingASCIISpaces() -> String { self[...].trimmingASCIISpaces() }
}
