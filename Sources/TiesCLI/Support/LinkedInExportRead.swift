import Foundation
import TiesCore
import TiesInterchange
import TiesStore

/// A LinkedIn export as `ties import linkedin` reads it: which files it recognised and what each held.
struct LinkedInExportRead {
    /// The files recognised, with their kind, in the order given.
    private(set) var recognised: [(file: ExportFile, kind: LinkedInFileKind)] = []
    /// The paths given (files, folders, zips).
    private let given: [String]
    /// The files not read, with what they look like.
    private(set) var unread: [(name: String, bytes: [UInt8])] = []
    /// What each file held: its kind and how many rows were read and left out.
    private var counts: [(name: String, kind: LinkedInFileKind, records: Int, leftOut: Int, problems: Int)] = []
    private(set) var people: [PersonRecord] = []
    private(set) var interactions: [InteractionRecord] = []
    private(set) var details: [MyDetail] = []
    var detailsAdded = 0
    /// The user's positions, as employment entries of the career journal, and what became of each.
    private(set) var positions: [JournalEntry] = []
    var positionOutcomes: [StoreImporter.JournalEntryOutcome] = []
    private(set) var problems: [ParseError] = []
    private(set) var leftOut: [String] = []
    private(set) var notes: [String] = []
    /// The user's name from the export's Profile.
    private(set) var profileNames: [String] = []
    /// The day of the export: the latest modification among its files, in the user's time zone (a zip's dates
    /// are local times), else today.
    let exportDay: Day
    /// Where large files inside a zip are unpacked; removed when this goes (or by ``ScratchFolder/remove()``).
    let scratch = ScratchFolder()

    /// Opens the paths (files, folders, zips), transcodes what is not UTF-8 and tells each file's kind.
    /// - Parameter streamedAbove: a messages file larger than this is read from disk in blocks when imported.
    init(paths: [String], streamedAbove: Int = ExportFiles.streamedAbove) throws {
        given = paths
        var latest: Date?
        for var file in try ExportFiles.expand(paths, streamedAbove: streamedAbove, scratch: scratch) {
            let base = String(file.name.split(separator: "/").last ?? Substring(file.name))
            var text = SpreadsheetText.utf8(file.bytes)
            if file.path != nil,
                text.transcoded || SpreadsheetText.isSemicolonSeparated(file.bytes)
                    || LinkedInFileKind.detect(text.bytes, name: base) != .messages
            {
                // Only a large messages file in UTF-8 with commas is streamed (the stream reads the file as it
                // is written); any other large file is read whole, and transcoded or converted, as before.
                file = try ExportFiles.whole(file)
                text = SpreadsheetText.utf8(file.bytes)
            }
            file.bytes = text.bytes
            guard let kind = LinkedInFileKind.detect(file.bytes, name: base) else {
                unread.append((file.name, file.bytes))
                continue
            }
            if text.transcoded { notes.append("\(file.name) is not UTF-8; read it as Windows-1252") }
            recognised.append((file, kind))
            if let modified = file.modified { latest = max(latest ?? modified, modified) }
        }
        var mapper = DayMapper(timeZone: .current)
        exportDay = mapper.day(for: latest ?? Date())
        for (file, kind) in recognised where kind == .profile {
            let own = (try? LinkedInOwnDetails.read(file.bytes, kind: kind, exportDay: exportDay)) ?? []
            profileNames += own.filter { $0.kind == .name }.map(\.value)
        }
    }

    /// The error when nothing was recognised: exit 65, each file with what it looks like.
    func refusal() -> CLIError {
        let lines = unread.map { file in
            Self.whyNotRead(file).map { "\(file.name): \($0)" }
                ?? InputSniffer.refusal(file.name, bytes: file.bytes, expected: "a file of a LinkedIn export")
        }
        return CLIError(
            .data,
            (lines.isEmpty ? given.map { "\($0): holds no CSV file (the files of an export are CSV)" } : lines)
                .joined(separator: "\n")
                + "\nnothing was imported; `ties import linkedin` reads LinkedIn's export (.zip, folder, or its CSV files such as Connections.csv and messages.csv)"
        )
    }

    /// The messages files, read last and streamed.
    var messageFiles: [ExportFile] { recognised.filter { $0.kind == .messages }.map(\.file) }

