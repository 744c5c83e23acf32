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
    public static func write(_ table: Table, excel: Bool = false) -> String {
        var out = excel ? "\u{FEFF}" : ""
        out += record(table.columns.map { field($0) })
        for row in table.rows {
            out += record(row.map { cell($0) })
        }
        return out
    }

    /// One record, CRLF-terminated.
    public static func record(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }

    /// One cell, neutralised when it is formula-like text, then quoted when needed.
    public static func cell(_ value: Table.Value) -> String {
        switch value {
        case .text(let text): return field(neutralised(text))
        default: return field(value.plain)
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
