import TiesCore

// The note that says a report is limited to some tags (`ties report --tag`), in each format. Empty when the
// report is of everyone, so other reports keep their form.
extension WeeklyReport {
    /// "Limited to people tagged chicago or board: ..." — one sentence, the same in every format.
    var focusNote: String {
        guard !focusTags.isEmpty else { return "" }
        let tags = focusTags.map { "'\($0)'" }.joined(separator: " or ")
        return "Limited to people tagged \(tags): the actions, the gaps and who is snoozed; "
            + "the health, the trend and the counts are of your whole network."
    }

    /// What the report says when it lists no action. With a focus or someone snoozed, "every relationship is
    /// in rhythm" would not be known to be true: it says only what is.
    var noActionsPieces: [AdviceText.Piece] {
        guard !focusTags.isEmpty || !snoozed.isEmpty else { return ReportText.noActions(withHistory: withHistory) }
        let who = focusTags.isEmpty ? "" : " among the people this report is limited to"
        let others = snoozed.isEmpty ? "" : " (apart from who is snoozed)"
        return [.text("Nothing pressing\(who)\(others).")]
    }

    /// The Markdown paragraph, before the actions.
    func focusMarkdown() -> String {
        focusTags.isEmpty ? "" : "_\(Self.markdownEscaped(focusNote))_\n\n"
    }

    /// The HTML paragraph, before the actions.
    func focusHTML() -> String {
        focusTags.isEmpty ? "" : "<p class=\"muted\">\(Self.htmlEscaped(focusNote))</p>\n"
    }

    /// The JSON member (`"tags": [...]`, then a comma and a line break), or nothing.
    func focusJSON() -> String {
        focusTags.isEmpty ? "" : "  \"tags\": [" + focusTags.map(JSONText.quoted).joined(separator: ", ") + "],\n"
    }
}
