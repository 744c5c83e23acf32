import ArgumentParser
import Foundation
import TiesCore
import TiesInterchange
import TiesStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - ties me

struct MeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "me",
        abstract: "Your own contact details, with their history.",
        discussion: """
            Recruiters delete people whose details are stale. Keep yours here: a change is a new version, \
            never an overwrite, so Ties knows who holds an old one (`ties notify`).

            Example:
              ties me set email alex@new.example --since 2026-06-01
              ties me show
            """,
        subcommands: [Show.self, SetDetail.self, MeRemoveCommand.self])
}

extension MeCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show your current details (or every version with --history).",
            discussion: """
                The current value of a kind is the one with the latest --since on or before --as-of.

                Example:
                  ties me show
                  ties me show --history --format csv
                """)

        @Flag(help: "Show every version, not only the current ones.") var history = false
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let details = try store.open(readOnly: true).myDetails()
            let day = asOf.day
            let current = Set(
                MyDetailKind.allCases.compactMap { MyDetail.current(of: $0, in: details.records(), asOf: day)?.id })
            let order = Dictionary(uniqueKeysWithValues: MyDetailKind.allCases.enumerated().map { ($1, $0) })
            let rows = details.filter { history || current.contains($0.id) }.sorted { a, b in
                if a.kind != b.kind { return order[a.kind]! < order[b.kind]! }
                if a.since != b.since { return a.since > b.since }
                return a.id > b.id
            }
            format.emit(
                Table(
                    columns: ["id", "kind", "value", "since", "current"],
                    rows: rows.map {
                        [
                            .integer(Int($0.id)), .text($0.kind.rawValue), .text($0.value), .day($0.since),
                            .bool(current.contains($0.id)),
                        ]
                    }),
                empty: "No details of yours yet. Add them with `ties me set email you@example.org`.")
        }
    }

    struct SetDetail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Record a new version of one of your details.",
            discussion: """
                KIND is name, email, phone, address, linkedin, field, headline or industry. The old value is \
                kept with its dates. Setting the value that is already current records nothing. Your field \
                (healthcare, finance, technology, legal, education, or any word) chooses which recruiters among \
                your connections `ties next` proposes to warm up first; without it, it is read from your \
                headline, your industry and the positions in your journal.

                Example:
                  ties me set email alex@new.example
                  ties me set phone "+1 312 555 0199" --since 2026-06-01
                  ties me set name "Alex Kim"
                  ties me set field healthcare
                """)

        @Argument(help: "What: name, email, phone, address, linkedin, field, headline or industry.") var kind:
            MyDetailKind
        @Argument(help: "The new value.") var value: String
        @Option(
            help: ArgumentHelp("The first day it holds: YYYY-MM-DD. Default: today.", valueName: "date"),
            transform: DateInput.option("--since"))
        var since: DateInput?
        @OptionGroup var store: StoreOptions

        /// The value checked for its kind.
        static func checked(_ value: String, kind: MyDetailKind) throws -> String {
            switch kind {
            case .email:
                return try validatedEmail(value, option: "VALUE")
            case .phone:
                return try validatedPhone(value, option: "VALUE")
            case .linkedin:
                do { return try ContactValidation.linkedinProfile(value) } catch {
                    throw ValidationError(
                        "VALUE: '\(visible(value))' is not a LinkedIn profile; expected \(error.expected)")
                }
            case .address:
                return try CareerCLI.text(
                    value, field: "VALUE", example: "\"12 Elm St, Springfield IL 62701\"", multiline: true)
            case .name:
                return try validatedName(value, option: "VALUE")
            case .field:
                return try CareerCLI.text(value, field: "VALUE", example: "healthcare")
            case .headline:
                return try CareerCLI.text(value, field: "VALUE", example: "\"Director of Operations, Mercy Health\"")
            case .industry:
                return try CareerCLI.text(value, field: "VALUE", example: "\"Hospitals and Health Care\"")
            }
        }

        func validate() throws { _ = try Self.checked(value, kind: kind) }

        func run() throws {
            let value = try Self.checked(self.value, kind: kind)
            let day = since.map(CareerCLI.day) ?? CareerCLI.today(Date())
            let store = try store.open()
            if let current = MyDetail.current(of: kind, in: try store.myDetails().records(), asOf: day),
                current.value == value
            {
                write("Your \(kind.rawValue) is already \(value) (since \(current.since)); nothing recorded.\n")
                return
            }
            let stored = try store.addMyDetail(MyDetail(kind: kind, value: value, since: day))
            let stale = Disclosures.stale(
                disclosures: try store.disclosures(), details: try store.myDetails().records(), asOf: day
            )
            .filter { $0.kind.detailKind == kind }
            let shown = value.split(whereSeparator: \.isNewline).joined(separator: ", ")
            let today = CareerCLI.today(Date())
            if let current = MyDetail.current(of: kind, in: try store.myDetails().records(), asOf: max(day, today)),
                current.id != stored.id
            {
                // An older version recorded after the fact: it goes into the history, the newer one stays.
                let currentShown = current.value.split(whereSeparator: \.isNewline).joined(separator: ", ")
                write(
                    "Recorded that your \(kind.rawValue) was \(shown) from \(day) (#\(stored.id)); your current \(kind.rawValue) stays \(currentShown) (since \(current.since)), which is more recent.\n"
                )
                return
            }
            var message = "Your \(kind.rawValue) is \(shown) from \(day) (#\(stored.id)).\n"
            if !stale.isEmpty {
                message +=
                    "\(stale.count) \(stale.count == 1 ? "person holds" : "people hold") an older one: `ties notify` lists them and drafts the emails.\n"
            }
            write(message)
        }
    }
}

