import ArgumentParser
import Foundation
import TiesCore
import TiesReports
import TiesStore

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Add, list, show, edit and archive the people in your network; find and merge duplicates.",
        subcommands: [
            Add.self, List.self, Show.self, Edit.self, Archive.self, Duplicates.self, Merge.self, Unmerge.self,
            Classify.self, Roles.self, Distinct.self, Note.self, Tag.self, Untag.self, Alias.self,
        ])
}

/// An email address checked and in stored form (``ContactValidation/email(_:field:)``), or a usage error.
func validatedEmail(_ text: String, option: String = "--email") throws -> String {
    do { return try ContactValidation.email(text) } catch {
        throw ValidationError("\(option): '\(visible(text))' is not an email address; expected \(error.expected)")
    }
}

/// A phone number checked and in stored form (``ContactValidation/phone(_:field:)``), or a usage error.
func validatedPhone(_ text: String, option: String = "--phone") throws -> String {
    do { return try ContactValidation.phone(text) } catch {
        throw ValidationError("\(option): '\(visible(text))' is not a phone number; expected \(error.expected)")
    }
}

/// A name checked and trimmed (``ContactValidation/name(_:field:)``), or a usage error.
func validatedName(_ text: String, option: String = "NAME") throws -> String {
    do { return try ContactValidation.name(text) } catch {
        throw ValidationError("\(option): '\(visible(text))' is not accepted; expected \(error.expected)")
    }
}

/// Free text (organisation, title, tag) checked and trimmed, nil when empty; or a usage error.
func validatedText(_ text: String, option: String) throws -> String? {
    do { return try ContactValidation.text(text, field: option) } catch {
        throw ValidationError("\(option): '\(visible(text))' is not accepted; expected \(error.expected)")
    }
}

/// `text` with control characters shown as escapes, for a message.
func visible(_ text: String) -> String {
    text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? $0.escaped(asASCII: true) : String($0) }.joined()
}

/// The options `person add` and `person edit` share, each checked as it will be stored, or a usage error.
func validateContactOptions(
    closeness: Int?, emails: [String], phones: [String], org: String?, title: String?, tags: [String]
) throws {
    try validateCloseness(closeness)
    for e in emails { _ = try validatedEmail(e) }
    for p in phones { _ = try validatedPhone(p) }
    if let org { _ = try validatedText(org, option: "--org") }
    if let title { _ = try validatedText(title, option: "--title") }
    for t in tags { _ = try validatedText(t, option: "--tag") }
}

func validateCloseness(_ closeness: Int?) throws {
    if let c = closeness, !(1...5).contains(c) {
        throw ValidationError("--closeness must be 1 to 5 (1 = acquaintance, 5 = inner circle); got \(c)")
    }
}

