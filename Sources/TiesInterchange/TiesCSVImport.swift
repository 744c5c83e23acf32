import Foundation
import TiesCore

/// Reads the people and interactions tables that `ties export` writes (and spreadsheets edited from them),
/// so that export → import → export gives the same file.
///
/// Columns are found by name, so their order and extra columns do not matter. A field that export
/// neutralised against formula injection (a leading `'` before `=`, `+`, `-`, `@`, tab or CR) is read back
/// without the `'`. Every bad value is reported with its line and column name; nothing is guessed.
public enum TiesCSVImport {
    /// Which table a file holds.
    public enum Kind: String, CaseIterable, Sendable {
        case people, interactions
    }

    /// The table a header names: interactions when it has `occurred_at`, people when it has `name`.
    public static func kind(of header: [String]) -> Kind? {
        let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        if names.contains("occurred_at") { return .interactions }
        if names.contains("name") { return .people }
        return nil
    }

    /// The text of a field as exported, without the formula-injection guard.
    static func unguarded(_ text: String) -> String {
        guard text.utf8.first == 39, let next = text.unicodeScalars.dropFirst().first,
            ["=", "+", "-", "@", "\t", "\r"].contains(next)
        else { return text }
        return String(text.dropFirst())
    }

    /// A row's fields, looked up by lower-cased column name through the header's index.
    struct Row {
        var line: Int
        var fields: [String]
        var columns: [String: Int]
        func text(_ column: String) -> String? {
            guard let i = columns[column], i < fields.count else { return nil }
            let raw = fields[i]
            if raw.isEmpty { return nil }
            let value = unguarded(raw)
            return value.isEmpty ? nil : value
        }
        func list(_ column: String) -> [String] {
            (text(column) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        }
    }

    static func rows(_ table: CSVTable) -> [Row] {
        var columns: [String: Int] = [:]
        for (i, name) in table.header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if columns[key] == nil { columns[key] = i }
        }
        return table.rows.map { Row(line: $0.line, fields: $0.fields, columns: columns) }
    }

    static func parseBool(_ text: String?) -> Bool? {
        switch text?.lowercased() {
        case nil: return nil
        case "yes", "true", "1", "y": return true
        case "no", "false", "0", "n": return false
        default: return nil
        }
    }

    /// People from a table with at least a `name` column (also: id, roles, recruiter_kind, organisation,
    /// title, closeness, tags, emails, phones, archived).
    public static func people(_ table: CSVTable, file: String) -> ImportResult<PersonRecord> {
        var result = ImportResult<PersonRecord>()
        result.problems = table.raggedRows.map { $0.in(file) }
        for row in rows(table) {
            func problem(_ field: String, _ found: String, _ expected: String) {
                result.problems.append(
                    ParseError(line: row.line, field: field, found: found, expected: expected, source: file))
            }
            guard let name = row.text("name")?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                problem("name", "", "a name")
                continue
            }
            var person = Person(name: name)
            var ok = true
            if let id = row.text("id") {
                if let n = Int64(id), n > 0 {
                    person.id = n
                } else {
                    problem("id", id, "a positive whole number")
                    ok = false
                }
            }
            for role in row.list("roles") {
                if let r = Role(rawValue: role.lowercased()) {
                    person.roles.insert(r)
                } else {
                    problem(
                        "roles", role,
                        "roles separated by ; from " + Role.allCases.map(\.rawValue).joined(separator: ", "))
                    ok = false
                }
            }
            if let kind = row.text("recruiter_kind") {
                if let k = RecruiterKind(rawValue: kind.lowercased()) {
                    person.recruiterKind = k
                } else {
                    problem("recruiter_kind", kind, "search-firm or in-house")
                    ok = false
                }
            }
            person.organisation = row.text("organisation")
            person.title = row.text("title")
            if let c = row.text("closeness") {
                if let n = Int(c), (1...5).contains(n) {
                    person.closeness = n
                } else {
                    problem("closeness", c, "a whole number from 1 to 5")
                    ok = false
                }
            }
            person.tags = Set(row.list("tags"))
            person.contactPoints =
                row.list("emails").map { ContactPoint(kind: .email, value: $0) }
                + row.list("phones").map { ContactPoint(kind: .phone, value: $0) }
            if let a = row.text("archived") {
                if let b = parseBool(a) {
                    person.archived = b
                } else {
                    problem("archived", a, "yes or no")
                    ok = false
                }
            }
            if ok { result.records.append(PersonRecord(person: person, file: file, line: row.line)) }
        }
        return result
    }

    /// Interactions from a table with `occurred_at`, `kind` and `person_id` or `person` (also: id,
    /// direction, answered, group_size, note, source, source_id). Rows without a source are `csv`.
    public static func interactions(_ table: CSVTable, file: String, timeZone: TimeZone) -> ImportResult<
        InteractionRecord
    > {
        var result = ImportResult<InteractionRecord>()
        result.problems = table.raggedRows.map { $0.in(file) }
        for row in rows(table) {
            var ok = true
            func problem(_ field: String, _ found: String, _ expected: String) {
                result.problems.append(
                    ParseError(line: row.line, field: field, found: found, expected: expected, source: file))
                ok = false
            }
            var keys: [PersonKey] = []
            if let id = row.text("person_id") {
                if let n = Int64(id) { keys.append(.id(n)) } else { problem("person_id", id, "a whole number") }
            }
            if let name = row.text("person") { keys.append(.name(name)) }
            if keys.isEmpty && ok { problem("person", "", "a person_id or a person name") }
            var when: Date?
            if let text = row.text("occurred_at") {
                do {
                    when = try DateInput.parse(text, field: "occurred_at", timeZone: timeZone).startInstant(
                        timeZone: timeZone)
                } catch {
                    problem("occurred_at", text, DateInput.accepted)
                }
            } else {
                problem("occurred_at", "", DateInput.accepted)
            }
            let kind = row.text("kind").flatMap { InteractionKind(rawValue: $0.lowercased()) }
            if kind == nil {
                problem(
                    "kind", row.text("kind") ?? "",
                    "one of " + InteractionKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var direction = Direction.mutual
            if let d = row.text("direction") {
                if let v = Direction(rawValue: d.lowercased()) {
                    direction = v
                } else {
                    problem("direction", d, "in, out or mutual")
                }
            }
            var answered = true
            if let a = row.text("answered") {
                if let b = parseBool(a) { answered = b } else { problem("answered", a, "yes or no") }
            }
            var groupSize = 1
            if let g = row.text("group_size") {
                if let n = Int(g), n >= 1 {
                    groupSize = n
                } else {
                    problem("group_size", g, "a whole number, 1 or more")
                }
            }
            var id: Int64?
            if let text = row.text("id") {
                if let n = Int64(text), n > 0 { id = n } else { problem("id", text, "a positive whole number") }
            }
            guard ok, let when, let kind else { continue }
            let interaction = Interaction(
                id: id, personID: 0, occurredAt: when, kind: kind, direction: direction, answered: answered,
                groupSize: groupSize, note: row.text("note"), source: row.text("source") ?? "csv",
                sourceID: row.text("source_id"))
            result.records.append(InteractionRecord(interaction: interaction, keys: keys, file: file, line: row.line))
        }
        return result
    }
}
