extension TerminalText {
    /// Text laid out as `label:   value` lines (or `indent  first-column  rest`), each line that is wider
    /// than `width` wrapped with its continuation lines under the value: where the first run of two or more
    /// spaces after the line's first word ends (when that is in the left half), else under the line's indent.
    ///
    /// ```
    ///   rhythm:       typically every 41 days; a silence this long happens 72% of the
    ///                 time → active
    /// ```
    public static func wrappingLines(_ text: String, width: Int) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
        {
            let line = String(line)
            guard self.width(line) > width else {
                out += line + "\n"
                continue
            }
            let indent = line.prefix { $0 == " " }
            var split = indent.endIndex
            if let gap = line[indent.endIndex...].range(of: "  ") {
                var end = gap.upperBound
                while end < line.endIndex, line[end] == " " { end = line.index(after: end) }
                if self.width(line[..<end]) * 2 <= width { split = end }
            }
            out += wrapped(String(line[split...]), width: width, prefix: String(line[..<split]))
        }
        return out
    }
}
