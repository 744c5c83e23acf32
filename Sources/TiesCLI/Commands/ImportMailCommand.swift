import ArgumentParser
import Foundation
import TiesCore
import TiesInterchange
import TiesStore

extension ImportCommand {
    struct Mail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mail",
            abstract: "Import who wrote to whom, and when, from mbox, Maildir and .eml files.",
            discussion: """
                Reads Google Takeout's .mbox, Thunderbird and Apple Mail mbox folders, Maildir trees (cur/, \
                new/), folders of .eml files and single .eml files. Only headers are read; bodies never are. \
                Your addresses are every email `ties me` has held, plus --me. Each email you wrote becomes an \
                outbound email with each recipient in Ties; each email to you, an inbound email from its \
                sender, answered when you replied later in its thread (or wrote to them within \
                --answer-window-days). Bulk and automated mail, Spam, Trash, drafts, mass mailings and mail \
                to yourself are left out and counted. Stored: addresses, dates, direction, a digest of the \
                message and thread ids; subjects only with --keep-subjects.

                Example:
                  ties import mail "All mail.mbox" --me me@example.com --create-people --dry-run
                """)
        @Argument(help: "mbox files, Maildir folders, folders of .eml files, .eml files.") var paths: [String]
        @Option(help: "One of your email addresses (repeatable; added to those in `ties me`).") var me: [String] = []
        @Flag(help: "Add the people you wrote to who are not in Ties yet.") var createPeople = false
        @Option(
            help: ArgumentHelp("Leave out mail before this date.", valueName: "date"),
            transform: { try DateInput.parse($0, field: "--since", timeZone: .current) })
        var since: DateInput?
        @Flag(help: "Keep subjects (as the interactions' notes). Default: no subject is stored.") var keepSubjects =
            false
        @Option(help: "An email of yours to a sender within this many days answers their earlier email.")
        var answerWindowDays = 14
        @Option(help: "Mail to more recipients than this (To and Cc) is a mass mailing, left out.")
        var maxRecipients = 20
        @Flag(help: "Report what would change; write nothing.") var dryRun = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            for address in me where MailAddress.normalised(address) == nil {
                throw ValidationError("--me \(address): not an email address (expected name@domain)")
            }
            guard answerWindowDays >= 0 else { throw ValidationError("--answer-window-days must be 0 or more") }
            guard maxRecipients >= 1 else { throw ValidationError("--max-recipients must be 1 or more") }
        }

        func run() throws {
            // Every path is checked before the store is opened: a file that is not mail changes nothing.
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw CLIError(.noInput, "\(path): no such file or folder")
                }
                if !isDirectory.boolValue, case .notMail(let what) = try sniff(path) {
                    throw CLIError(.data, "\(path): not mail: \(what); nothing was imported")
                }
            }
            let store = try store.open()
            let mine = Set(
                (me + (try store.myDetails().filter { $0.kind == .email }.map(\.value))).compactMap(
                    MailAddress.normalised))
            guard !mine.isEmpty else {
                throw CLIError(
                    .usage,
                    "no email address of yours is known, so no message could be told to be yours; pass --me ADDRESS or set one with `ties me set email ADDRESS`"
                )
            }
            var reader = MailReader(
                classifier: MailClassifier(
                    myAddresses: mine, maxRecipients: maxRecipients, since: since?.startInstant(timeZone: .current)),
                keepSubjects: keepSubjects)
            var skipped: [MailPath.Skipped] = []
            var progress = MailProgress()
            let options = MailImportOptions(
                createPeople: createPeople, dryRun: dryRun, answerWindow: TimeInterval(answerWindowDays) * 86400)
            let summary: MailImportSummary
            do {
                summary = try importing(into: store, options, reader: &reader, skipped: &skipped, progress: &progress)
            } catch let error as MailSourceError {
                progress.end()
                throw CLIError(
                    error.kind == .notMail ? .data : .ioError, "\(error.description); nothing was imported")
            }
            progress.end()
            reader.unimported(noOne: summary.messagesWithNoOne, toLists: summary.messagesToLists)
            write(report(reader, summary, skipped: skipped))
        }

        /// Reads every path into the store in one transaction.
        private func importing(
            into store: Store, _ options: MailImportOptions, reader: inout MailReader,
            skipped: inout [MailPath.Skipped], progress: inout MailProgress
        ) throws -> MailImportSummary {
            try store.importMail(options, context: scoringContext(store), now: Date()) { staging in
                var sources = 0
                for path in paths {
                    try MailPath.forEachSource(at: path, skipped: &skipped) { source in
                        sources += 1
                        try progress.start(path)
                        try source.forEachHeaderBlock { block in
                            if let record = reader.record(for: block) { try staging.add(record) }
                            progress.update(block, messages: reader.read)
                            return true
                        }
                        progress.finish(block: nil)
                    }
                }
                // Folders holding no mailbox and no message: nothing here is mail, as for a file that is not.
                guard sources > 0 else {
                    let more = skipped.count - 1
                    let reason =
                        skipped.first.map {
                            "holds no mail: \($0.path): \($0.reason)"
                                + (more > 0 ? " (and \(more) more file\(more == 1 ? "" : "s"), none of them mail)" : "")
                        }
                        ?? "holds no mail (no file in it); expected mbox files, Maildir folders or message files (.eml, .emlx)"
                    throw MailSourceError(.notMail, file: paths.joined(separator: ", "), reason: reason)
                }
                staging.mailingLists = reader.mailingLists.subtracting(reader.classifier.myAddresses)
                return true
            }
        }

        private func sniff(_ path: String) throws -> MailFileKind {
            do { return try MailPath.kind(of: path) } catch { throw CLIError(.noInput, "\(path): cannot read it") }
        }

        /// The summary: messages read and where each went, what changed in the store, what was listed.
        func report(_ reader: MailReader, _ summary: MailImportSummary, skipped: [MailPath.Skipped]) -> String {
            var out = dryRun ? "Dry run — nothing written. It would import:\n" : "Imported:\n"
            let filtered = reader.filtered.values.reduce(0, +)
            out +=
                "  messages: \(reader.read) read = \(reader.records) imported + \(filtered) left out + \(reader.listedCount) listed\n"
            let s = summary.interactions
            out += "  people: \(s.peopleAdded) added\n"
            out += "  interactions: \(s.interactionsAdded) added, \(s.interactionsExisting) already present\n"
            if summary.markedAnswered > 0 {
                out += "  answered: \(summary.markedAnswered) inbound emails marked answered\n"
            }
            if filtered > 0 {
                out += "  left out:\n"
                for (filter, count) in reader.filtered.sorted(by: { $0.key < $1.key }) {
                    out += "    \(count) \(filter.rawValue)\n"
                }
            }
            out += Self.namedLikeNote(summary.namedLikeSomeone)
            if reader.listedCount > 0 {
                out += "  \(reader.listedCount) message\(reader.listedCount == 1 ? "" : "s") listed, not imported:\n"
                out += reader.listed.prefix(20).map { "    \($0.file) at byte \($0.offset): \($0.reason)\n" }.joined()
                if reader.listedCount > 20 { out += "    ... and \(reader.listedCount - 20) more\n" }
            }
            if reader.malformedCount > 0 {
                out +=
                    "  note: \(reader.malformedCount) malformed header line\(reader.malformedCount == 1 ? "" : "s") skipped (the rest of each message was read):\n"
                out += reader.malformedLines.prefix(10).map { "    \($0.file) at byte \($0.offset)\n" }.joined()
                if reader.malformedCount > 10 { out += "    ... and \(reader.malformedCount - 10) more\n" }
            }
            if reader.transcodedCount > 0 {
                out +=
                    "  note: \(reader.transcodedCount) message\(reader.transcodedCount == 1 ? "" : "s") had raw 8-bit headers that are not UTF-8; read them as Windows-1252\n"
            }
            out += Self.clientFilesNote(skipped.filter { $0.clientKind != nil })
            let notMail = skipped.filter { $0.clientKind == nil }
            for file in notMail.prefix(10) { out += "  note: skipped \(file.path): not mail (\(file.reason))\n" }
            if notMail.count > 10 { out += "  note: ... and \(notMail.count - 10) more files that are not mail\n" }
            return out
        }
    }
}