// MARK: - ties disclose

struct DiscloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record that someone holds your resume, email, phone or address (the default of `ties disclose`).",
        discussion: """
            Keep a record of every recruiter who has asked for your resume. For email, phone and address, \
            the record points at your detail current on --at, so when it changes `ties notify` knows they \
            hold an old one; telling them again (run this once more) brings them up to date. A resume needs \
            --version: the version first given most recently to anyone is the latest, and anyone holding \
            another version is out of date.

            Example:
              ties disclose "Dana Reyes" resume --version 2026-spring
              ties disclose Dana email --at 2026-06-20
            """)

    @Argument(help: "Who: an id, a name, or the start of a name.") var person: String
    @Argument(help: "What: resume, email, phone or address.") var kind: DisclosureKind
    @Option(help: "For a resume: its version label, e.g. v3 or 2026-spring.") var version: String?
    @Option(
        help: ArgumentHelp("When they got it: \(CareerCLI.dateHelp). Default: today.", valueName: "date"),
        transform: DateInput.option("--at"))
    var at: DateInput?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if kind == .resume {
            guard let version else {
                throw ValidationError("--version: missing; a resume needs a version label, e.g. --version 2026-spring")
            }
            _ = try CareerCLI.text(version, field: "--version", example: "2026-spring")
        } else if version != nil {
            throw ValidationError(
                "--version: is for a resume only; your \(kind.rawValue) is linked to its current value")
        }
    }

    func run() throws {
        let now = Date()
        let day = at.map(CareerCLI.day) ?? CareerCLI.today(now)
        try CareerCLI.requirePast(day, field: "--at", now: now, what: "record what they have been given")
        let store = try store.open()
        let person = try store.person(self.person)
        let label = try version.map { try CareerCLI.text($0, field: "--version", example: "2026-spring") }
        let stored = try store.addDisclosure(personID: person.id, kind: kind, version: label, on: day)
        let what: String
        if let detailID = stored.myDetailID, let detail = try store.myDetails().first(where: { $0.id == detailID }) {
            what = "your \(kind.rawValue) \(detail.value)"
        } else {
            what = "your resume \(stored.version ?? Disclosures.unversioned)"
        }
        write("Recorded that \(person.name) holds \(what) (given \(day), #\(stored.id)).\n")
    }
}

