import TiesCore

/// A user's report template could not be used.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var placeholder: String
    public var known: [String]

    public var description: String {
        "line \(line): unknown placeholder {{\(placeholder)}}; a template may use "
            + known.map { "{{\($0)}}" }.joined(separator: ", ")
    }
}

extension WeeklyReport {
    /// The formats a template can be written in.
    public enum TemplateFormat: Sendable {
        case markdown, html
    }

    /// Fills a template: every `{{name}}` is replaced by the section of that name, rendered and escaped for
    /// the format. The sections are `week`, `asOf`, `health`, `change`, `verdict`, `trend`, `components`,
    /// `actions`, `gaps`, `snoozed` (empty when no one is snoozed), `counts`, `people`, `withHistory`, `dormant`, and, in HTML, `charts` (inline SVG).
    /// Everything else in the template is copied as it is.
    ///
    /// ```swift
    /// let text = try report.render(template: "Health {{health}} ({{change}})", format: .markdown)
    /// ```
    /// - Throws: ``TemplateError`` for a placeholder that names no section, with its line.
    public func render(template: String, format: TemplateFormat) throws(TemplateError) -> String {
        let sections = format == .markdown ? markdownSections() : htmlSections()
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let value = sections[name] else {
                let line = template[..<open.lowerBound].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
                throw TemplateError(line: line, placeholder: name, known: sections.keys.sorted())
            }
            out += value
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The sections every format shares: plain values with no user text.
    func commonSections() -> [String: String] {
        [
            "week": week, "asOf": asOf.description, "health": ReportText.healthText(headline),
            "change": hasHealth ? ReportText.changeText(change) : ReportText.noHealthYet,
            "verdict": ReportText.verdict(headline),
            "people": String(people), "withHistory": String(withHistory), "dormant": dormantNote,
        ]
    }

    /// `; 212 known only as connections, never spoken with (40 of them recruiters)`, or empty when no one
    /// is dormant.
    var dormantNote: String {
        guard dormant > 0 else { return "" }
        let recruiters =
            dormantRecruiters > 0 ? " (\(dormantRecruiters) of them recruiter\(dormantRecruiters == 1 ? "" : "s"))" : ""
        return "; \(dormant) known only as connections, never spoken with\(recruiters)"
    }
}
