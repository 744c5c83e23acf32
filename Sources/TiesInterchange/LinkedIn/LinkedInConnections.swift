import Foundation
import TiesCore

/// Reads LinkedIn's `Connections.csv` (Settings › Data privacy › Get a copy of your data), of every generation.
///
/// - **2019 to today**: a UTF-8 byte-order mark (sometimes), CRLF or LF line ends, and a `Notes:` preamble of
///   a few lines of prose (quoted or not, holding commas and quotes that need not balance, followed by blank
///   lines) before the header `First Name,Last Name,URL,Email Address,Company,Position,Connected On`. Exports
///   before 2020 have no `URL` column; some have no preamble.
/// - **2018**: no preamble, no URL, `Connected On` as `2/12/18, 5:55 AM` (month/day/two-digit year).
/// - **2012**: the "Microsoft Outlook CSV" export: 59 quoted Outlook columns (`"Title","First Name","Middle
///   Name","Last Name","Suffix","E-mail Address",…,"Company","Department","Job Title",…`), in Windows-1252
///   (the caller transcodes it; see ``SpreadsheetText``), without connection dates.
/// - Any of these re-saved by a spreadsheet: dates as `12-Mar-24` or `2024-03-12`, trailing empty columns.
///
/// The header is found by its content — the first line naming `First Name` and `Last Name` with `Connected
/// On`, `URL`, `Company` or `E-mail Address` — never by skipping a fixed number of lines. Columns are found by
/// name, in any order; extra columns are ignored. Dates: see ``LinkedInDate``; those written with numbers only
/// (`27-09-2021` after a day-first spreadsheet re-saved the file) in the order the file tells
/// (``LinkedInDateColumn``).
///
/// Rows with no name (LinkedIn writes these for members who hide their details) are left out and listed in
/// ``ImportResult/skipped``.
public enum LinkedInConnections {
    /// The `source` recorded on what this importer brings in.
    public static let source = "linkedin-connections"

    /// What `Connected On` accepts, for error messages.
    public static let acceptedDates = LinkedInDate.accepted

    /// Whether a header row is that of a Connections file (any generation). Column names are compared
    /// without their spaces: a file whose owner wrote them `FirstName,LastName,EmailAddress,…,ConnectedOn`
    /// to read it in R is still one (DelphineLeconte/Repo, 2022). So is one whose owner deleted the `Last Name`
    /// column, or the `First Name` one, keeping `Connected On`: its rows are named as far as the file names them
    /// (SergioPereiraLema/LinkedInAnalytics: `First Name;Company;Position;Connected On`, 1,158 rows), and one
    /// whose owner joined the two into `Full Name` (Mannam-Saran/LinkedIn-Network-Career-Alignment-Analysis,
    /// 2025: `Full Name,Position,Company,Connected On,Email Address,URL,Job Category`).
    public static func isHeader(_ fields: [String]) -> Bool {
        let keys = Set(fields.map(squeezed))
        if keys.contains("firstname") != keys.contains("lastname") || keys.contains("fullname") {
            return keys.contains("connectedon")
        }
        return keys.contains("firstname") && keys.contains("lastname")
            && (keys.contains("connectedon") || keys.contains("url")
                || (keys.contains("company") && keys.contains("position"))
                || (keys.contains("e-mailaddress") && keys.contains("jobtitle")))
    }

    /// What the header row is looked for by, in lines after a preamble: `First Name`, `FirstName` or `Last Name`.
    public static let headerHint = "name"

    /// A column name as ``isHeader(_:)`` compares it: trimmed, lowercased, without spaces.
    static func squeezed(_ name: String) -> String { CSVTable.key(name).filter { $0 != " " } }

    /// The column named `name`, compared as ``squeezed(_:)``.
    static func column(_ table: CSVTable, _ name: String) -> Int? {
        table.column(name) ?? table.header.firstIndex { squeezed($0) == squeezed(name) }
    }

    /// The column named `name`, else the only one whose name ends with it: a name column its owner renamed
    /// when cutting the names short (`De-Identified First Name`, AiDLraj/LinkedIn-Connections-Growth-Analysis,
    /// 2020: 2,903 rows whose first names are kept to three letters, `Yam`, and `Last Name` empty).
    static func column(_ table: CSVTable, endingWith name: String) -> Int? {
        if let exact = column(table, name) { return exact }
        let ending = table.header.indices.filter { squeezed(table.header[$0]).hasSuffix(squeezed(name)) }
        return ending.count == 1 ? ending[0] : nil
    }

