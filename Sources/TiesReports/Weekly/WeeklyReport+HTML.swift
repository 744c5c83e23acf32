import TiesCore

extension WeeklyReport {
    /// The report as one self-contained HTML page, from ``defaultHTMLTemplate``: inline CSS and SVG charts
    /// (trend, strength distribution, people by role), no scripts, nothing loaded from the network (a
    /// Content-Security-Policy forbids it), and every piece of user text escaped.
    public func html() -> String {
        // The default template names only known sections, so it cannot fail.
        try! render(template: Self.defaultHTMLTemplate, format: .html)
    }

    /// The default HTML template; `Reports/templates/weekly-report.html` holds the same text for users to
    /// copy and change (`ties report --template FILE`).
    public static let defaultHTMLTemplate = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Network health — week {{week}}</title>
        <style>
        body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330; }
        h1 { margin-bottom: 0; } .muted { color: #667085; } .headline { font-size: 1.3rem; }
        .headline strong { font-size: 2.4rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; } td, th { padding: .2rem .6rem; border-bottom: 1px solid #e4e7ec; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem; } .charts figure { margin: 0; } figcaption { color: #667085; font-size: .85rem; }
        .must { background: #fdb022; border-radius: .3rem; padding: 0 .3rem; font-size: .8rem; }
        .gaps li { margin-bottom: .4rem; } .sev { display: inline-block; min-width: 4.5rem; font-weight: 600; text-transform: uppercase; font-size: .8rem; }
        .high .sev { color: #d92d20; } .medium .sev { color: #b54708; } .low .sev { color: #667085; }
        </style>
        </head>
        <body>
        <h1>Network health — week {{week}}</h1>
        <p class="muted">As of {{asOf}}.</p>
        <p class="headline"><strong>{{health}}</strong>/100 — {{change}}. {{verdict}}</p>
        <div class="charts">
        {{charts}}</div>
        <h2>Health components</h2>
        {{components}}<h2>This week</h2>
        {{actions}}<h2>Gaps</h2>
        {{gaps}}<h2>Who is where</h2>
        {{counts}}<p class="muted">{{people}} people, {{withHistory}} with a history. Made by Ties.</p>
        </body>
        </html>

        """

    /// The HTML sections a template can place, each already escaped.
    func htmlSections() -> [String: String] {
        let h = Self.htmlEscaped
        var components = "<table><tr><th>component</th><th>weight</th><th>score</th><th>detail</th></tr>\n"
        for c in health.components {
            components +=
                "<tr><td>\(c.name)</td><td class=\"n\">\(Table.format(c.weight, digits: 2))</td><td class=\"n\">\(Table.format(c.value * 100, digits: 0))</td><td>\(h(c.detail))</td></tr>\n"
        }
        components += "</table>\n"
        var actionsText =
            actions.isEmpty ? "<p>\(h(AdviceText.line(ReportText.noActions(withHistory: withHistory))))</p>\n" : ""
        actionsText += "<ol>\n"
        for a in actions {
            actionsText +=
                "<li><strong>\(h(a.name))</strong>\(a.must ? " <span class=\"must\">must</span>" : "") — \(h(AdviceText.sentence(a.advice, name: a.name)))<ul>"
                + a.reasons.map { "<li>\(h($0))</li>" }.joined() + "</ul></li>\n"
        }
        actionsText += "</ol>\n"
        var gapsText = gaps.isEmpty ? "<p>None found.</p>\n" : ""
        gapsText += "<ul class=\"gaps\">\n"
        for g in gaps {
            gapsText +=
                "<li class=\"\(g.severity)\"><span class=\"sev\">\(g.severity)</span> \(h(g.title)) <code>\(g.code.rawValue)</code><br><span class=\"muted\">→ \(h(AdviceText.sentence(g.advice)))</span></li>\n"
        }
        gapsText += "</ul>\n"
        var counts = ""
        for (title, rows) in [("role", byRole), ("layer", byLayer)] {
            counts += "<table><tr><th>\(title)</th><th>active</th><th>cooling</th><th>cold</th></tr>\n"
            for r in rows {
                counts +=
                    "<tr><td>\(h(r.label))</td><td class=\"n\">\(r.active)</td><td class=\"n\">\(r.cooling)</td><td class=\"n\">\(r.cold)</td></tr>\n"
            }
            counts += "</table>\n"
        }
        var common = commonSections()
        for key in ["change", "verdict"] { common[key] = h(common[key]!) }
        return common.merging([
            "trend": h(ReportText.sparkline(trend.map(\.health))),
            "charts": trendChart() + histogramChart() + roleChart(),
            "components": components, "actions": actionsText, "gaps": gapsText, "counts": counts,
        ]) { $1 }
    }

    /// The 12-week trend of the health index, as a line chart.
    func trendChart() -> String {
        let w = 300.0
        let h = 140.0
        let pad = 24.0
        let n = max(1, trend.count - 1)
        let points = trend.enumerated().map { i, p in
            (pad + (w - 2 * pad) * Double(i) / Double(n), h - pad - (h - 2 * pad) * p.health / 100)
        }
        let path = points.map { "\(Table.format($0.0, digits: 1)),\(Table.format($0.1, digits: 1))" }.joined(
            separator: " ")
        var svg =
            "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-label=\"Health over 12 weeks\">"
        for level in [0.0, 50, 100] {
            let y = h - pad - (h - 2 * pad) * level / 100
            svg +=
                "<line x1=\"\(Int(pad))\" x2=\"\(Int(w - pad))\" y1=\"\(Table.format(y, digits: 1))\" y2=\"\(Table.format(y, digits: 1))\" stroke=\"#e4e7ec\"/>"
            svg +=
                "<text x=\"2\" y=\"\(Table.format(y + 4, digits: 1))\" font-size=\"10\" fill=\"#667085\">\(Int(level))</text>"
        }
        svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#2e90fa\" stroke-width=\"2\"/>"
        for p in points {
            svg +=
                "<circle cx=\"\(Table.format(p.0, digits: 1))\" cy=\"\(Table.format(p.1, digits: 1))\" r=\"2.5\" fill=\"#2e90fa\"/>"
        }
        if let first = trend.first, let last = trend.last {
            svg += "<text x=\"\(Int(pad))\" y=\"\(Int(h - 6))\" font-size=\"10\" fill=\"#667085\">\(first.day)</text>"
            svg +=
                "<text x=\"\(Int(w - pad))\" y=\"\(Int(h - 6))\" font-size=\"10\" fill=\"#667085\" text-anchor=\"end\">\(last.day)</text>"
        }
        return svg + "</svg><figcaption>Health, last 12 weeks</figcaption></figure>\n"
    }

    /// How many people fall in each tenth of strength.
    func histogramChart() -> String {
        let w = 300.0
        let h = 140.0
        let pad = 20.0
        let top = Double(max(1, strengthHistogram.max() ?? 1))
        let barWidth = (w - 2 * pad) / 10
        var svg =
            "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-label=\"Strength distribution\">"
        for (i, count) in strengthHistogram.enumerated() {
            let bh = (h - 2 * pad) * Double(count) / top
            let x = pad + barWidth * Double(i)
            svg +=
                "<rect x=\"\(Table.format(x + 1, digits: 1))\" y=\"\(Table.format(h - pad - bh, digits: 1))\" width=\"\(Table.format(barWidth - 2, digits: 1))\" height=\"\(Table.format(bh, digits: 1))\" fill=\"#12b76a\"><title>\(i * 10)–\((i + 1) * 10): \(count)</title></rect>"
            if i % 5 == 0 {
                svg +=
                    "<text x=\"\(Table.format(x, digits: 1))\" y=\"\(Int(h - 6))\" font-size=\"10\" fill=\"#667085\">\(i * 10)</text>"
            }
        }
        svg +=
            "<text x=\"\(Int(w - pad))\" y=\"\(Int(h - 6))\" font-size=\"10\" fill=\"#667085\" text-anchor=\"end\">100</text>"
        return svg + "</svg><figcaption>Strength distribution (people with a history)</figcaption></figure>\n"
    }

    /// People by role, as stacked bars of active, cooling and cold.
    func roleChart() -> String {
        let rowHeight = 16.0
        let labelWidth = 110.0
        let w = 320.0
        let h = rowHeight * Double(max(1, byRole.count)) + 24
        let top = Double(max(1, byRole.map(\.total).max() ?? 1))
        var svg =
            "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-label=\"People by role\">"
        for (i, row) in byRole.enumerated() {
            let y = 4 + rowHeight * Double(i)
            svg +=
                "<text x=\"0\" y=\"\(Table.format(y + 11, digits: 1))\" font-size=\"11\" fill=\"#1d2330\">\(Self.htmlEscaped(row.label))</text>"
            var x = labelWidth
            for (count, colour) in [(row.active, "#12b76a"), (row.cooling, "#fdb022"), (row.cold, "#98a2b3")]
            where count > 0 {
                let width = (w - labelWidth - 10) * Double(count) / top
                svg +=
                    "<rect x=\"\(Table.format(x, digits: 1))\" y=\"\(Table.format(y + 2, digits: 1))\" width=\"\(Table.format(width, digits: 1))\" height=\"\(Int(rowHeight - 4))\" fill=\"\(colour)\"><title>\(count)</title></rect>"
                x += width
            }
        }
        let legendY = Int(h - 6)
        svg +=
            "<text x=\"0\" y=\"\(legendY)\" font-size=\"10\" fill=\"#12b76a\">■ active</text><text x=\"60\" y=\"\(legendY)\" font-size=\"10\" fill=\"#b54708\">■ cooling</text><text x=\"125\" y=\"\(legendY)\" font-size=\"10\" fill=\"#667085\">■ cold</text>"
        return svg + "</svg><figcaption>People by role</figcaption></figure>\n"
    }

    /// HTML-inert text: `& < > " '` as entities, control and bidirectional-formatting characters made visible.
    static func htmlEscaped(_ text: String) -> String {
        var out = ""
        for ch in TextTable.sanitised(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
