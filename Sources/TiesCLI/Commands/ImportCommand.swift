import ArgumentParser
import Foundation
import TiesCore
import TiesInterchange
import TiesStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring people and contacts in from CSV, LinkedIn, address books and calendars.",
        discussion: """
            Every import is one transaction, and importing the same file again changes nothing (records carry \
            a stable source id). A malformed record stops the import with its file, line and field, and writes \
            nothing — unless --skip-invalid, which imports the rest and lists what it skipped. --dry-run \
            reports what would change and writes nothing.

            People are matched by id, email, profile URL or exact name; a match gains the new details, \
            anyone else is added.
            """,
        subcommands: [CSV.self, LinkedIn.self, VCard.self, Calendar.self, Mail.self])
}

/// Runs a parser, turning a ParseError (a file that cannot be read at all) into exit 65 naming the file.
func parsing<T>(_ file: String, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ParseError { throw CLIError(.data, error.in(file).description) }
}

/// Options every importer takes.
struct ImportOptions: ParsableArguments {
    @Flag(help: "Report what would change; write nothing.") var dryRun = false
    @Flag(help: "Import the valid records and list the others, instead of refusing the file.") var skipInvalid = false
    @OptionGroup var store: StoreOptions

    /// Reads a file, as UTF-8 when it is UTF-16 (``UTF16Text``): exit 66 when there is none, it is a folder or
    /// cannot be read; exit 65 when it is empty.
    func bytes(of path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError(.noInput, "\(path): no such file")
        }
        if isDirectory.boolValue {
            throw CLIError(.noInput, "\(path) is a folder; expected a file (give the files in it, e.g. \(path)/*)")
        }
        // Read straight into the array: through `Data` an 80 MB file was copied once more (a tenth of a
        // second of `ties import csv` of a million interactions, `perf`).
        guard let data = FileBytes.read(path) else {
            throw CLIError(.noInput, "\(path): cannot read it")
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw CLIError(.data, "\(path) is empty\(data.isEmpty ? "" : " (only blank lines)"); nothing was imported")
        }
        if isatty(2) == 1 { StandardStreams.writeError("reading \(path) (\(data.count) bytes)…\n") }
        return UTF16Text.utf8(data) ?? data
    }

    /// Reads a CSV file as UTF-8: one that is not (Excel's "CSV (Comma delimited)", Thunderbird's export in the
    /// system code page) is read as Windows-1252, and a note says so.
    func spreadsheetBytes(of path: String, notes: inout [String]) throws -> [UInt8] {
        let read = SpreadsheetText.utf8(try bytes(of: path))
        if read.transcoded {
            notes.append(
                "\(path) is not UTF-8; read it as Windows-1252, the code page of Western Windows, in which Excel and Thunderbird save CSV"
            )
        }
        return read.bytes
    }

    /// Imports the records, or refuses every file when any has problems (unless --skip-invalid), and
    /// prints what happened.
    func run(
        people: [PersonRecord], interactions: [InteractionRecord], problems: [ParseError],
        leftOut: [String] = [], valuesLeftOut: [(file: String, skipped: SkippedRecord)] = [], notes: [String],
        createPeople: Bool, store: Store
    ) throws {
        let checkedPeople = RecordValidation.people(people)
        let checkedInteractions = RecordValidation.interactions(interactions)
        let problems = problems + checkedPeople.problems + checkedInteractions.problems
        if !problems.isEmpty && !skipInvalid { throw refusal(problems) }
        let summary = try store.importBatch(
            people: checkedPeople.records, interactions: checkedInteractions.records, createPeople: createPeople,
            dryRun: dryRun,
            context: scoringContext(store), now: Date())
        report(
            summary, problems: problems, leftOut: leftOut,
            valuesLeftOut: Self.valuesLeftOut(valuesLeftOut, keptIn: checkedPeople.records), notes: notes)
    }

    /// An address book's contact as a record. An address book lists each contact once: a card with an email,
    /// phone or web address is someone else than another card of the file bearing its name and none of these
    /// (``PersonRecord/distinctInFile``). A card with none of them has nothing that could tell it apart, and
    /// joins the one person bearing its name, as a card saved twice does (an Android export in
    /// `kamalkne/contacts`: `Jai Tapadiya` with a number, then without, twice over).
    static func addressBookRecord(_ person: Person, file: String, line: Int) -> PersonRecord {
        PersonRecord(person: person, file: file, line: line, distinctInFile: !person.contactPoints.isEmpty)
    }

    /// What a reader left out of `file` on purpose, as `file:line: reason` lines.
    static func leftOut(_ skipped: [SkippedRecord], in file: String) -> [String] {
        skipped.map { "\(file):\($0.line): \($0.reason)" }
    }

    /// The values address-book contacts lost (``RecordValidation/addressBookPeople(_:)``), as `file:line:
    /// what` lines, for the contacts that are imported (`kept`, checked): a contact refused for another
    /// value is listed with its problem, not as imported.
    static func valuesLeftOut(_ dropped: [(file: String, skipped: SkippedRecord)], keptIn kept: [PersonRecord])
        -> [String]
    {
        let keptAt = Set(kept.map { "\($0.file)\u{0}\($0.line)" })
        return dropped.filter { keptAt.contains("\($0.file)\u{0}\($0.skipped.line)") }.map {
            "\($0.file):\($0.skipped.line): \($0.skipped.reason)"
        }
    }

    /// The error that refuses the import because of `problems`.
    func refusal(_ problems: [ParseError]) -> CLIError {
        CLIError(
            .data,
            "\(problems.count) record\(problems.count == 1 ? "" : "s") cannot be read; nothing was imported "
                + "(fix them, or use --skip-invalid to import the rest):\n" + Self.listing(problems))
    }

    /// The records left out because their person is unknown: the first of each reason (the keys no one has,
    /// or a name several people bear) for the first 10 reasons, with how many records gave it, and how many
    /// more there are.
    static func unmatchedListing(_ summary: ImportSummary) -> String {
        let total = summary.unmatchedCount
        var out = "  \(total) interaction\(total == 1 ? "" : "s") left out, their person unknown:\n"
        for u in summary.unmatched.prefix(10) {
            out += "    \(u.file):\(u.line): \(u.reason)\(u.count > 1 ? " (the first of \(u.count))" : "")\n"
        }
        let rest = summary.unmatched.dropFirst(10)
        let records = rest.reduce(0) { $0 + $1.count }
        if records > 0 {
            let others = rest.count == records ? "" : " (\(rest.count) other people or names)"
            out += "    ... and \(records) more\(others)\n"
        }
        return out
    }

    /// The first 50 problems, one per line, and how many more there are.
    static func listing(_ problems: [ParseError]) -> String {
        problems.prefix(50).map { "  \($0)" }.joined(separator: "\n")
            + (problems.count > 50 ? "\n  ... and \(problems.count - 50) more" : "")
    }

    /// Prints what an import did (or would do), the records it skipped as invalid, those the readers left
    /// out on purpose (cancelled events, rooms, drafts, rows without a name) and the importer's notes.
    func report(
        _ summary: ImportSummary, problems: [ParseError], leftOut: [String] = [], valuesLeftOut: [String] = [],
        notes: [String]
    ) {
        var out = dryRun ? "Dry run — nothing written. It would import:\n" : "Imported:\n"
        out +=
            "  people: \(summary.peopleAdded) added, \(summary.peopleUpdated) updated, \(summary.peopleUnchanged) already up to date\n"
        out += "  interactions: \(summary.interactionsAdded) added, \(summary.interactionsExisting) already present\n"
        if summary.rolesInferred > 0 {
            out +=
                "  roles: \(summary.rolesInferred) recruiter\(summary.rolesInferred == 1 ? "" : "s") inferred from titles; review with `ties person roles --review`\n"
        }
        if summary.unmatchedCount > 0 {
            out += Self.unmatchedListing(summary)
            if summary.unmatchedCreatable > 0 {
                let all = summary.unmatchedCreatable == summary.unmatchedCount
                out +=
                    "    `--create-people` adds the people named in \(all ? "them" : "\(summary.unmatchedCreatable) of them")\n"
            }
        }
        if !problems.isEmpty {
            out +=
                "  \(problems.count) record\(problems.count == 1 ? "" : "s") skipped as invalid:\n"
                + Self.listing(problems) + "\n"
        }
        if !leftOut.isEmpty {
            out += "  \(leftOut.count) record\(leftOut.count == 1 ? "" : "s") left out on purpose:\n"
            out += leftOut.prefix(10).map { "    \($0)\n" }.joined()
            if leftOut.count > 10 { out += "    ... and \(leftOut.count - 10) more\n" }
        }
        if !valuesLeftOut.isEmpty {
            let count = valuesLeftOut.count
            out +=
                "  \(count) value\(count == 1 ? "" : "s") left out, \(count == 1 ? "its contact" : "their contacts") \(dryRun ? "would be " : "")imported:\n"
            out += valuesLeftOut.prefix(10).map { "    \($0)\n" }.joined()
            if count > 10 { out += "    ... and \(count - 10) more\n" }
        }
        for note in notes.prefix(10) { out += "  note: \(note)\n" }
        write(out)
    }
}

