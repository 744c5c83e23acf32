import TiesCore

/// Every record an importer produces, checked with ``ContactValidation`` before it reaches the store:
/// the one gate between a file and the store, the same checks `ties person add` makes.
///
/// A record with a value that cannot be stored — a name with a NUL, ESC or line break, two addresses in
/// one email field, a phone number with letters — is a problem at its file and line, with the field and
/// what is accepted; the importer refuses the file or, with `--skip-invalid`, leaves the record out and
/// lists it. Valid records come back with their values in stored form (trimmed, domains lower-cased).
///
/// ```swift
/// let checked = RecordValidation.people(records)   // checked.records, checked.problems
/// ```
public enum RecordValidation {
    /// The people that can be stored, in stored form, and a problem for each value that cannot.
    public static func people(_ records: [PersonRecord]) -> (records: [PersonRecord], problems: [ParseError]) {
        partition(records, by: check)
    }

    /// People read from another application's address book (vCard, Google, Outlook or Thunderbird CSV), with each email,
    /// phone or web address that is not one left out of its person and said, instead of refusing the
    /// person: exports hold what was typed in those fields (`N/A`, a company's name as a phone, a nickname as
    /// an email: one among the 1,625 contacts of a real Google export), and the rest of the contact is good.
    /// Other values that cannot be stored stay problems (``people(_:)`` checks them). A value the card gives
    /// twice, written two ways (``ContactPoint/isSame(as:)``), is kept once, as first written.
    public static func addressBookPeople(_ records: [PersonRecord]) -> (
        records: [PersonRecord], leftOut: [(file: String, skipped: SkippedRecord)]
    ) {
        var leftOut: [(file: String, skipped: SkippedRecord)] = []
        let kept = records.map { record in
            var kept = record
            kept.person.contactPoints = []
            for point in record.person.contactPoints {
                do throws(InputError) {
                    _ = try ContactValidation.contactPoint(point)
                } catch {
                    let reason = "\(error.field) \"\(error.value)\" (expected \(error.expected))"
                    leftOut.append((record.file, SkippedRecord(line: record.line, reason: reason)))
                    continue
                }
                // One number written twice on a card (`+1 903-555-0142` and `(903) 555-0142`) is one phone.
                if !kept.person.contactPoints.contains(where: { $0.isSame(as: point) }) {
                    kept.person.contactPoints.append(point)
                }
            }
            return kept
        }
        return (kept, leftOut)
    }

    /// The interactions that can be stored, in stored form, and a problem for each value that cannot.
    public static func interactions(_ records: [InteractionRecord]) -> (
        records: [InteractionRecord], problems: [ParseError]
    ) {
        partition(records, by: check)
    }

    /// The records `check` accepts, in stored form and in order, and the problems of those it refuses.
    static func partition<Record>(_ records: [Record], by check: (Record) -> Result<Record, Problems>)
        -> (records: [Record], problems: [ParseError])
    {
        var valid: [Record] = []
        var problems: [ParseError] = []
        for record in records {
            switch check(record) {
            case .success(let record): valid.append(record)
            case .failure(let found): problems += found.errors
            }
        }
        return (valid, problems)
    }

    /// The problems of one record, as an error.
    public struct Problems: Error, Sendable {
        public var errors: [ParseError]
    }

    /// One person record in stored form, or its problems.
    public static func check(_ record: PersonRecord) -> Result<PersonRecord, Problems> {
        let (person, found) = ContactValidation.person(record.person)
        guard found.isEmpty else {
            return .failure(Problems(errors: found.map { error($0, file: record.file, line: record.line) }))
        }
        var checked = record
        checked.person = person
        return .success(checked)
    }

    /// One interaction record in stored form (its note, the keys naming its person, the person to
    /// create), or its problems.
    public static func check(_ record: InteractionRecord) -> Result<InteractionRecord, Problems> {
        var checked = record
        if let problems = validate(&checked) { return .failure(problems) }
        return .success(checked)
    }

    /// Puts `record` in stored form in place, as ``check(_:)-(InteractionRecord)`` does; its problems, nil
    /// when it has none. In place because a record is a few hundred bytes: each copy in and out of a
    /// `Result` showed in the profile of a million-row `ties import csv`.
    static func validate(_ record: inout InteractionRecord) -> Problems? {
        var found: [InputError] = []
        do throws(InputError) {
            if let note = record.interaction.note {
                record.interaction.note = try ContactValidation.text(note, field: "note", multiline: true)
            }
        } catch { found.append(error) }
        let keys = record.keys
        record.keys = []
        record.keys.reserveCapacity(keys.count)
        for key in keys {
            do throws(InputError) {
                switch key {
                case .id: record.keys.append(key)
                case .name(let name):
                    // A record may know its person by URL or email only (an empty name is no key).
                    if name.unicodeScalars.allSatisfy(ContactValidation.isWhitespace) { continue }
                    record.keys.append(.name(try ContactValidation.name(name, field: "person")))
                case .email(let email): record.keys.append(.email(try ContactValidation.email(email)))
                case .url(let url): record.keys.append(.url(try ContactValidation.url(url)))
                }
            } catch { found.append(error) }
        }
        if let person = record.newPerson, person.name.unicodeScalars.allSatisfy(ContactValidation.isWhitespace) {
            // Nobody to create without a name: the interaction is listed as unmatched if no key matches.
            record.newPerson = nil
        } else if let person = record.newPerson {
            let (valid, problems) = ContactValidation.person(person)
            record.newPerson = valid
            // The same name as a key is reported once.
            found += problems.filter { problem in !found.contains { $0.value == problem.value } }
        }
        guard found.isEmpty else {
            return Problems(errors: found.map { error($0, file: record.file, line: record.line) })
        }
        return nil
    }

    static func error(_ problem: InputError, file: String, line: Int) -> ParseError {
        ParseError(line: line, field: problem.field, found: problem.value, expected: problem.expected, source: file)
    }
}
