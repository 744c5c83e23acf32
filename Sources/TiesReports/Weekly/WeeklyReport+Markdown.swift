import TiesCore

extension WeeklyReport {
    /// The report as Markdown. User text is escaped so it cannot add links, HTML or formatting.
    public func markdown() -> String {
        let e = Self.markdownEscaped
        var out = "# Network health — week \(week)\n\n_As of \(asOf)._\n\n"
        out += "**Health \(Table.format(health.value, digits: 0))/100** — \(ReportText.changeText(change)). \(ReportText.verdict(health.value))\n\n"
        out += "12-week trend: `\(ReportText.sparkline(trend.map(\.health)))` (" + trend.map { Table.format($0.health, digits: 0) }.joined(separator: " → ") + ")\n\n"
        out += "| component | weight | score | detail |\n|---|---:|---:|---|\n"
        for c in health.components {
            out += "| \(c.name) | \(Table.format(c.weight, digits: 2)) | \(Table.format(c.value * 100, digits: 0)) | \(e(c.detail)) |\n"
        }
        out += "\n## This week\n\n"
        if actions.isEmpty { out += "Nothing pressing: every relationship is in rhythm.\n" }
        for (i, a) in actions.enumerated() {
            out += "\(i + 1). **\(e(a.name))**\(a.must ? " _(must)_" : "") — \(e(a.action))\n"
            for r in a.reasons { out += "   - \(e(r))\n" }
        }
        out += "\n## Gaps\n\n"
        if gaps.isEmpty { out += "None found.\n" }
        for g in gaps {
            out += "- **\(g.severity)** — \(e(g.title)) (`\(g.code)`)  \n  → \(e(g.action))\n"
        }
        out += "\n## Who is where\n\nPeople with a history: active / cooling / cold.\n\n"
        for (title, rows) in [("role", byRole), ("layer", byLayer)] {
            out += "| \(title) | active | cooling | cold |\n|---|---:|---:|---:|\n"
            for r in rows { out += "| \(r.label) | \(r.active) | \(r.cooling) | \(r.cold) |\n" }
            out += "\n"
        }
        out += "\(people) people, \(withHistory) with a history.\n"
        return out
    }

    /// Markdown-inert text: backslash-escapes the characters that start formatting, links or HTML, and
    /// makes control characters visible.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for ch in TextTable.sanitised(text) {
            if "\\`*_{}[]()#+-.!|<>&".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
