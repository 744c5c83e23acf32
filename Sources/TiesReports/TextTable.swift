import TiesCore

/// Renders a ``Table`` as aligned plain text for a terminal: numbers right-aligned, text left-aligned.
///
/// Control characters in user text (ANSI escapes, newlines, bidirectional overrides) are replaced with
/// visible `\u{...}` escapes or spaces, so a hostile name cannot move the cursor or recolour the terminal.
public enum TextTable {
    /// The table as lines of text, the header underlined with dashes, or a line saying `empty` when there are no rows.
    public static func render(_ table: Table, empty: String = "(none)") -> String {
        let header = table.columns.map(sanitised)
        let cells = table.rows.map { $0.map { sanitised($0.plain) } }
        if cells.isEmpty { return empty + "\n" }
        var widths = header.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        let numeric = table.columns.indices.map { column in
            table.rows.contains { $0[column].isNumeric }
                && table.rows.allSatisfy { $0[column].isNumeric || $0[column] == .null }
        }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                parts.append(numeric[i] ? pad + cell : (i == row.count - 1 ? cell : cell + pad))
            }
            return parts.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }

    /// `text` with every control or bidirectional-formatting character made visible and inert.
    public static func sanitised(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: out += " "
            case 0x00..<0x20, 0x7F..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
