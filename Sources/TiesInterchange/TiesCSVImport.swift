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
        func text(_ column: String) -> String? { field(fields, at: columns[column]) }
        func list(_ column: String) -> [String] {
            (text(column) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        }
    }

    /// The field at `index`, unguarded; nil when the column is absent, the row short or the field empty.
    static func field(_ fields: [String], at index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        let raw = fields[index]
        if raw.isEmpty { return nil }
        let value = unguarded(raw)
        return value.isEmpty ? nil : value
    }

    /// Each column's index by its lower-cased, trimmed name (the first, when a name repeats).
    static func columns(of header: [String]) -> [String: Int] {
        var columns: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if columns[key] == nil { columns[key] = i }
        }
        return columns
    }

    /// The rows of `table` that have as many fields as its header; the others are in its `raggedRows`.
    static func rows(_ table: CSVTable) -> [Row] {
        let columns = columns(of: table.header)
        let width = table.header.count
        return table.rows.filter { !CSVTable.isRagged($0.fields, width: width) }.map {
            Row(line: $0.line, fields: $0.fields, columns: columns)
        }
    }

    static func parseBool(_ text: String?) -> Bool? {
        guard let text else { return nil }
        switch text {
        case "yes", "true", "1", "y": return true
        case "no", "false", "0", "n": return false
        default:
            let lower = text.lowercased()
            return lower == text ? nil : parseBool(lower)
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
                    problem("recruiter_kind", kind, "in-house, agency or search-firm")
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
            guard ok else { continue }
            switch RecordValidation.check(PersonRecord(person: person, file: file, line: row.line)) {
            case .success(let record): result.records.append(record)
            case .failure(let found): result.problems += found.errors
            }
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
        let reader = InteractionReader(header: table.header, file: file, timeZone: timeZone)
        for row in rows(table) {
            if let record = reader.record(row.fields, line: row.line, problems: &result.problems) {
                result.records.append(record)
            }
        }
        return result
    }

    /// Reads the interactions table in `bytes` record by record, calling `body` with each valid one in file
    /// order, without holding the file's rows: the path for files of a million rows. `body` returns false to
    /// stop.
    ///
    /// The file is read on a thread of its own, a few thousand records ahead of `body`, which runs on the
    /// calling thread: reading and storing overlap.
    ///
    /// - Returns: the records that could not be read (ragged rows, bad values), each with its position.
    /// - Throws: ``ParseError`` when the file is empty or a quoted field never closes (after `body` has seen
    ///   the records before it).
    public static func forEachInteraction(
        in bytes: [UInt8], file: String, timeZone: TimeZone, _ body: (InteractionRecord) -> Bool
    ) throws(ParseError) -> [ParseError] {
        let header = try CSVTable.header(of: bytes)
        let reader = InteractionReader(header: header.fields, file: file, timeZone: timeZone)
        let pipe = BatchPipe<InteractionRecord, (problems: [ParseError], error: ParseError?)>()
        let batchSize = 4096
        Thread {
            var problems: [ParseError] = []
            var batch: [InteractionRecord] = []
            batch.reserveCapacity(batchSize)
            var recordIndex = 0
            var failure: ParseError?
            do throws(ParseError) {
                try CSVReader.forEachRecord(in: bytes) { record in
                    recordIndex += 1
                    if recordIndex == 1 { return true }  // the header
                    if CSVTable.isRagged(record.fields, width: header.fields.count) {
                        problems.append(CSVTable.raggedRow(record, index: recordIndex - 1, header: header).in(file))
                        return true
                    }
                    guard let interaction = reader.record(record.fields, line: record.line, problems: &problems)
                    else { return true }
                    batch.append(interaction)
                    guard batch.count == batchSize else { return true }
                    let sent = pipe.send(batch)
                    batch = pipe.emptyBatch(capacity: batchSize)
                    return sent
                }
            } catch {
                failure = error
            }
            if !batch.isEmpty { _ = pipe.send(batch) }
            pipe.finish((problems, failure))
        }.start()
        reading: while let batch = pipe.receive() {
            for record in batch where !body(record) {
                pipe.cancel()
                break reading
            }
            pipe.recycle(consume batch)
        }
        let outcome = pipe.outcome()
        if let error = outcome.error { throw error }
        return outcome.problems
    }

    /// Maps rows of the interactions table to records, with the columns found once from the header.
    struct InteractionReader {
        let file: String
        let timeZone: TimeZone
        let id, personID, person, occurredAt, kind, direction, answered, groupSize, note, source, sourceID: Int?

        init(header: [String], file: String, timeZone: TimeZone) {
            self.file = file
            self.timeZone = timeZone
            let columns = TiesCSVImport.columns(of: header)
            id = columns["id"]
            personID = columns["person_id"]
            person = columns["person"]
            occurredAt = columns["occurred_at"]
            kind = columns["kind"]
            direction = columns["direction"]
            answered = columns["answered"]
            groupSize = columns["group_size"]
            note = columns["note"]
            source = columns["source"]
            sourceID = columns["source_id"]
        }

        /// The id of a row with neither `id` nor `source_id` (a spreadsheet of one's own): its content, so that
        /// importing the file again adds nothing; two identical rows are one interaction.
        static func contentID(_ keys: [PersonKey], _ fields: [String]) -> String {
            let who = keys.map { key -> String in
                switch key {
                case .id(let n): return "#\(n)"
                case .email(let s), .url(let s), .name(let s): return s.lowercased()
                }
            }
            return "row-" + FNV1a64.hex((who + fields).joined(separator: "\u{1F}"))
        }

        /// The record a row holds, or nil after appending each of its problems to `problems`.
        func record(_ fields: [String], line: Int, problems: inout [ParseError]) -> InteractionRecord? {
            func text(_ index: Int?) -> String? { field(fields, at: index) }
            var ok = true
            func problem(_ field: String, _ found: String, _ expected: String) {
                problems.append(ParseError(line: line, field: field, found: found, expected: expected, source: file))
                ok = false
            }
            var keys: [PersonKey] = []
            if let id = text(personID) {
                if let n = Int64(id) { keys.append(.id(n)) } else { problem("person_id", id, "a whole number") }
            }
            if let name = text(person) { keys.append(.name(name)) }
            if keys.isEmpty && ok { problem("person", "", "a person_id or a person name") }
            var when: DateInput?
            if let stamp = text(occurredAt) {
                when = try? DateInput.parse(stamp, field: "occurred_at", timeZone: timeZone)
                if when == nil { problem("occurred_at", stamp, DateInput.accepted) }
            } else {
                problem("occurred_at", "", DateInput.accepted)
            }
            let kindText = text(kind)
            let kind = kindText.flatMap { InteractionKind(rawValue: $0) ?? InteractionKind(rawValue: $0.lowercased()) }
            if kind == nil {
                problem(
                    "kind", kindText ?? "",
                    "one of " + InteractionKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var direction = Direction.mutual
            if let d = text(self.direction) {
                if let v = Direction(rawValue: d) ?? Direction(rawValue: d.lowercased()) {
                    direction = v
                } else {
                    problem("direction", d, "in, out or mutual")
                }
            }
            var answered = true
            if let a = text(self.answered) {
                if let b = parseBool(a) { answered = b } else { problem("answered", a, "yes or no") }
            }
            var groupSize = 1
            if let g = text(self.groupSize) {
                if let n = Int(g), n >= 1 {
                    groupSize = n
                } else {
                    problem("group_size", g, "a whole number, 1 or more")
                }
            }
            var id: Int64?
            if let given = text(self.id) {
                if let n = Int64(given), n > 0 { id = n } else { problem("id", given, "a positive whole number") }
            }
            guard ok, let when, let kind else { return nil }
            let note = text(note)
            var sourceID = text(sourceID)
            if sourceID == nil && id == nil {
                // The row's first second, as before dates stayed dates: ids already imported stay the same.
                let first = Int64(when.startInstant(timeZone: timeZone).timeIntervalSince1970.rounded(.down))
                sourceID = Self.contentID(
                    keys,
                    [
                        String(first), kind.rawValue, direction.rawValue, answered ? "1" : "0", String(groupSize),
                        note ?? "",
                    ])
            }
            let interaction = Interaction(
                id: id, personID: 0, occurredAt: when.recorded.at, kind: kind, direction: direction, answered: answered,
                groupSize: groupSize, note: note, source: text(source) ?? "csv", sourceID: sourceID,
                dateOnly: when.recorded.dateOnly)
            switch RecordValidation.check(
                InteractionRecord(interaction: interaction, keys: keys, file: file, line: line))
            {
            case .success(let record): return record
            case .failure(let found):
                problems += found.errors
                return nil
            }
        }
    }
}