    /// Reads every recognised file but the messages.
    mutating func readSmallFiles() throws {
        for (file, kind) in recognised where kind != .messages {
            let name = file.name
            switch kind {
            case .connections:
                let read = try parsing(name) { try LinkedInConnections.read(file.bytes) }.in(name)
                people += read.records.map { LinkedInRecords.connection($0, file: name) }
                note(read, name, kind)
            case .invitations:
                let read = try parsing(name) { try LinkedInInvitations.read(file.bytes) }.in(name)
                interactions += read.records.map { LinkedInRecords.invitation($0, file: name) }
                note(read, name, kind)
            case .recommendationsReceived, .recommendationsGiven, .endorsementsReceived, .endorsementsGiven:
                let read = try parsing(name) { try LinkedInFavours.read(file.bytes, kind: kind) }.in(name)
                interactions += read.records.map { LinkedInRecords.favour($0, file: name) }
                // An endorsement favour stands for the rows of one endorser's day: the rows read are theirs.
                note(read, name, kind, rows: read.records.reduce(0) { $0 + $1.rows })
            case .positions:
                let read = try parsing(name) { try LinkedInPositions.read(file.bytes) }.in(name)
                positions += read.records
                note(read, name, kind)
            case .profile, .emailAddresses, .phoneNumbers:
                let own = try parsing(name) {
                    try LinkedInOwnDetails.read(file.bytes, kind: kind, exportDay: exportDay)
                }
                details += own
                // Its rows, not the details: a profile row gives a name, an address and a headline.
                let rows = (try? CSVTable(bytes: file.bytes))?.rows.count { $0.fields.contains { !$0.isEmpty } }
                counts.append((name, kind, rows ?? own.count, 0, 0))
            case .coachMessages:
                let table = try? CSVTable.locate(in: file.bytes, hint: "from", isHeader: LinkedInMessages.isHeader)
                let rows = table?.rows.count { $0.fields.contains { !$0.allSatisfy(\.isWhitespace) } }
                counts.append((name, kind, 0, rows ?? 0, 0))
            case .messages: break
            }
        }
    }

    /// Keeps what `read` of a file found; `rows` is how many of its rows the records stand for (one each).
    private mutating func note<R>(_ read: ImportResult<R>, _ name: String, _ kind: LinkedInFileKind, rows: Int? = nil) {
        problems += read.problems
        leftOut += ImportOptions.leftOut(read.skipped, in: name)
        counts.append((name, kind, rows ?? read.records.count, read.skipped.count, read.problems.count))
    }

    /// The reading of the first messages file that is streamed from disk, in one pass (which needs the user
    /// known), started now on a thread of its own, for ``streamMessages(_:identity:into:started:)``: the
    /// reading then overlaps what comes before the import (its store indexing its people: the reading of a
    /// million messages began 0.13 s into the command).
    func startReading(identity: LinkedInIdentity?) -> MessageBatches<InteractionRecord>? {
        guard identity != nil, let file = messageFiles.first, let path = file.path else { return nil }
        return Self.reading(Self.input(path), of: file, identity: identity, onePass: true)
    }

    /// A large file, read in blocks and checked for UTF-8 as it is read.
    private static func input(_ path: String) -> CSVInput { CSVInput.file(path).requiringUTF8() }

    /// A reading of `input`, the messages of `file`, into records, started on a thread of its own.
    private static func reading(_ input: CSVInput, of file: ExportFile, identity: LinkedInIdentity?, onePass: Bool)
        -> MessageBatches<InteractionRecord>
    {
        // The participants' keys and person, made once each, for this reading alone: a reading numbers its
        // participants (``LinkedInParticipant/number``) its own way.
        let people = MessageParticipants()
        let name = file.name
        return MessageBatches(in: input, me: identity, onePass: onePass) {
            LinkedInRecords.message($0, file: name, people: people, into: &$1)
        }
    }