extension PersonCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person.",
            discussion: """
                Organisations are created the first time they are named. Several --role, --email, --phone and \
                --tag options may be given.

                Example:
                  ties person add "Jo Avery" --role recruiter --recruiter-kind search-firm \\
                      --org "Hale & Partners" --title "Partner" \\
                      --email jo@hale.example --closeness 3
                """)

        @Argument(help: "Full name (unique in your network).") var name: String
        @Option(help: "A role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: [Role] = []
        @Option(help: "For recruiters: in-house, agency or search-firm (executive search).") var recruiterKind:
            RecruiterKind?
        @Option(help: "Organisation they work for.") var org: String?
        @Option(help: "Job title.") var title: String?
        @Option(help: "An email address.") var email: [String] = []
        @Option(help: "A phone number.") var phone: [String] = []
        @Option(help: "How close you are, 1 (acquaintance) to 5 (inner circle).") var closeness: Int?
        @Option(help: "A free-form tag.") var tag: [String] = []
        @OptionGroup var dates: PersonDateOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            _ = try validatedName(name)
            try validateContactOptions(
                closeness: closeness, emails: email, phones: phone, org: org, title: title, tags: tag)
            if recruiterKind != nil && !role.contains(.recruiter) {
                throw ValidationError("--recruiter-kind needs --role recruiter")
            }
        }

        func run() throws {
            let now = Date()
            let points =
                try email.map { ContactPoint(kind: .email, value: try validatedEmail($0), verifiedAt: now) }
                + phone.map { ContactPoint(kind: .phone, value: try validatedPhone($0), verifiedAt: now) }
            var person = Person(
                name: try validatedName(name), roles: Set(role), recruiterKind: recruiterKind,
                organisation: try org.flatMap { try validatedText($0, option: "--org") },
                title: try title.flatMap { try validatedText($0, option: "--title") }, closeness: closeness,
                tags: Set(try tag.compactMap { try validatedText($0, option: "--tag") }), contactPoints: points)
            try dates.apply(to: &person, today: now)
            let stored = try store.open().addPerson(person, at: now)
            write("Added \(stored.name) (#\(stored.id)).\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List people, by name.",
            discussion: """
                Example:
                  ties person list --role recruiter --format csv > recruiters.csv
                  ties person list --tag chicago --tag board
                """)

        @Option(help: "Only people with this role.") var role: Role?
        @Option(help: "Only people at this organisation (exact name, any case).") var org: String?
        @OptionGroup var tag: TagOptions
        @Flag(help: "Include archived people.") var archived = false
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try store.open(readOnly: true)
            let tagged = try tag.selection(store)
            let people = try store.people(PersonFilter(role: role, organisation: org, includeArchived: archived))
                .filter { tagged?.contains($0.id) ?? true }
            format.emit(Self.table(people), empty: "No people match. Add one with `ties person add NAME`.")
        }

        static func table(_ people: [Stored<Person>]) -> Table {
            Table(
                columns: [
                    "id", "name", "roles", "recruiter_kind", "organisation", "title", "closeness", "tags",
                    "emails", "phones", "archived", "urls", "birthday", "work_anniversary", "known_since",
                ],
                rows: people.map { p in
                    [
                        .integer(Int(p.id)), .text(p.name),
                        .text(p.sortedRoles.map(\.rawValue).joined(separator: ";")),
                        p.recruiterKind.map { .text($0.rawValue) } ?? .null,
                        p.organisation.map(Table.Value.text) ?? .null,
                        p.title.map(Table.Value.text) ?? .null, p.closeness.map(Table.Value.integer) ?? .null,
                        .text(p.tags.sorted().joined(separator: ";")),
                        .text(p.contactPoints.filter { $0.kind == .email }.map(\.value).joined(separator: ";")),
                        .text(p.contactPoints.filter { $0.kind == .phone }.map(\.value).joined(separator: ";")),
                        .bool(p.archived),
                        .text(
                            p.contactPoints.filter { $0.kind == .url || $0.kind == .linkedin }.map(\.value)
                                .joined(separator: ";")),
                        p.birthday.map { .text($0.description) } ?? .null,
                        p.workAnniversary.map { .text($0.description) } ?? .null,
                        p.knownSince.map { .text($0.description) } ?? .null,
                    ]
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one person: details, scores and recent interactions.",
            discussion: """
                A reference is an id (42 or #42), an exact name, or the start of a name or of one of its words.

                Example:
                  ties person show "Dana"
                """)

        @Argument(help: "Who: an id, a name, or the start of a name.") var person: String
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try store.open()
            let person = try store.person(self.person)
            let context = try scoringContext(store)
            let network = try NetworkScoring.score(
                people: store.people().records(), states: store.states(asOf: asOf.day, context: context),
                asOf: asOf.day,
                configuration: context.configuration)
            // A contact replied to since is answered, whatever it was marked when it was logged.
            let waiting = try store.waitingForReply()
            let recent = try store.interactions(with: person.id, limit: 10).map { contact in
                var shown = contact
                if let id = contact.id, !waiting.contains(id) { shown.answered = true }
                return shown
            }
            write(
                PersonReport.render(
                    person: person.record, score: network.score(of: person.id), recent: recent,
                    timeZone: .current, width: TerminalWidth.current))
            write(try PersonRecordView.section(of: person.id, store: store, asOf: asOf.day))
            write(
                try PersonHistoryView.section(of: person, store: store, asOf: asOf.day, width: TerminalWidth.current))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a person's details.",
            discussion: """
                Only what you name changes. Use an empty value to clear --org, --title, --known-since, --birthday \
                or --anniversary.

                Example:
                  ties person edit "Dana Reyes" --org "Korn & Lane" --add-role mentor \\
                      --email dana@kl.example
                  ties person edit Dana --known-since 2019-05-01 --birthday 04-15
                """)

        @Argument(help: "Who: an id, a name, or the start of a name.") var person: String
        @Option(help: "New full name.") var name: String?
        @Option(help: "Add a role.") var addRole: [Role] = []
        @Option(help: "Remove a role.") var removeRole: [Role] = []
        @Option(help: "For recruiters: in-house, agency or search-firm (executive search).") var recruiterKind:
            RecruiterKind?
        @Option(help: "New organisation (empty to clear).") var org: String?
        @Option(help: "New title (empty to clear).") var title: String?
        @Option(help: "New closeness 1–5.") var closeness: Int?
        @Option(help: "Add a tag.") var tag: [String] = []
        @Option(help: "Remove a tag.") var untag: [String] = []
        @Option(help: "Add an email address (marked verified today).") var email: [String] = []
        @Option(help: "Remove an email address.") var removeEmail: [String] = []
        @Option(help: "Add a phone number (marked verified today).") var phone: [String] = []
        @Option(help: "Remove a phone number.") var removePhone: [String] = []
        @OptionGroup var dates: PersonDateOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let name { _ = try validatedName(name, option: "--name") }
            try validateContactOptions(
                closeness: closeness, emails: email, phones: phone, org: org, title: title, tags: tag)
        }

        func run() throws {
            let store = try store.open()
            let stored = try store.person(self.person)
            var person = stored.record
            let now = Date()
            if let name { person.name = try validatedName(name, option: "--name") }
            person.roles.formUnion(addRole)
            person.roles.subtract(removeRole)
            if let recruiterKind { person.recruiterKind = recruiterKind }
            if !person.roles.contains(.recruiter) { person.recruiterKind = nil }
            if let org { person.organisation = try validatedText(org, option: "--org") }
            if let title { person.title = try validatedText(title, option: "--title") }
            if let closeness { person.closeness = closeness }
            person.tags.formUnion(try tag.compactMap { try validatedText($0, option: "--tag") })
            person.tags.subtract(untag)
            person.contactPoints.removeAll {
                ($0.kind == .email && removeEmail.contains($0.value))
                    || ($0.kind == .phone && removePhone.contains($0.value))
            }
            for e in email {
                person.contactPoints.append(ContactPoint(kind: .email, value: try validatedEmail(e), verifiedAt: now))
            }
            for p in phone {
                person.contactPoints.append(ContactPoint(kind: .phone, value: try validatedPhone(p), verifiedAt: now))
            }
            try dates.apply(to: &person, today: now)
            try store.updatePerson(person, context: scoringContext(store))
            write("Updated \(person.name) (#\(stored.id)).\n")
        }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Archive a person: keep their history, but leave them out of listings and scores.",
            discussion: """
                Example:
                  ties person archive "Old Contact"
                  ties person archive "Old Contact" --undo
                """)

        @Argument(help: "Who: an id, a name, or the start of a name.") var person: String
        @Flag(help: "Bring an archived person back.") var undo = false
        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try store.open()
            let person = try store.person(self.person)
            try store.archivePerson(person.id, archived: !undo)
            write("\(undo ? "Restored" : "Archived") \(person.name) (#\(person.id)).\n")
        }
    }
}
