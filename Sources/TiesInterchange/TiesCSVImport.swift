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
        return fieldText(fields[index])
    }

    /// A field's text, unguarded; nil when it is empty.
    static func fieldText(_ raw: String) -> String? {
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

    /// The words a yes/no column accepts, in lower case (any case is read).
    static let booleans = [
        ("yes", true), ("true", true), ("1", true), ("y", true), ("no", false), ("false", false), ("0", false),
        ("n", false),
    ]

    static func parseBool(_ text: String?) -> Bool? {
        guard let text else { return nil }
        if let found = booleans.first(where: { $0.0 == text }) { return found.1 }
        let lower = text.lowercased()
        return lower == text ? nil : parseBool(lower)
    }

    /// People from a table with at least a `name` column (also: id, roles, recruiter_kind, organisation,
    /// title, closeness, tags, emails, phones, archived, urls, birthday, work_anniversary, known_since).
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
                + row.list("urls").map {
                    ContactPoint(kind: $0.lowercased().contains("linkedin.com/") ? .linkedin : .url, value: $0)
                }
            ok = readDates(row, into: &person, problem: problem) && ok
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

    /// A people row's `birthday`, `work_anniversary` and `known_since` set on `person`; false after reporting
    /// one that is not a date.
    static func readDates(
        _ row: Row, into person: inout Person, problem: (_ field: String, _ found: String, _ expected: String) -> Void
    ) -> Bool {
        var ok = true
        for (column, path) in [("birthday", \Person.birthday), ("work_anniversary", \.workAnniversary)] {
            guard let text = row.text(column) else { continue }
            if let date = YearlyDate.parse(text) {
                person[keyPath: path] = date
            } else {
                problem(column, text, YearlyDate.accepted)
                ok = false
            }
        }
        if let text = row.text("known_since") {
            if case .day(let day)? = try? DateInput.parse(text, field: "known_since", timeZone: .utc) {
                person.knownSince = day
            } else {
                problem("known_since", text, "a day, YYYY-MM-DD")
                ok = false
            }
        }
        return ok
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
        try forEachInteractionBatch(in: bytes, file: file, timeZone: timeZone) { batch in
            for record in batch where !body(record) { return false }
            return true
        }
    }

    /// Reads the interactions table in `bytes` as ``forEachInteraction(in:file:timeZone:_:)`` does, calling
    /// `body` with a few thousand records at a time, in file order (false stops the reading): for a store
    /// that looks records up in runs.
    public static func forEachInteractionBatch(
        in bytes: [UInt8], file: String, timeZone: TimeZone, _ body: ([InteractionRecord]) -> Bool
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
            var fields = CSVFieldBytes()
            do throws(ParseError) {
                try CSVReader.forEachRecord(in: bytes, into: &fields) { fields in
                    recordIndex += 1
                    if recordIndex == 1 { return true }  // the header
                    if fields.isRagged(width: header.fields.count) {
                        problems.append(
                            CSVTable.raggedRow(fields.record, index: recordIndex - 1, header: header).in(file))
                        return true
                    }
                    guard let interaction = reader.record(fields, line: fields.line, problems: &problems)
                    else { return true }
                    batch.append(interaction)
                    return pipe.sendWhenFull(&batch, size: batchSize)
                }
            } catch {
                failure = error
            }
            pipe.finish(last: batch, (problems, failure))
        }.start()
        let outcome = pipe.drain(body)
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
        func record(_ fields: some InteractionRowFields, line: Int, problems: inout [ParseError]) -> InteractionRecord?
        {
            func text(_ index: Int?) -> String? { fields.text(index) }
            var ok = true
            func problem(_ field: String, _ found: String, _ expected: String) {
                problems.append(ParseError(line: line, field: field, found: found, expected: expected, source: file))
                ok = false
            }
            /// The value of the field at `index`: from its bytes when they are plain, else parsed from its text;
            /// nil when it is absent (a problem if `required`) or cannot be read (a problem).
            func read<T>(
                _ index: Int?, _ field: String, _ expected: @autoclosure () -> String, required: Bool = false,
                bytes: (UnsafeBufferPointer<UInt8>) -> T?, text parse: (String) -> T?
            ) -> T? {
                if let value = fields.parsed(index, bytes) { return value }
                guard let found = text(index) else {
                    if required { problem(field, "", expected()) }
                    return nil
                }
                if let value = parse(found) { return value }
                problem(field, found, expected())
                return nil
            }
            var keys: [PersonKey] = []
            keys.reserveCapacity(2)
            if let n = read(personID, "person_id", "a whole number", bytes: Self.digits, text: { Int64($0) }) {
                keys.append(.id(n))
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
            let kind = read(
                self.kind, "kind", "one of " + InteractionKind.allCases.map(\.rawValue).joined(separator: ", "),
                required: true, bytes: Self.kinds.value
            ) { InteractionKind(rawValue: $0) ?? InteractionKind(rawValue: $0.lowercased()) }
            let direction =
                read(self.direction, "direction", "in, out or mutual", bytes: Self.directions.value) {
                    Direction(rawValue: $0) ?? Direction(rawValue: $0.lowercased())
                } ?? .mutual
            let answered =
                read(self.answered, "answered", "yes or no", bytes: Self.yesNo.value, text: parseBool) ?? true
            let groupSize =
                read(
                    self.groupSize, "group_size", "a whole number, 1 or more",
                    bytes: { Self.digits($0).flatMap { $0 >= 1 ? Int($0) : nil } },
                    text: { Int($0).flatMap { $0 >= 1 ? $0 : nil } }
                ) ?? 1
            let id = read(
                self.id, "id", "a positive whole number", bytes: { Self.digits($0).flatMap { $0 > 0 ? $0 : nil } },
                text: { Int64($0).flatMap { $0 > 0 ? $0 : nil } })
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
            var record = InteractionRecord(interaction: interaction, keys: keys, file: file, line: line)
            if let found = RecordValidation.validate(&record) {
                problems += found.errors
                return nil
            }
            return record
        }
    }
}