extension ImportCommand.Mail {
    /// The correspondents left out whose mail gives the name of someone in Ties, with the command that adds
    /// the address to that person (a name is not an identity: the user says whether it is theirs).
    static func namedLikeNote(_ named: [MailImportSummary.NamedLike]) -> String {
        guard let first = named.first else { return "" }
        var out =
            "  \(named.count) address\(named.count == 1 ? "" : "es") matching no one give\(named.count == 1 ? "s" : "") the name of someone in Ties:\n"
        out += named.prefix(10).map { "    \($0.address) — \($0.person)\n" }.joined()
        if named.count > 10 { out += "    ... and \(named.count - 10) more\n" }
        out +=
            "    if an address is theirs, add it and import again: `ties person edit \(CommandLineText.quoted(first.person)) --email \(first.address)`\n"
        return out
    }

    /// One line for the files a mail client keeps beside its mail, and the empty files, which a folder holds
    /// as a matter of course: how many, of which kinds (`folder indexes (.msf): 3; filter rules (…): 1`), most first.
    static func clientFilesNote(_ files: [MailPath.Skipped]) -> String {
        guard !files.isEmpty else { return "" }
        var counts: [String: Int] = [:]
        for kind in files.compactMap(\.clientKind) { counts[kind, default: 0] += 1 }
        let kinds = counts.sorted { ($1.value, $0.key.lowercased()) < ($0.value, $1.key.lowercased()) }
            .map { "\($0.key): \($0.value)" }.joined(separator: "; ")
        let plural = files.count == 1 ? "file" : "files"
        return
            "  note: \(files.count) \(plural) not read, as they hold no mail (the mail client's own, or empty) — \(kinds)\n"
    }
}

/// The progress line of a mail import on a terminal: bytes, messages, rate; redrawn at most 4 times a second.
struct MailProgress {
    private let enabled = isatty(2) == 1
    private var started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private var path = ""
    private var doneBefore = 0
    private var current = 0
    private var drawn = false

    mutating func start(_ path: String) throws { self.path = path }

    mutating func update(_ block: MailHeaderBlock, messages: Int) {
        guard enabled else { return }
        current = block.bytesRead
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDrawn > 250_000_000 else { return }
        lastDrawn = now
        let bytes = Double(doneBefore + current)
        let seconds = Double(now - started) / 1e9
        let rate = seconds > 0 ? bytes / seconds / 1e6 : 0
        let line = String(format: "\r%@: %.0f MB read, %d messages, %.0f MB/s   ", path, bytes / 1e6, messages, rate)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    mutating func finish(block: MailHeaderBlock?) {
        doneBefore += current
        current = 0
    }

    func end() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
