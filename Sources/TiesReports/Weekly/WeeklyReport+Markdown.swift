import TiesCore

extension WeeklyReport {
    /// The report as Markdown, from ``defaultMarkdownTemplate``. User text is escaped so it cannot add
    /// links, HTML or formatting.
    public func markdown() -> String {
        // The default template names only known sections, so it cannot fail.
        try! render(template: Self.defaultMarkdownTemplate, format: .markdown)
    }

    /// The default Markdown template; `Reports/templates/weekly-report.md` holds the same text for users to
    /// copy and change (`ties report --template FILE`).
    public static let defaultMarkdownTemplate = """
        # Network health — week {{week}}

        _As of {{asOf}}._

        **Health {{health}}/100** — {{change}}. {{verdict}}

        12-week trend: {{trend}}

        {{components}}
        ## This week

        {{actions}}
        ## Gaps

        {{gaps}}
        ## Who is where

        People with a history: active / cooling / cold.

        {{counts}}{{people}} people, {{withHistory}} with a history.

        """

    /// The Markdown sections a template can place, each already escaped.
    func markdownSections() -> [String: String] {
        let e = Self.markdownEscaped
        var components = "| component | weight | score | detail |\n|---|---:|---:|---|\n"
        for c in health.components {
            components +=
                "| \(c.name) | \(Table.format(c.weight, digits: 2)) | \(Table.format(c.value * 100, digits: 0)) | \(e(c.detail)) |\n"
        }
        var actionsText =
            actions.isEmpty ? AdviceText.line(ReportText.noActions(withHistory: withHistory)) + "\n" : ""
        for (i, a) in actions.enumerated() {
            actionsText +=
                "\(i + 1). **\(e(a.name))**\(a.must ? " _(must)_" : "") — \(e(AdviceText.sentence(a.advice, name: a.name)))\n"
            for r in a.reasons { actionsText += "   - \(e(r))\n" }
        }
        var gapsText = gaps.isEmpty ? "None found.\n" : ""
        for g in gaps {
            gapsText +=
                "- **\(g.severity)** — \(e(g.title)) (`\(g.code.rawValue)`)  \n  → \(e(AdviceText.sentence(g.advice)))\n"
        }
        var counts = ""
        for (title, rows) in [("role", byRole), ("layer", byLayer)] {
            counts += "| \(title) | active | cooling | cold |\n|---|---:|---:|---:|\n"
            for r in rows { counts += "| \(r.label) | \(r.active) | \(r.cooling) | \(r.cold) |\n" }
            counts += "\n"
        }
        return commonSections().merging([
            "trend": "`\(ReportText.sparkline(trend.map(\.health)))` ("
                + trend.map { Table.format($0.health, digits: 0) }.joined(separator: " → ") + ")",
            "components": components, "actions": actionsText, "gaps": gapsText, "counts": counts,
        ]) { $1 }
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