// MARK: - ties notify

struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Who holds out-of-date details of yours; with --out, draft an email to each.",
        discussion: """
            Lists everyone whose copy of your email, phone, address or resume is out of date (see `ties \
            disclose`), recruiters first, then by name. Archived people are left out.

            With --out DIR, writes one draft per person, DIR/ID-name.eml: an email from your current address \
            naming what changed (old → new), with your current contact card attached (vCard 4.0). Its Date \
            is --as-of, so the same store gives the same files. Open a draft in your mail program, send it, \
            then record it with `ties disclose NAME KIND`. Existing files are not replaced without --force; on \
            any error nothing is written.

            Example:
              ties notify
              ties notify --out drafts --as-of 2026-06-15
            """)

    @Option(
        help: ArgumentHelp("Write one .eml draft per person into this folder (created if needed).", valueName: "dir"))
    var out: String?
    @Flag(help: "With --out: replace drafts that exist already.") var force = false
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let out, out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out: '' is empty; expected a folder, e.g. --out drafts")
        }
        if force && out == nil {
            throw ValidationError("--force: goes with --out DIR; without --out nothing is written")
        }
    }

    /// One person's out-of-date copies.
    struct Holder {
        var person: Stored<Person>
        var stale: [StaleDisclosure]
        var isRecruiter: Bool { person.roles.contains(.recruiter) }
        /// Their most recently verified email, if any.
        var email: String? {
            person.contactPoints.enumerated().filter { $0.element.kind == .email }.max { a, b in
                let (x, y) = (a.element.verifiedAt ?? .distantPast, b.element.verifiedAt ?? .distantPast)
                return x != y ? x < y : a.offset > b.offset
            }?.element.value
        }
    }

    /// Everyone stale as of `day`, recruiters first, then by name (case-insensitive), then id.
    static func holders(_ store: Store, asOf day: Day) throws -> (holders: [Holder], details: [MyDetail]) {
        let details = try store.myDetails().records()
        let stale = Disclosures.stale(disclosures: try store.disclosures(), details: details, asOf: day)
        let people = Dictionary(
            uniqueKeysWithValues: try store.people(PersonFilter(includeArchived: true)).map { ($0.id, $0) })
        var byPerson: [Person.ID: [StaleDisclosure]] = [:]
        for s in stale { byPerson[s.personID, default: []].append(s) }
        let holders = byPerson.compactMap { id, stale -> Holder? in
            guard let person = people[id], !person.archived else { return nil }
            return Holder(person: person, stale: stale)
        }.sorted { a, b in
            if a.isRecruiter != b.isRecruiter { return a.isRecruiter }
            let (x, y) = (a.person.name.lowercased(), b.person.name.lowercased())
            if x != y { return x < y }
            return a.person.id < b.person.id
        }
        return (holders, details)
    }

    func run() throws {
        let store = try store.open(readOnly: true)
        let day = asOf.day
        let (holders, details) = try Self.holders(store, asOf: day)
        guard let out else {
            format.emit(
                Table(
                    columns: ["id", "name", "recruiter", "kind", "held", "current", "since", "email"],
                    rows: holders.flatMap { h in
                        h.stale.map { s in
                            [
                                .integer(Int(h.person.id)), .text(h.person.name), .bool(h.isRecruiter),
                                .text(s.kind.rawValue),
                                .text(s.held), .text(s.current), .day(s.since), h.email.map(Table.Value.text) ?? .null,
                            ]
                        }
                    }),
                empty: "No one holds out-of-date details of yours.")
            return
        }
        guard !holders.isEmpty else {
            write("No one holds out-of-date details of yours; no drafts written.\n")
            return
        }
        guard let myEmail = MyDetail.current(of: .email, in: details, asOf: day)?.value else {
            throw CLIError(
                .data,
                "--out: you have no email on record as of \(day), so the drafts would have no sender; add it with `ties me set email you@example.org`"
            )
        }
        let card = ContactCard(details: details, asOf: day)
        let myName = MyDetail.current(of: .name, in: details, asOf: day)?.value
        var files: [(name: String, text: String, holder: Holder)] = []
        for holder in holders {
            let draft = EmailDraft(
                from: .init(name: myName, address: myEmail),
                to: holder.email.map { .init(name: holder.person.name, address: $0) },
                greeting: holder.person.name.split(separator: " ").first.map(String.init) ?? holder.person.name,
                date: asOf.instant, timeZone: .current, changes: holder.stale.map(EmailDraft.Change.init), card: card)
            files.append(
                (EmailDraft.fileName(personID: holder.person.id, name: holder.person.name), draft.message(), holder))
        }
        let folder = URL(fileURLWithPath: out)
        try DraftFolder.write(files.map { ($0.name, Data($0.text.utf8)) }, to: folder, replacing: force)
        var message = "Wrote \(files.count) draft\(files.count == 1 ? "" : "s") to \(folder.path):\n"
        for file in files {
            message +=
                "  \(file.name)"
                + (file.holder.email == nil
                    ? "  (no email on file for \(file.holder.person.name): add the recipient yourself)" : "") + "\n"
        }
        message += "Send each one, then record it with `ties disclose NAME KIND` so they are up to date.\n"
        write(message)
    }
}

