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
        {{snoozed}}## Who is where

        People with a history: active / cooling / cold.

        {{counts}}{{people}} people, {{withHistory}} with a history{{dormant}}.

        """

    /// The Markdown sections a template can place, each already escaped.
    func markdownSections() -> [String: String] {
        let e = Self.markdownEscaped
        let code = Self.markdownInline
        var components = "| component | weight | score | detail |\n|---|---:|---:|---|\n"
        for c in health.components {
            components +=
                "| \(c.name) | \(Table.format(c.weight, digits: 2)) | \(Table.format(c.value * 100, digits: 0)) | \(code(c.detail)) |\n"
        }
        var actionsText =
            actions.isEmpty ? Self.markdownAdvice(noActionsPieces) + "\n" : ""
        for (i, a) in actions.enumerated() {
            actionsText +=
                "\(i + 1). **\(e(a.name))**\(a.must ? " _(must)_" : "") — \(Self.markdownAdvice(AdviceText.pieces(a.advice, name: a.name)))\n"
            for r in a.reasons { actionsText += "   - \(code(r))\n" }
        }
        var gapsText = gaps.isEmpty ? "None found.\n" : ""
        for g in gaps {
            gapsText +=
                "- **\(g.severity)** — \(code(g.title)) (`\(g.code.rawValue)`)  \n  → \(Self.markdownAdvice(AdviceText.pieces(g.advice)))\n"
        }
        var counts = ""
        for (title, rows) in [("role", byRole), ("layer", byLayer)] {
            if rows.isEmpty && title == "role" {
                counts += "\(code(Self.noRoles))\n\n"
                continue
            }
            counts += "| \(title) | active | cooling | cold |\n|---|---:|---:|---:|\n"
            for r in rows { counts += "| \(r.label) | \(r.active) | \(r.cooling) | \(r.cold) |\n" }
            counts += "\n"
        }
        return commonSections().merging([
            "trend": trend.allSatisfy { $0.health == nil }
                ? "no values yet"
                : "`\(ReportText.sparkline(trend.map(\.health)))` ("
                    + (trend.first?.health == nil
                        ? "since \(trend.first { $0.health != nil }?.day.description ?? ""): " : "")
                    + trend.compactMap { $0.health.map { Table.format($0, digits: 0) } }.joined(separator: " → ") + ")",
            "components": components, "actions": focusMarkdown() + actionsText, "gaps": gapsText, "counts": counts,
            "snoozed": snoozedMarkdown(),
        ]) { $1 }
    }

    /// Markdown-inert text: backslash-escapes only what Markdown would read as formatting, a link or HTML
    /// (`` \ ` * _ [ ] < > & | ~ ``, `://` of a bare link, and a block marker — `#`, `-`, `+`, `1.` — at the start),
    /// and makes control characters visible. Dates and hyphenated words stay as they are (`2026-11-20`).
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for ch in TextTable.sanitised(text) {
            if "\\`*_[]<>&|~".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        out = out.replacingOccurrences(of: "://", with: "\\://")
        if let first = out.first, "#-+=".contains(first) { return "\\" + out }
        let digits = out.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = out.dropFirst(digits.count).first, next == "." || next == ")" {
            out.insert("\\", at: out.index(out.startIndex, offsetBy: digits.count))
        }
        return out
    }

    /// An advice as Markdown: its words escaped, its commands as code spans.
    static func markdownAdvice(_ pieces: [AdviceText.Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): markdownEscaped(text)
            case .command(let command): "`" + TextTable.sanitised(command).replacingOccurrences(of: "`", with: "") + "`"
            }
        }.joined()
    }

    /// Escaped text in which each `` `command` `` span stays a code span, so commands show as code; the
    /// text between them is escaped with ``markdownEscaped(_:)``.
    static func markdownInline(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return markdownEscaped(text) }
        var out = ""
        for (i, part) in parts.enumerated() {
            if i % 2 == 1 && i < parts.count - 1 && !part.isEmpty {
                out += "`" + TextTable.sanitised(String(part)) + "`"
            } else {
                out += (i % 2 == 1 ? "\\`" : "") + markdownEscaped(String(part))
            }
        }
        return out
    }
}
