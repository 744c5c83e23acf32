import Foundation
import TiesCore

/// The text of `ties person show`: who someone is, how the relationship stands, and the latest contacts.
public enum PersonReport {
    /// Renders one person, no line wider than `width` (long values wrap under themselves). User text is
    /// sanitised (see ``TextTable/sanitised(_:)``).
    public static func render(
        person: Person, score: PersonScore?, recent: [Interaction], timeZone: TimeZone, width: Int = 100
    ) -> String {
        let s = TextTable.sanitised
        var lines: [String] = []
        lines.append("\(s(person.name)) (#\(person.id ?? 0))\(person.archived ? "  [archived]" : "")")
        var roles = person.sortedRoles.map(\.rawValue).joined(separator: ", ")
        if let kind = person.recruiterKind { roles += " (\(kind.rawValue))" }
        if !roles.isEmpty { lines.append("  roles:        \(roles)") }
        let job = [person.title, person.organisation].compactMap { $0 }.map(s).joined(separator: " at ")
        if !job.isEmpty { lines.append("  works:        \(job)") }
        if let c = person.closeness { lines.append("  closeness:    \(c) of 5") }
        if let since = score?.knownSince ?? person.knownSince {
            let source = since == person.knownSince ? "as you said" : "the first recorded contact"
            lines.append("  known since:  \(since) (\(source))")
        }
        lines += PersonReport.yearlyDates(of: person)
        if !person.tags.isEmpty {
            lines.append("  tags:         \(person.tags.sorted().map(s).joined(separator: ", "))")
        }
        var mapper = DayMapper(timeZone: timeZone)
        for point in person.contactPoints {
            let verified = point.verifiedAt.map { "verified \(mapper.day(for: $0))" } ?? "never verified"
            lines.append(
                "  \(point.kind.rawValue + ":" + String(repeating: " ", count: max(1, 13 - point.kind.rawValue.count)))\(s(point.value))  (\(verified))"
            )
        }
        if let score, score.status != .none {
            lines.append("")
            lines.append(
                "  strength:     \(Table.format(score.strength, digits: 1)) / 100\(score.layer.map { "  (layer \($0))" } ?? "")"
            )
            lines.append("  activity:     \(Table.format(score.activity, digits: 2))")
            if score.status == .dormant {
                lines.append(
                    "  dormant:      connected since \(score.knownSince.map(String.init(describing:)) ?? "?"), never in touch"
                )
            }
            if let last = score.lastContact, let silence = score.silenceDays {
                lines.append(
                    "  last contact: \(last) (\(silence) days ago); \(score.episodes) day\(score.episodes == 1 ? "" : "s") of contact since \(score.firstContact!)"
                )
            }
            if let gap = score.typicalGapDays, let survival = score.survival {
                lines.append(
                    "  rhythm:       typically \(Cadence.every(days: gap)); a silence this long happens \(Table.format(100 * survival, digits: 0))% of the time → \(score.status.rawValue)"
                )
            }
        } else {
            lines.append("")
            lines.append("  no interactions yet: log one with `ties log \"\(s(person.name))\" call`")
        }
        if !recent.isEmpty {
            lines.append("")
            lines.append("  recent:")
            for i in recent {
                let day = mapper.day(of: i)
                var text = "    \(day)  #\(i.id ?? 0)  \(i.kind.rawValue) \(i.direction.rawValue)"
                if i.direction == .inbound && !i.answered { text += " (unanswered)" }
                if let note = i.note { text += "  — \(s(note))" }
                lines.append(text)
            }
        }
        return TerminalText.wrappingLines(lines.joined(separator: "\n") + "\n", width: width)
    }
}