/// Writes a set of files into a folder all or nothing, each the way ``OutputFile`` writes a file.
///
/// Every target is checked first (an existing file is refused unless replacing; a symbolic link is
/// followed to its target); then each file is written to a hidden temporary file beside its target (mode
/// 0600, flushed to disk), and only when all are written are they moved into place (a rename within a
/// folder is atomic). On a failure the temporary files, and any folders this call created, are removed.
enum DraftFolder {
    static func write(_ files: [(name: String, data: Data)], to folder: URL, replacing: Bool) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw CLIError(
                .cantCreate, "--out: \(folder.path) exists and is not a folder; expected a folder for the drafts")
        }
        var targets: [(output: OutputFile, path: String)] = []
        var taken: [String] = []
        for file in files {
            let output = OutputFile(path: folder.appendingPathComponent(file.name).path)
            guard case .regular(let path, let present) = try output.target() else {
                throw CLIError(.cantCreate, "--out: \(output.path) is not a regular file; expected a folder for drafts")
            }
            if present { taken.append(file.name) }
            targets.append((output, path))
        }
        if !taken.isEmpty && !replacing {
            throw CLIError(
                .cantCreate,
                "--out: \(folder.path) already has \(taken.joined(separator: ", ")); nothing was written (use --force to replace them, or another folder)"
            )
        }
        // The folders to create, outermost first, so that a failure can remove exactly those.
        var created: [URL] = []
        var cursor = folder.standardizedFileURL
        while !fileManager.fileExists(atPath: cursor.path) {
            created.insert(cursor, at: 0)
            let parent = cursor.deletingLastPathComponent()
            if parent.path == cursor.path { break }
            cursor = parent
        }
        var temporaries: [String] = []
        func rollback() {
            for path in temporaries { unlink(path) }
            for url in created.reversed() { try? fileManager.removeItem(at: url) }
        }
        do {
            for url in created { try fileManager.createDirectory(at: url, withIntermediateDirectories: false) }
            for (file, target) in zip(files, targets) {
                temporaries.append(try target.output.writeTemporary(file.data, beside: target.path))
            }
        } catch {
            rollback()
            if let error = error as? CLIError { throw error }
            throw CLIError(.cantCreate, "--out: cannot create \(folder.path): \(error.localizedDescription)")
        }
        var pending = temporaries
        temporaries = []
        for target in targets {
            let temporary = pending.removeFirst()
            let isNew = !fileManager.fileExists(atPath: target.path)
            do {
                try target.output.commit(temporary, to: target.path, replacing: true)
            } catch {
                for path in pending { unlink(path) }
                rollback()
                throw error
            }
            // A draft that replaced nothing can be taken back if a later one fails.
            if isNew { temporaries.append(target.path) }
        }
    }
}
