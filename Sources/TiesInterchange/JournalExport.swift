import Foundation
import TiesCore

/// Writes the career journal out: as Markdown to read, and as a JSON Resume to rebuild a resume from.
///
/// Both are deterministic: entries are ordered by ``JournalEntry/newestFirst(_:_:)`` and keys are written
/// in a fixed order.
public enum JournalExport {
    /// The JSON Resume schema version written in `meta.version`.
    public static let jsonResumeVersion = "v1.0.0"
    /// The schema the `$schema` key points at.
    public static let jsonResumeSchema = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

    // MARK: - JSON Resume

    /// The journal as a JSON Resume (schema v1.0.0).
    ///
    /// `basics` comes from `card` (name, email, phone, address as `location.address`, LinkedIn as a
    /// profile) and is left out without one. `work` and `awards` follow ``CareerHistory``: each employment
    /// is a `work` item (`name` = organisation, `position` = title, `startDate`, `endDate` when it ended,
    /// `summary` = the entry's text, `highlights` = its accomplishments); accomplishments outside any job are
    /// `awards` (`title` = the entry's title, else its text; `date`; `awarder` = organisation; `summary` = the
    /// text when it is not the title). Reviews, salary, counselling and note entries are private and not
    /// exported. `meta.version` is ``jsonResumeVersion``.
    public static func jsonResume(_ entries: [JournalEntry], card: ContactCard? = nil) -> String {
        let history = CareerHistory(entries: entries)
        var root: [(String, JSON)] = [("$schema", .string(jsonResumeSchema))]
        if let card {
            var basics: [(String, JSON)] = [("name", .string(card.name))]
            if let email = card.email { basics.append(("email", .string(email))) }
            if let phone = card.phone { basics.append(("phone", .string(phone))) }
            if let address = card.address { basics.append(("location", .object([("address", .string(address))]))) }
            if let url = card.linkedinURL {
                basics.append(
                    ("profiles", .array([.object([("network", .string("LinkedIn")), ("url", .string(url))])])))
            }
            root.append(("basics", .object(basics)))
        }
        root.append(
            (
                "work",
                .array(
                    history.positions.map { position in
                        let job = position.employment
                        var item: [(String, JSON)] = []
                        if let organisation = job.organisation { item.append(("name", .string(organisation))) }
                        if let title = job.title { item.append(("position", .string(title))) }
                        item.append(("startDate", .string(job.day.description)))
                        if let end = job.endDay { item.append(("endDate", .string(end.description))) }
                        item.append(("summary", .string(job.text)))
                        item.append(("highlights", .array(position.highlights.map { .string($0.text) })))
                        return .object(item)
                    })
            ))
        root.append(
            (
                "awards",
                .array(
                    history.awards.map { entry in
                        let title = entry.title ?? entry.text
                        var item: [(String, JSON)] = [
                            ("title", .string(title)), ("date", .string(entry.day.description)),
                        ]
                        if let organisation = entry.organisation { item.append(("awarder", .string(organisation))) }
                        if entry.text != title { item.append(("summary", .string(entry.text))) }
                        return .object(item)
                    })
            ))
        root.append(("meta", .object([("version", .string(jsonResumeVersion))])))
        return JSON.object(root).rendered(indent: "") + "\n"
    }

    /// A JSON value with ordered keys.
    private indirect enum JSON {
        case string(String)
        case array([JSON])
        case object([(String, JSON)])

        func rendered(indent: String) -> String {
            let inner = indent + "  "
            switch self {
            case .string(let s):
                return JSONWriter.string(s)
            case .array(let items):
                if items.isEmpty { return "[]" }
                return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent
                    + "]"
            case .object(let pairs):
                if pairs.isEmpty { return "{}" }
                return "{\n"
                    + pairs.map { inner + JSONWriter.string($0.0) + ": " + $0.1.rendered(indent: inner) }
                    .joined(separator: ",\n") + "\n" + indent + "}"
            }
        }
    }

    // MARK: - Markdown

    /// The journal as a Markdown career record: a heading per year, newest first, one line per entry.
    ///
    /// Each line reads `- **day** · Kind · title · organisation · amount — text · tags`, leaving out what
    /// the entry does not have; an employment shows its span (`2024-01-08 – present`). User text is escaped
    /// so it cannot turn into Markdown markup, and line breaks become spaces.
    ///
    /// ```markdown
    /// ## 2026
    ///
    /// - **2026-05-20** · Accomplishment · Mercy Health · 18 — Cut readmissions by 18% · #quality
    /// ```
    public static func markdown(_ entries: [JournalEntry], title: String = "Career journal") -> String {
        var out = "# \(escape(title))\n\n"
        let sorted = entries.sorted(by: JournalEntry.newestFirst)
        guard let newest = sorted.first, let oldest = sorted.last else {
            return out + "No entries yet. Add one with `ties journal add`.\n"
        }
        out += "\(sorted.count) \(sorted.count == 1 ? "entry" : "entries"), \(oldest.day) to \(newest.day).\n"
        var year: Int?
        for entry in sorted {
            let y = entry.day.civil.year
            if y != year {
                out += "\n## \(y)\n\n"
                year = y
            }
            out += line(entry) + "\n"
        }
        return out
    }

    private static func line(_ entry: JournalEntry) -> String {
        var span = entry.day.description
        if entry.kind == .employment {
            span += " – " + (entry.endDay?.description ?? "present")
        } else if let end = entry.endDay {
            span += " – " + end.description
        }
        var parts = ["- **\(span)**", kindName(entry.kind)]
        if let title = entry.title { parts.append(escape(title)) }
        if let organisation = entry.organisation { parts.append(escape(organisation)) }
        if let amount = entry.amount { parts.append(number(amount)) }
        var text = parts.joined(separator: " · ") + " — " + escape(entry.text)
        if !entry.tags.isEmpty { text += " · " + entry.tags.sorted().map { "#" + escape($0) }.joined(separator: " ") }
        return text
    }

    private static func kindName(_ kind: JournalKind) -> String {
        switch kind {
        case .employment: return "Employment"
        case .review: return "Review"
        case .salary: return "Salary"
        case .accomplishment: return "Accomplishment"
        case .counselling: return "Counselling"
        case .note: return "Note"
        }
    }

    /// A number without a trailing `.0`, up to two decimals.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        var text = Table.format(x, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// `text` safe inside a Markdown line: markup characters backslash-escaped, line breaks as spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">": out += "\\" + String(scalar)
            case "\n" where previous == "\r": break
            case "\r", "\n", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
