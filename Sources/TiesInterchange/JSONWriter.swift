import TiesCore

/// Writes JSON with a fixed key order and fixed number formatting, so the same data gives the same bytes.
public enum JSONWriter {
    /// The table as a JSON array of objects, one per row, keys in column order.
    public static func write(_ table: Table) -> String {
        if table.rows.isEmpty { return "[]\n" }
        var out = "[\n"
        for (r, row) in table.rows.enumerated() {
            out += "  {"
            for (c, value) in row.enumerated() {
                out += (c == 0 ? "" : ", ") + string(table.columns[c]) + ": " + self.value(value)
            }
            out += r == table.rows.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    /// One cell as a JSON value.
    public static func value(_ value: Table.Value) -> String {
        switch value {
        case .text(let s): return string(s)
        case .integer(let n): return String(n)
        case .number(let x, _): return x.isFinite ? value.plain : "null"
        case .day(let d): return string(d.description)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// A JSON string literal (see ``JSONText/quoted(_:)``).
    public static func string(_ text: String) -> String { JSONText.quoted(text) }
}
