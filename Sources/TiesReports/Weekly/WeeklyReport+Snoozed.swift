import TiesCore

// The report's list of snoozed people (`ties snooze`), in each format. Every form is empty when no one is
// snoozed, so the reports of stores without snoozes keep their form.
extension WeeklyReport {
    /// The heading's explanation, the same in every format.
    static let snoozedNote = "left out of the actions and the gaps until the day they are back"

    /// The terminal section: a blank line, the heading, one line per person.
    func snoozedTerminal(heading: (String) -> String, wrap: (String, String) -> String) -> String {
        guard !snoozed.isEmpty else { return "" }
        var out = "\n" + wrap(heading("Snoozed") + " (\(Self.snoozedNote))", "")
        for person in snoozed {
            out += wrap("\(TextTable.sanitised(person.name)) — back on \(person.until)", "  ")
        }
        return out
    }

    /// The Markdown section (`{{snoozed}}`), with its heading and a blank line after.
    func snoozedMarkdown() -> String {
        guard !snoozed.isEmpty else { return "" }
        var out = "## Snoozed\n\nPeople \(Self.snoozedNote).\n\n"
        for person in snoozed { out += "- **\(Self.markdownEscaped(person.name))** — back on \(person.until)\n" }
        return out + "\n"
    }

    /// The HTML section (`{{snoozed}}`), with its heading.
    func snoozedHTML() -> String {
        guard !snoozed.isEmpty else { return "" }
        var out = "<h2>Snoozed</h2>\n<p class=\"muted\">People \(Self.snoozedNote).</p>\n<ul class=\"snoozed\">\n"
        for person in snoozed {
            out +=
                "<li><strong>\(Self.htmlEscaped(person.name))</strong> — back on <time datetime=\"\(person.until)\">\(person.until)</time></li>\n"
        }
        return out + "</ul>\n"
    }

    /// The JSON member (`"snoozed": [...]`, then a comma and a line break), or nothing.
    func snoozedJSON() -> String {
        guard !snoozed.isEmpty else { return "" }
        let items = snoozed.map { person in
            "    {\"id\": \(person.personID), \"name\": \(JSONText.quoted(person.name)), \"until\": \(JSONText.quoted(person.until.description))}"
        }
        return "  \"snoozed\": [\n" + items.joined(separator: ",\n") + "\n  ],\n"
    }
}
