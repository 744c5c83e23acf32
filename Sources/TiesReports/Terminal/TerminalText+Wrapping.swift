extension TerminalText {
    /// Wraps `text` at spaces so that no line is wider than `width` columns, the first line starting with
    /// `prefix` and every continuation line indented under the text (by the prefix's width).
    ///
    /// Widths are visible widths (``width(_:)``): escape sequences count 0, wide characters 2. A word longer
    /// than a whole line is cut between characters, never inside an escape sequence. Runs of spaces inside a
    /// line are kept (the padding of aligned columns); the spaces at a break are dropped. When the prefix is
    /// wider than half the line, continuation lines are indented by 4 instead, so they keep room for text.
    ///
    /// ```swift
    /// TerminalText.wrap("Call Priya back about the role", width: 16, prefix: "1. ")
    /// // ["1. Call Priya", "   back about", "   the role"]
    /// ```
    /// - Returns: the lines, without newlines; at least one.
    public static func wrap(_ text: String, width: Int, prefix: String = "") -> [String] {
        let width = max(8, width)
        let prefixWidth = self.width(prefix)
        let hanging = String(repeating: " ", count: prefixWidth * 2 > width ? min(4, prefixWidth) : prefixWidth)
        var lines: [String] = []
        var line = prefix
        var lineWidth = prefixWidth
        var lineHasText = false
        var spaces = 0
        func breakLine() {
            lines.append(line)
            line = hanging
            lineWidth = hanging.count
            lineHasText = false
        }
        // A code span wider than a whole line is split at its spaces after all.
        let pieces = words(text).flatMap { piece in
            piece.contains(" ") && self.width(piece) > width - hanging.count
                ? piece.split(separator: " ", omittingEmptySubsequences: false) : [piece]
        }
        for piece in pieces {
            if piece.isEmpty {
                spaces += 1
                continue
            }
            let wordWidth = self.width(piece)
            let gap = lineHasText ? spaces + 1 : (lines.isEmpty && line == prefix ? spaces : 0)
            spaces = 0
            if lineHasText && lineWidth + gap + wordWidth > width {
                breakLine()
            } else {
                line += String(repeating: " ", count: gap)
                lineWidth += gap
            }
            if lineWidth + wordWidth <= width {
                line += piece
                lineWidth += wordWidth
                lineHasText = true
                continue
            }
            // A word wider than the room left: cut it between characters.
            // Escape sequences wait for the character they colour, so a colour starts on the line its text is on.
            var pending = ""
            forEachUnit(in: String(piece)) { unit in
                guard unit.width > 0 else {
                    // A reset ends the colour of what came before; any other sequence opens what follows.
                    if unit.text == "\u{1B}[0m" || unit.text == "\u{1B}[m" {
                        line += unit.text
                    } else {
                        pending += unit.text
                    }
                    return
                }
                if lineWidth + unit.width > width && lineHasText { breakLine() }
                line += pending + unit.text
                pending = ""
                lineWidth += unit.width
                lineHasText = true
            }
            line += pending
        }
        lines.append(line)
        return lines
    }

    /// `text` split at single spaces (a run of spaces gives empty pieces), except inside a `` `code span` ``,
    /// which stays one piece so a command is not broken across lines when it fits on one.
    static func words(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var open: Substring?
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            let ticks = piece.reduce(0) { $0 + ($1 == "`" ? 1 : 0) }
            if let start = open {
                let joined = text[start.startIndex..<piece.endIndex]
                if ticks % 2 == 1 {
                    pieces.append(joined)
                    open = nil
                } else {
                    open = joined
                }
            } else if ticks % 2 == 1 {
                open = piece
            } else {
                pieces.append(piece)
            }
        }
        if let open { pieces.append(contentsOf: open.split(separator: " ", omittingEmptySubsequences: false)) }
        return pieces
    }

    /// ``wrap(_:width:prefix:)`` joined into text, each line ending with a newline.
    public static func wrapped(_ text: String, width: Int, prefix: String = "") -> String {
        wrap(text, width: width, prefix: prefix).map { $0 + "\n" }.joined()
    }
}
