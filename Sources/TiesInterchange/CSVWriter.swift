import TiesCore

/// Writes RFC 4180 CSV that is safe to open in a spreadsheet.
///
/// - Records end with CRLF; a field is quoted when it holds a comma, a quote, CR or LF, and quotes inside
///   are doubled.
/// - Text cells that a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a tab or a
///   carriage return — are prefixed with a single quote, as OWASP's CSV-injection guidance recommends.
///   Numbers are written as numbers, so `-3` stays `-3`.
/// - `excel: true` starts the file with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
public enum CSVWriter {
    /// The whole table as CSV text: a header row, then one record per row.
    ///
    /// `forTerminal: true` (for standard output on a terminal) writes every control character inside a
    /// field but tab and line feed as a visible `\u{1b}`, and bidirectional-formatting characters too, so
    /// that text from an imported file cannot drive the terminal (escape sequences) or hide what is shown.
    public static func write(_ table: Table, excel: Bool = false, forTerminal: Bool = false) -> String {
        var out = excel ? "\u{FEFF}" : ""
        let safe: (String) -> String = forTerminal ? { terminalSafe($0) } : { $0 }
        out += record(table.columns.map { field(safe($0)) })
        for row in table.rows {
            out += record(row.map { cell($0, transform: safe) })
        }
        return out
    }

    /// `text` with control characters (but tab and line feed) and bidirectional-formatting characters
    /// written as `\u{...}`.
    public static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00..<0x20, 0x7F..<0xA0, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// One record, CRLF-terminated.
    public static func record(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }

    /// One cell, neutralised when it is formula-like text, then quoted when needed.
    public static func cell(_ value: Table.Value, transform: (String) -> String = { $0 }) -> String {
        switch value {
        case .text(let text): return field(transform(neutralised(text)))
        default: return field(transform(value.plain))
        }
    }

    /// `text` with a leading `'` when a spreadsheet would read it as a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + text
        default: return text
        }
    }

    /// A field, quoted when it holds a comma, a quote, CR or LF.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
