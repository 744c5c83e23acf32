import TiesCore

/// Renders a ``Table`` as aligned plain text for a terminal: numbers right-aligned, text left-aligned.
///
/// Control characters in user text (ANSI escapes, newlines, bidirectional overrides) are replaced with
/// visible `\u{...}` escapes or spaces, so a hostile name cannot move the cursor or recolour the terminal.
public enum TextTable {
    /// The table as lines of text, the header underlined with dashes, or a line saying `empty` when there are no rows.
    ///
    /// With a `width`, nothing runs past it: a table too wide is drawn with its long text columns narrowed and
    /// their cells wrapped within the column when the width is 100 columns or more and every column keeps at
    /// least ``minimumColumn`` columns, and stacked (see ``stacked(_:width:)``) otherwise. Columns are measured
    /// in visible width (``TerminalText/width(_:)``), so wide characters stay aligned.
    public static func render(_ table: Table, empty: String = "(none)", width: Int? = nil) -> String {
        let header = table.columns.map(sanitised)
        let cells = table.rows.map { $0.map { sanitised($0.plain) } }
        if cells.isEmpty { return TerminalText.wrapped(empty, width: width ?? Int.max / 2) }
        var widths = header.map { TerminalText.width($0) }
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TerminalText.width(cell)) }
        }
        let separators = 2 * (widths.count - 1)
        if let width, widths.reduce(separators, +) > width {
            guard width >= 100, let narrowed = narrowed(widths, to: width - separators) else {
                return stacked(table, width: width)
            }
            widths = narrowed
        }
        let numeric = table.columns.indices.map { column in
            table.rows.contains { $0[column].isNumeric }
                && table.rows.allSatisfy { $0[column].isNumeric || $0[column] == .null }
        }
        func lines(_ row: [String]) -> String {
            let wrapped = row.enumerated().map { i, cell in
                TerminalText.width(cell) <= widths[i] ? [cell] : TerminalText.wrap(cell, width: widths[i])
            }
            var out = ""
            for lineIndex in 0..<(wrapped.map(\.count).max() ?? 1) {
                var parts: [String] = []
                for (i, cellLines) in wrapped.enumerated() {
                    let cell = lineIndex < cellLines.count ? cellLines[lineIndex] : ""
                    let pad = String(repeating: " ", count: max(0, widths[i] - TerminalText.width(cell)))
                    parts.append(numeric[i] ? pad + cell : (i == row.count - 1 ? cell : cell + pad))
                }
                let line = parts.joined(separator: "  ")
                out += (lineIndex == 0 ? line : line.trailingSpacesTrimmed) + "\n"
            }
            return out
        }
        var out = lines(header)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        let rows = cells.map(lines)
        // Rows of several lines are told apart by a blank line between them.
        out += rows.joined(separator: rows.contains { $0.dropLast().contains("\n") } ? "\n" : "")
        return out
    }

    /// The narrowest a text column is made before a table is stacked instead.
    public static let minimumColumn = 16

    /// Column widths fitting `room` columns: the widest columns capped at one width, as high as fits; nil
    /// when that cap would be under ``minimumColumn``.
    static func narrowed(_ widths: [Int], to room: Int) -> [Int]? {
        var cap = widths.max() ?? 0
        while cap >= minimumColumn, widths.reduce(0, { $0 + min($1, cap) }) > room { cap -= 1 }
        return cap >= minimumColumn ? widths.map { min($0, cap) } : nil
    }

    /// The table as one block per row: each non-empty cell on its own line after its column's name, long
    /// values wrapped with their continuation lines under the value, a blank line between rows. What a wide
    /// listing becomes on a narrow terminal.
    ///
    /// ```
    /// severity  high
    /// title     No recruiter in touch
    /// action    Reconnect with one of your recruiters
    ///           this week
    /// ```
    public static func stacked(_ table: Table, width: Int) -> String {
        let labels = table.columns.map(sanitised)
        let labelWidth = labels.map { TerminalText.width($0) }.max() ?? 0
        var blocks: [String] = []
        for row in table.rows {
            var block = ""
            for (label, cell) in zip(labels, row) where !cell.plain.isEmpty {
                block += TerminalText.wrapped(
                    sanitised(cell.plain), width: width, prefix: TerminalText.padded(label, to: labelWidth + 2))
            }
            blocks.append(block)
        }
        return blocks.joined(separator: "\n")
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

extension String {
    /// The text without the spaces at its end.
    var trailingSpacesTrimmed: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