    /// Reads the file's bytes.
    /// - Throws: ``ParseError`` when no header row is found, or a quoted field after it never closes.
    public static func read(_ bytes: [UInt8]) throws(ParseError) -> ImportResult<LinkedInConnection> {
        guard
            let table = try CSVTable.locate(in: bytes, hint: headerHint, isHeader: isHeader)?
                .unwrappingWholeLineRows()
        else {
            throw ParseError(
                line: 1, found: "<no header row>",
                expected:
                    "a header row naming the columns First Name, Last Name, URL, Email Address, Company, Position, Connected On (is this LinkedIn's Connections.csv?)"
            )
        }
        let columns = Columns(table)
        var result = ImportResult<LinkedInConnection>()
        let ragged = Dictionary(table.raggedRows.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        // Rows without a profile URL are told apart by name and day; rows alike in both are as many
        // connections (every row is one), told apart by their order: `Name|day`, `Name|day|2`, ...
        var alike: [String: Int] = [:]
        for (k, row) in table.rows.enumerated() {
            if row.fields.allSatisfy({ $0.trimmedWhitespace().isEmpty }) { continue }  // a spreadsheet's blank row
            if var problem = ragged[row.line] {
                problem.record = k + 1
                result.problems.append(problem)
                continue
            }
            switch connection(row, k + 1, columns) {
            case .success(var connection):
                if connection.profileURL == nil {
                    let n = alike[connection.sourceID, default: 0] + 1
                    alike[connection.sourceID] = n
                    if n > 1 { connection.sourceID += "|\(n)" }
                }
                result.records.append(connection)
            case .failure(.skipped(let reason)): result.skipped.append(SkippedRecord(line: row.line, reason: reason))
            case .failure(.problem(let problem)): result.problems.append(problem)
            }
        }
        return result
    }

    /// Reads the file's bytes from `Data`.
    public static func read(_ data: Data) throws(ParseError) -> ImportResult<LinkedInConnection> {
        try read([UInt8](data))
    }

    /// A day as `Connected On` writes it (see ``LinkedInDate``); nil for anything else.
    public static func parseDate(_ text: String) -> Day? { LinkedInDate.day(text) }

    /// Where each field is, in either layout.
    struct Columns {
        var first, middle, last, suffix, full, url, emails, company, position, connected: Int?
        var extraEmails: [Int]
        /// How the file writes `Connected On` (``LinkedInDateColumn``).
        var dates: LinkedInDateColumn

        init(_ table: CSVTable) {
            let column = { (name: String) in LinkedInConnections.column(table, name) }
            first = LinkedInConnections.column(table, endingWith: "First Name")
            middle = column("Middle Name")
            last = LinkedInConnections.column(table, endingWith: "Last Name")
            suffix = column("Suffix")
            full = first == nil && last == nil ? column("Full Name") : nil
            url = column("URL") ?? column("Profile URL")
            emails = column("Email Address") ?? column("E-mail Address") ?? column("Email")
            extraEmails = ["E-mail 2 Address", "E-mail 3 Address"].compactMap(column)
            company = column("Company")
            position = column("Position") ?? column("Job Title")
            connected = column("Connected On")
            let dateColumn = connected
            dates = LinkedInDateColumn(table.rows.map { CSVTable.value($0, dateColumn) ?? "" })
        }
    }

    enum RowOutcome: Error {
        case skipped(String)
        case problem(ParseError)
    }

    static func connection(_ row: CSVRecord, _ record: Int, _ c: Columns) -> Result<LinkedInConnection, RowOutcome> {
        let written = [c.first, c.middle, c.last, c.suffix, c.full].compactMap {
            ImportSupport.nonEmpty(CSVTable.value(row, $0))
        }.joined(separator: " ")
        let name = ImportSupport.singleSpaced(written)
        let profile = ImportSupport.profileURL(CSVTable.value(row, c.url))
        if name.isEmpty {
            return .failure(
                .skipped(
                    profile.map { "the row has a profile URL (\($0)) but no name" }
                        ?? "the row has neither a name nor a profile URL (a member who hides their details)"))
        }
        var day: Day?
        if let text = ImportSupport.nonEmpty(CSVTable.value(row, c.connected)) {
            switch c.dates.day(text) {
            case .success(let parsed): day = parsed
            case .failure(let failure):
                return .failure(
                    .problem(
                        ParseError(
                            line: row.line, record: record, field: "Connected On", found: text,
                            expected: LinkedInDateColumn.expected(failure, text))))
            }
        }
        let emails = ([c.emails] + c.extraEmails.map { Optional($0) }).compactMap {
            ImportSupport.plausibleEmail(CSVTable.value(row, $0))
        }
        return .success(
            LinkedInConnection(
                line: row.line, name: name, profileURL: profile, email: emails.first,
                organisation: ImportSupport.meaningful(CSVTable.value(row, c.company)),
                title: ImportSupport.meaningful(CSVTable.value(row, c.position)),
                // The name as written, runs of spaces kept: the id of a row imported before names were
                // single-spaced, so that importing it again finds its person.
                connectedOn: day, sourceID: profile ?? "\(written)|\(day?.description ?? "")"))
    }
}