    /// Streams a messages file into `importer`; returns the error when the file cannot be read at all.
    /// `started` is ``startReading(identity:)``'s reading of it, if any.
    mutating func streamMessages(
        _ file: ExportFile, identity: LinkedInIdentity?, into importer: inout StoreImporter,
        started: MessageBatches<InteractionRecord>? = nil
    ) throws(StoreError) -> CLIError? {
        var failure: StoreError?
        /// The messages of `input` into the store, in one pass or two; nil when one pass could not be made.
        func stream(
            _ input: CSVInput, onePass: Bool, into importer: inout StoreImporter,
            started: MessageBatches<InteractionRecord>? = nil
        ) -> Result<LinkedInMessageImport, ParseError>? {
            let reading = started ?? Self.reading(input, of: file, identity: identity, onePass: onePass)
            do throws(ParseError) {
                return try reading.consume { records in
                    do throws(StoreError) {
                        try importer.add(records)
                        return true
                    } catch {
                        failure = error
                        return false
                    }
                }.map { .success($0) }
            } catch {
                return .failure(error)
            }
        }
        /// One pass when it can be made (the user known, conversations kept together); else what it added is
        /// taken back and the input read in two. What a reading that fails added is taken back too.
        func stream(
            _ input: CSVInput, into importer: inout StoreImporter, started: MessageBatches<InteractionRecord>? = nil
        ) throws(StoreError) -> Result<LinkedInMessageImport, ParseError> {
            var once: Result<LinkedInMessageImport, ParseError>?
            _ = try importer.tentatively { (importer: inout StoreImporter) throws(StoreError) -> Bool in
                once = stream(input, onePass: true, into: &importer, started: started)
                return (try? once?.get()) != nil
            }
            return once ?? stream(input, onePass: false, into: &importer)!
        }
        // A large file that turns out not to be UTF-8 is read again whole, transcoded.
        var outcome = try stream(file.path.map(Self.input) ?? .bytes(file.bytes), into: &importer, started: started)
        if case .failure(let error) = outcome, error.isNotUTF8 {
            guard let whole = try? ExportFiles.whole(file) else {
                return CLIError(.ioError, "\(file.name): cannot read it")
            }
            notes.append("\(file.name) is not UTF-8; read it as Windows-1252")
            outcome = try stream(.bytes(SpreadsheetText.utf8(whole.bytes).bytes), into: &importer)
        }
        let read: LinkedInMessageImport
        switch outcome {
        case .success(let all): read = all
        case .failure(let error):
            return CLIError(error.isReadFailure ? .ioError : .data, error.in(file.name).description)
        }
        if let failure { throw failure }
        if read.meWasInferred {
            notes.append(
                "\(file.name): took \(read.me.names.first ?? read.me.profileURLs.first ?? "the participant in the most messages") to be you; pass --me (or set `ties me set name ...`) to say otherwise"
            )
        }
        let result = read.result.in(file.name)
        problems += result.problems
        leftOut += ImportOptions.leftOut(result.skipped, in: file.name)
        counts.append((file.name, .messages, read.count, result.skipped.count, result.problems.count))
        return nil
    }

    /// What was read, file by file, and what was not: rows read = records + left out + invalid.
    func listing() -> String {
        var out = "Read:\n"
        for c in counts {
            let rows = c.records + c.leftOut + c.problems
            out += "  \(c.name): \(c.kind.label), \(rows) row\(rows == 1 ? "" : "s")"
            if c.kind == .coachMessages {
                out += " (not with people: not read)\n"
                continue
            }
            if c.kind == .profile || c.kind == .emailAddresses || c.kind == .phoneNumbers {
                out += " (your details)\n"
                continue
            }
            out += " = \(c.records) read + \(c.leftOut) left out on purpose"
            out += c.problems > 0 ? " + \(c.problems) invalid\n" : "\n"
        }
        if !details.isEmpty {
            out += "  your details: \(detailsAdded) added to `ties me`, \(details.count - detailsAdded) already known\n"
        }
        if !positions.isEmpty {
            let added = positionOutcomes.count { $0 == .added }
            let ended = positionOutcomes.count { $0 == .ended }
            out += "  your positions: \(added) added to your career journal, "
            out += ended > 0 ? "\(ended) given the end the export shows, " : ""
            out += "\(positionOutcomes.count - added - ended) already there (`ties journal list`)\n"
        }
        if !unread.isEmpty {
            out += "Not read (\(unread.count) file\(unread.count == 1 ? "" : "s") this import does not use):\n"
            // A file of the export says what it is: one whose owner removed columns, or one listing no one.
            out += unread.map { "  \($0.name)" + (Self.whyNotRead($0).map { ": \($0)" } ?? "") + "\n" }.joined()
        }
        return out
    }

    /// Why a file of the export is not read: the columns its owner removed, or what the file lists.
    static func whyNotRead(_ file: (name: String, bytes: [UInt8])) -> String? {
        LinkedInTrimmedFile.detect(file.bytes)?.reason
            ?? LinkedInOtherFile.reason(file.bytes, name: String(file.name.split(separator: "/").last ?? ""))
    }
}
