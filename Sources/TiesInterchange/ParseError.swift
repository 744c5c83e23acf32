/// A problem in an input file, with where it is and what would be accepted there.
///
/// Every reader in this module reports problems this way. ``description`` is a sentence a person can
/// act on, for example:
///
/// `Connections.csv, line 12 (record 9), field "Connected On": found "03/12/2024"; expected a date such as 12 Mar 2024.`
///
/// The readers never know the file name (they only see bytes); the caller sets ``source`` with
/// ``in(_:)`` before showing the error.
public struct ParseError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file (or other source) the bytes came from, when the caller has said so.
    public var source: String?
    /// The 1-based line on which the problem starts.
    public var line: Int
    /// The 1-based column (in bytes) on that line, when known.
    public var column: Int?
    /// The 1-based record (CSV row after the header, vCard, calendar event), when known.
    public var record: Int?
    /// The field, column or property involved, when there is one.
    public var field: String?
    /// What was found, as written in the file (shortened for display).
    public var found: String
    /// What is accepted instead.
    public var expected: String
    /// True when the input could not be read (an I/O error, not a problem in what it holds).
    public var isReadFailure = false
    /// True when the input is not UTF-8 where it was required to be (``CSVInput/requiringUTF8()``): the caller
    /// may read it again transcoded.
    public var isNotUTF8 = false

    /// Creates an error; `line` is 1-based.
    public init(
        line: Int, column: Int? = nil, record: Int? = nil, field: String? = nil,
        found: String, expected: String, source: String? = nil
    ) {
        self.source = source
        self.line = line
        self.column = column
        self.record = record
        self.field = field
        self.found = found
        self.expected = expected
    }

    /// The same error, naming the file it came from.
    public func `in`(_ source: String) -> ParseError {
        var copy = self
        copy.source = source
        return copy
    }

    /// Where the problem is: `file, line L, column C (record R), field "F"`.
    public var location: String {
        var parts: [String] = []
        if let source { parts.append(source) }
        var place = "line \(line)"
        if let column { place += ", column \(column)" }
        if let record { place += " (record \(record))" }
        parts.append(place)
        if let field { parts.append("field \"\(field)\"") }
        return parts.joined(separator: ", ")
    }

    /// A sentence naming the place, what was found and what is accepted.
    public var description: String {
        "\(location): found \(ParseError.shown(found)); expected \(expected)."
    }

    /// Text as shown in a message: quoted, control characters made visible, at most 60 characters.
    static func shown(_ text: String) -> String {
        if text.isEmpty { return "nothing" }
        if text.hasPrefix("<") && text.hasSuffix(">") { return text }  // a description such as <end of file>
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 60 {
                out += "…"
                break
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FFFD}" {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return "\"" + out + "\""
    }
}

/// A record, or a value within one, that a reader left out on purpose, and why.
///
/// Unlike a ``ParseError``, a skipped record is not a mistake in the file: a cancelled meeting, a
/// declined invitation, a conference room among the attendees, a draft message, a birthday that is not a
/// date (the person is still imported, without it).
public struct SkippedRecord: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The 1-based line where the record (or value) starts.
    public var line: Int
    /// Why it was left out, as a short sentence fragment ("the event is cancelled").
    public var reason: String

    /// Creates a note that the record at `line` was left out because of `reason`.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    /// `line L: reason`.
    public var description: String { "line \(line): \(reason)" }

    /// A content line (vCard, iCalendar) that is not `NAME:value`, ignored: the same note in every format.
    static func notAProperty(_ raw: some Collection<UInt8>, line: Int) -> SkippedRecord {
        SkippedRecord(
            line: line,
            reason:
                "\(ParseError.shown(String(decoding: raw.prefix(40), as: UTF8.self))) is not a property (NAME:value); ignored"
        )
    }
}

/// What an importer read from one file: the records it understood, the ones it could not read, and the
/// ones it left out on purpose.
///
/// Importers never stop at the first bad record: they gather every problem, so that the caller can
/// either refuse the whole file (listing all problems at once) or, in a `--skip-invalid` mode, import
/// ``records`` and report ``problems`` as skipped. Errors that make the whole file unreadable (no header
/// row, a quote that never closes) are thrown instead.
public struct ImportResult<Record: Sendable>: Sendable {
    /// The records read, in file order (or in an order the importer documents).
    public var records: [Record]
    /// Records that could not be read, each with its position. Empty when the file is clean.
    public var problems: [ParseError]
    /// Records or values left out on purpose, with why.
    public var skipped: [SkippedRecord]

    /// Creates a result.
    public init(records: [Record] = [], problems: [ParseError] = [], skipped: [SkippedRecord] = []) {
        self.records = records
        self.problems = problems
        self.skipped = skipped
    }

    /// The same result with every problem naming `source`.
    public func `in`(_ source: String) -> ImportResult<Record> {
        var copy = self
        copy.problems = problems.map { $0.in(source) }
        return copy
    }
}

extension ImportResult: Equatable where Record: Equatable {}