extension ImportCommand {
    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Import people or interactions from CSV, or an address book exported as CSV.",
            discussion: """
                The header tells which table a file holds (occurred_at: interactions; name: people), or say it \
                with --kind. People need a name; interactions need occurred_at, kind and person_id or person. \
                An interaction row without id or source_id is known by its content, so importing the same \
                file again adds nothing.

                Address books exported by Google Contacts, Outlook or Thunderbird (CSV or tab-separated, in \
                any of Thunderbird's languages) are told by their header too and come in as people.

                Example:
                  ties export people --out people.csv    # edit in a spreadsheet, then:
                  ties import csv people.csv --dry-run
                  ties import csv thunderbird-contacts.csv
                """)
        @Argument(help: "The files.") var files: [String]
        @Option(help: "The table the files hold (default: told from the header).") var kind: TiesCSVImport.Kind?
        @OptionGroup var options: ImportOptions

        func run() throws {
            // Every file's table is told from its header first, and people files are read whole: people are
            // imported before interactions, whatever the order of the files. Interactions are then read and
            // inserted record by record, never all held in memory (a million rows import in seconds).
            var people: [PersonRecord] = []
            var problems: [ParseError] = []
            var notes: [String] = []
            var leftOut: [String] = []
            var valuesLeftOut: [String] = []
            var interactionFiles: [(file: String, bytes: [UInt8])] = []
            for file in files {
                let read = try options.spreadsheetBytes(of: file, notes: &notes)
                let bytes = AddressBookCSV.commaSeparated(read) ?? read
                let header = try parsing(file) { try CSVTable.header(of: bytes) }
                if kind == nil, AddressBookCSV.layout(of: header.fields) != nil {
                    let read = try parsing(file) { try AddressBookCSV.read(bytes) }.in(file)
                    let lenient = RecordValidation.addressBookPeople(
                        read.records.map { ImportOptions.addressBookRecord($0.person, file: file, line: $0.line) })
                    let checked = RecordValidation.people(lenient.records)
                    people += checked.records
                    problems += read.problems + checked.problems
                    leftOut += ImportOptions.leftOut(read.skipped, in: file)
                    valuesLeftOut += ImportOptions.valuesLeftOut(lenient.leftOut, keptIn: checked.records)
                    continue
                }
                guard let what = kind ?? TiesCSVImport.kind(of: header.fields) else {
                    let (looksLike, importer) = InputSniffer.describe(bytes)
                    let hint =
                        "; it looks like \(looksLike)"
                        + (importer.map { ", which `\($0)` reads" }
                            ?? "; an address book comes in as vCard (`ties import vcard`) or as Google, Outlook, Yahoo! or Thunderbird CSV")
                    // What the first record holds, shown only when it is text (never a binary file's bytes).
                    let shown =
                        bytes.prefix(1024).contains(0)
                        ? "" : " (\(visible(String(header.fields.prefix(6).joined(separator: ",").prefix(80)))))"
                    throw CLIError(
                        .data,
                        "\(file):\(header.line): cannot tell which table the header holds\(shown); expected the columns of `ties export people` (with name) or `ties export interactions` (with occurred_at), or give --kind"
                            + hint)
                }
                switch what {
                case .people:
                    let result = TiesCSVImport.people(try parsing(file) { try CSVTable(bytes: bytes) }, file: file)
                    people += result.records
                    problems += result.problems
                case .interactions: interactionFiles.append((file, bytes))
                }
            }
            let store = try options.store.open()
            var unreadable: CLIError?
            let summary = try store.importing(
                createPeople: false, dryRun: options.dryRun, context: scoringContext(store), now: Date()
            ) { (importer: inout StoreImporter) throws(StoreError) in
                for record in people { try importer.add(record) }
                for (file, bytes) in interactionFiles {
                    switch try Self.stream(file, bytes, into: &importer) {
                    case .success(let found): problems += found
                    case .failure(let error):
                        unreadable = CLIError(.data, error.in(file).description)
                        return false
                    }
                }
                return problems.isEmpty || options.skipInvalid
            }
            if let unreadable { throw unreadable }
            if !problems.isEmpty && !options.skipInvalid { throw options.refusal(problems) }
            options.report(
                summary, problems: problems, leftOut: leftOut, valuesLeftOut: valuesLeftOut, notes: notes)
        }

        /// Reads the interactions in `bytes` and adds each to `importer` as it is read, with a progress line
        /// every 100,000 when stderr is a terminal.
        /// - Returns: the rows that could not be read, or the error that stopped the reading (the caller
        ///   rolls back what was added).
        /// - Throws: the store's error, which stops the reading.
        static func stream(_ file: String, _ bytes: [UInt8], into importer: inout StoreImporter) throws(StoreError)
            -> Result<[ParseError], ParseError>
        {
            let showProgress = isatty(2) == 1
            var count = 0
            var failure: StoreError?
            let outcome: Result<[ParseError], ParseError>
            do throws(ParseError) {
                outcome = .success(
                    try TiesCSVImport.forEachInteractionBatch(in: bytes, file: file, timeZone: .current) { batch in
                        if showProgress && (count + batch.count) / 100_000 > count / 100_000 {
                            StandardStreams.writeError("\r\(file): \(count + batch.count) interactions read…")
                        }
                        count += batch.count
                        do throws(StoreError) {
                            try importer.add(batch)
                            return true
                        } catch {
                            failure = error
                            return false
                        }
                    })
            } catch {
                outcome = .failure(error)
            }
            if showProgress && count >= 100_000 { StandardStreams.writeError("\n") }
            if let failure { throw failure }
            return outcome
        }
    }

    struct VCard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vcard",
            abstract: "Import an address book: vCard 2.1, 3.0 or 4.0 (.vcf).",
            discussion: """
                Each card becomes a person, or adds its emails, phones, organisation, title and categories \
                (as tags) to the person it matches.

                Example:
                  ties import vcard contacts.vcf --dry-run
                """)
        @Argument(help: "The .vcf files.") var files: [String]
        @OptionGroup var options: ImportOptions

        func run() throws {
            var people: [PersonRecord] = []
            var problems: [ParseError] = []
            var leftOut: [String] = []
            for file in files {
                let bytes = try options.bytes(of: file)
                try refuseUnless(
                    file, bytes, holds: "BEGIN:VCARD", importer: "ties import vcard",
                    expected: "a vCard (no BEGIN:VCARD)")
                let read = VCardReader.read(bytes).in(file)
                problems += read.problems
                leftOut += ImportOptions.leftOut(read.skipped, in: file)
                people += read.records.map { ImportOptions.addressBookRecord($0.person, file: file, line: $0.line) }
            }
            let lenient = RecordValidation.addressBookPeople(people)
            try options.run(
                people: lenient.records, interactions: [], problems: problems, leftOut: leftOut,
                valuesLeftOut: lenient.leftOut, notes: [], createPeople: false, store: options.store.open())
        }
    }
}

/// Refuses, with exit 65, a file in which none of `markers` (ASCII, compared without case) appears: what the
/// file looks like instead and which importer reads it (`import vcard` of a CSV file must not say
/// "0 added"). Refuses too a file that holds a marker but is what another importer reads: a mailbox whose
/// messages carry vCards or invitations as attachments is mail, not an address book or a calendar.
func refuseUnless(_ file: String, _ bytes: [UInt8], holds markers: String..., importer: String, expected: String)
    throws
{
    let found = markers.contains { marker in
        CSVTable.containsASCIICaseInsensitive(bytes, bytes.indices, Array(marker.lowercased().utf8))
    }
    if !found {
        throw CLIError(.data, InputSniffer.refusal(file, bytes: bytes, expected: expected) + "; nothing was imported")
    }
    let (looksLike, reader) = InputSniffer.describe(bytes)
    if let reader, reader != importer {
        throw CLIError(
            .data,
            "\(file): it looks like \(looksLike), which `\(reader)` reads, not `\(importer)` (what it holds of that kind is inside it); nothing was imported"
        )
    }
}
