import TiesCore

extension WeeklyReport {
    /// The report as JSON, schema version ``schemaVersion`` (documented in Reports/README.md). Keys are
    /// in a fixed order and numbers have fixed decimals, so the same report gives the same bytes.
    public func json() -> String {
        func str(_ s: String) -> String { JSONText.quoted(s) }
        func num(_ x: Double, _ d: Int = 2) -> String { x.isFinite ? Table.format(x, digits: d) : "null" }
        func list<T>(_ items: [T], _ indent: String, _ body: (T) -> String) -> String {
            items.isEmpty
                ? "[]" : "[\n" + items.map { indent + "  " + body($0) }.joined(separator: ",\n") + "\n" + indent + "]"
        }
        func counts(_ c: StatusCounts) -> String {
            "{\"label\": \(str(c.label)), \"active\": \(c.active), \"cooling\": \(c.cooling), \"cold\": \(c.cold)}"
        }
        var out = "{\n"
        out += "  \"schema\": \"ties.weekly-report\",\n  \"schemaVersion\": \(Self.schemaVersion),\n"
        out += "  \"week\": \(str(week)),\n  \"asOf\": \(str(asOf.description)),\n"
        out += focusJSON()
        out +=
            "  \"firstContact\": \(firstContact.map { str($0.description) } ?? "null"),\n"
            + "  \"health\": {\"value\": \(headline.map { num($0, 1) } ?? "null"), \"previous\": \(previousHealth.map { num($0, 1) } ?? "null"), \"change\": \(change.map { num($0, 1) } ?? "null"),\n"
        out +=
            "    \"components\": "
            + list(health.components, "    ") {
                "{\"name\": \(str($0.name)), \"weight\": \(num($0.weight)), \"value\": \(num($0.value, 3)), \"detail\": \(str($0.detail))}"
            } + "},\n"
        out += "  \"people\": \(people),\n  \"withHistory\": \(withHistory),\n"
        // Only when someone is dormant, so that reports of stores without LinkedIn connections keep their form.
        if dormant > 0 { out += "  \"dormant\": \(dormant),\n  \"dormantRecruiters\": \(dormantRecruiters),\n" }
        out += "  \"byRole\": " + list(byRole, "  ", counts) + ",\n"
        out += "  \"byLayer\": " + list(byLayer, "  ", counts) + ",\n"
        out +=
            "  \"gaps\": "
            + list(gaps, "  ") { g in
                "{\"code\": \(str(g.code.rawValue)), \"severity\": \(str(g.severity.description)), \"title\": \(str(g.title)), \"action\": \(str(AdviceText.sentence(g.advice))), \"people\": ["
                    + g.people.map { "{\"id\": \($0), \"name\": \(str(names[$0] ?? ""))}" }.joined(separator: ", ")
                    + "]}"
            } + ",\n"
        // Only when someone is snoozed, as `dormant`: reports of stores without snoozes keep their form.
        out += snoozedJSON()
        out +=
            "  \"actions\": "
            + list(actions, "  ") { a in
                "{\"name\": \(str(a.name)), \"must\": \(a.must), \"action\": \(str(AdviceText.sentence(a.advice, name: a.name))), \"reasons\": ["
                    + a.reasons.map(str).joined(separator: ", ") + "]}"
            } + ",\n"
        out +=
            "  \"trend\": "
            + list(trend, "  ") {
                "{\"day\": \(str($0.day.description)), \"health\": \($0.health.map { num($0, 1) } ?? "null")}"
            } + ",\n"
        out += "  \"strengthHistogram\": [" + strengthHistogram.map(String.init).joined(separator: ", ") + "]\n"
        return out + "}\n"
    }
}
