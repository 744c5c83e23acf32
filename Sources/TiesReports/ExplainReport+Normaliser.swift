import TiesCore

extension ExplainReport {
    /// What `explain`'s strength normaliser is, in words a user can read: the network's percentile of raw
    /// strength, or — when that is lower — the reference relationship
    /// (``ScoringConfiguration/referenceRawStrength``). Lines indented under the formula, no wider than 100
    /// columns, the last one without its newline.
    static func normaliserNote(_ e: Explanation) -> String {
        let f = Table.format
        let level = Int((e.percentileLevel * 100).rounded())
        let percentile = "the \(level)\(ordinalSuffix(level)) percentile of your network's raw strength"
        let steady = "a steady relationship (\(ScoringConfiguration.referenceDescription)), which scores 63"
        let text: String
        if let value = e.percentile, value >= e.reference {
            text =
                "Scale \(f(value, 3)): \(percentile); never below \(f(e.reference, 3)), the raw strength of \(steady)."
        } else {
            let yours = e.percentile.map { "\(percentile) is lower (\(f($0, 3)))" } ?? "no one is in touch yet"
            text = "Scale \(f(e.reference, 3)): the raw strength of \(steady); it sets the scale because \(yours)."
        }
        let wrapped = TerminalText.wrapped(text, width: 100, prefix: String(repeating: " ", count: 19))
        return String(wrapped.dropFirst(19).dropLast())
    }

    /// `st`, `nd`, `rd` or `th`.
    static func ordinalSuffix(_ n: Int) -> String {
        if (11...13).contains(n % 100) { return "th" }
        switch n % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
