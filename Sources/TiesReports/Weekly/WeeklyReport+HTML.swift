import TiesCore

extension WeeklyReport {
    /// The report as one self-contained HTML page, from ``defaultHTMLTemplate``: inline CSS and SVG charts
    /// (trend, strength distribution, people by role, health components), no scripts, nothing loaded from the
    /// network (a Content-Security-Policy forbids it), and every piece of user text escaped. Every bar carries
    /// its number; the page fits a 390 px phone without sideways scrolling and prints on A4 without splitting
    /// an item across pages.
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
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330;
          overflow-wrap: break-word; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        h1 { margin: 0; font-size: 1.75rem; line-height: 1.2; } h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; }
        .muted { color: #667085; } .headline { font-size: 1.15rem; margin: .8rem 0 1rem; }
        .headline strong { font-size: 2.4rem; line-height: 1; }
        code { font: .85em/1.3 ui-monospace, SFMono-Regular, Menlo, monospace; background: #f2f4f7; border-radius: .25rem;
          padding: 0 .2rem; overflow-wrap: anywhere; }
        time { white-space: nowrap; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; }
        figure { margin: 0; flex: 1 1 18rem; max-width: 20rem; min-width: 0; }
        figure svg { display: block; width: 100%; height: auto; } figcaption { color: #667085; font-size: .85rem; }
        .components { display: grid; grid-template-columns: 8.5rem minmax(6rem, 12rem) 2.2rem 1fr; gap: .35rem .75rem;
          align-items: center; }
        .components .name { font-weight: 600; } .components .weight { color: #667085; font-size: .85rem; }
        .meter { height: .8rem; background: #e4e7ec; border-radius: .4rem; overflow: hidden; }
        .meter span { display: block; height: 100%; background: #2e90fa; }
        .components .score { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
        .components .detail { color: #475467; }
        ol.actions { padding-left: 1.4rem; } ol.actions > li, ul.gaps > li { margin-bottom: .5rem; }
        ul.gaps { list-style: none; padding-left: 0; } ul.gaps > li { display: grid; grid-template-columns: 5rem 1fr; align-items: baseline; }
        ol.actions ul { margin: .15rem 0 0; padding-left: 1.1rem; color: #475467; }
        .must { background: #fdb022; border-radius: .3rem; padding: 0 .3rem; font-size: .8rem; }
        .sev { font-weight: 600; text-transform: uppercase; font-size: .8rem; }
        .high .sev { color: #d92d20; } .medium .sev { color: #b54708; } .low .sev { color: #667085; }
        .gaps .code { color: #667085; font-size: .8rem; white-space: nowrap; } .gaps .todo { color: #475467; }
        .counts { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
        table { border-collapse: collapse; margin: .3rem 0 1rem; }
        td, th { padding: .15rem .6rem; border-bottom: 1px solid #e4e7ec; text-align: left; }
        td:first-child, th:first-child { min-width: 7.5rem; padding-left: 0; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        @media (max-width: 40rem) {
          body { margin: 1rem auto; }
          .components { grid-template-columns: 8rem 1fr 2.2rem; }
          .components .detail { grid-column: 1 / -1; margin: -.2rem 0 .3rem; font-size: .9rem; }
          figure { max-width: none; flex-basis: 100%; }
          ul.gaps > li { grid-template-columns: 1fr; }
        }
        @page { size: A4; margin: 12mm 14mm; }
        @media print {
          body { font-size: 9pt; line-height: 1.3; max-width: none; margin: 0; padding: 0; }
          h1 { font-size: 15pt; } h2 { font-size: 11pt; margin: .7rem 0 .25rem; break-after: avoid; }
          .headline { margin: .3rem 0 .4rem; } .headline strong { font-size: 20pt; }
          .charts { flex-wrap: nowrap; } figure { flex: 1 1 0; }
          .components { grid-template-columns: 7rem 9rem 2rem 1fr; gap: .15rem .6rem; }
          ol.actions > li, ul.gaps > li { margin-bottom: .2rem; }
          li, figure, tr, table, .components > div { break-inside: avoid; }
        }
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
        {{gaps}}{{snoozed}}<h2>Who is where</h2>
        <div class="counts">
        {{counts}}</div>
        <p class="muted">{{people}} people, {{withHistory}} with a history{{dormant}}. Made by Ties.</p>
        </body>
        </html>

        """

    /// The HTML sections a template can place, each already escaped.
    func htmlSections() -> [String: String] {
        let h = Self.htmlEscaped
        let inline = Self.htmlInline
        var actionsText =
            actions.isEmpty ? "<p>\(Self.htmlAdvice(noActionsPieces))</p>\n" : ""
        actionsText += "<ol class=\"actions\">\n"
        for a in actions {
            actionsText +=
                "<li><strong>\(h(a.name))</strong>\(a.must ? " <span class=\"must\">must</span>" : "") — \(Self.htmlAdvice(AdviceText.pieces(a.advice, name: a.name)))<ul>"
                + a.reasons.map { "<li>\(inline($0))</li>" }.joined() + "</ul></li>\n"
        }
        actionsText += "</ol>\n"
        var gapsText = gaps.isEmpty ? "<p>None found.</p>\n" : ""
        gapsText += "<ul class=\"gaps\">\n"
        for g in gaps {
            gapsText +=
                "<li class=\"\(g.severity)\"><span class=\"sev\">\(g.severity)</span><div>\(inline(g.title)) <span class=\"code\">\(g.code.rawValue)</span><br><span class=\"todo\">→ \(Self.htmlAdvice(AdviceText.pieces(g.advice)))</span></div></li>\n"
        }
        gapsText += "</ul>\n"
        var counts = ""
        for (title, rows) in [("role", byRole), ("layer", byLayer)] {
            if rows.isEmpty && title == "role" {
                counts += "<p>\(inline(Self.noRoles))</p>\n"
                continue
            }
            counts +=
                "<table><tr><th>\(title)</th><th class=\"n\">active</th><th class=\"n\">cooling</th><th class=\"n\">cold</th></tr>\n"
            for r in rows {
                counts +=
                    "<tr><td>\(h(r.label))</td><td class=\"n\">\(r.active)</td><td class=\"n\">\(r.cooling)</td><td class=\"n\">\(r.cold)</td></tr>\n"
            }
            counts += "</table>\n"
        }
        var common = commonSections()
        common["change"] = h(common["change"] ?? "")
        common["verdict"] = inline(common["verdict"] ?? "")
        return common.merging([
            "trend": h(ReportText.sparkline(trend.map(\.health))),
            "charts": trendChart() + histogramChart() + roleChart(),
            "components": componentsChart(), "actions": focusHTML() + actionsText, "gaps": gapsText, "counts": counts,
            "snoozed": snoozedHTML(),
        ]) { $1 }
    }

    /// The health components drawn as bars, each with its score written beside it, its weight and its detail.
    func componentsChart() -> String {
        var out = "<div class=\"components\">\n"
        for c in health.components {
            let score = Table.format(c.value * 100, digits: 0)
            out +=
                "<div class=\"name\">\(Self.htmlEscaped(c.name))</div>"
                + "<div class=\"meter\" role=\"img\" aria-label=\"\(score) of 100\"><span style=\"width: \(score)%\"></span></div>"
                + "<div class=\"score\">\(score)</div><div class=\"detail\"><span class=\"weight\">weight \(Table.format(c.weight, digits: 2)) ·</span> \(Self.htmlInline(c.detail))</div>\n"
        }
        return out + "</div>\n"
    }

    /// Escaped text in which each `` `command` `` span becomes `<code>command</code>`, so commands show as
    /// code rather than with literal backticks, and each ISO date a `<time>` (kept on one line). An unpaired
    /// backtick stays as it is.
    static func htmlInline(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        var out = ""
        for (i, part) in parts.enumerated() {
            if i % 2 == 1 && i < parts.count - 1 {
                out += "<code>" + htmlEscaped(String(part)) + "</code>"
            } else {
                out += (i % 2 == 1 ? "`" : "") + markingDates(htmlEscaped(String(part)))
            }
        }
        return out
    }

    /// An advice as HTML: its words escaped (dates kept whole), its commands as `<code>`.
    static func htmlAdvice(_ pieces: [AdviceText.Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): markingDates(htmlEscaped(text))
            case .command(let command): "<code>" + htmlEscaped(command) + "</code>"
            }
        }.joined()
    }

    /// Escaped text with every `YYYY-MM-DD` wrapped in `<time datetime="…">`.
    static func markingDates(_ escaped: String) -> String {
        let chars = Array(escaped)
        guard chars.count >= 10 else { return escaped }
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { chars[$0].isASCII && chars[$0].isNumber } }
        var out = ""
        var i = 0
        while i < chars.count {
            if i + 10 <= chars.count, digits(i..<i + 4), chars[i + 4] == "-", digits(i + 5..<i + 7),
                chars[i + 7] == "-",
                digits(i + 8..<i + 10), i == 0 || !chars[i - 1].isNumber,
                i + 10 == chars.count || !chars[i + 10].isNumber
            {
                let date = String(chars[i..<i + 10])
                out += "<time datetime=\"\(date)\">\(date)</time>"
                i += 10
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
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
