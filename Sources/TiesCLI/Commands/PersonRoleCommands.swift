import ArgumentParser
import Foundation
import TiesCore
import TiesStore

// `ties person classify` and `ties person roles`: infer recruiters from titles, then confirm or reject.

extension PersonCommand {
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify",
            abstract: "Infer who is a recruiter (and of which kind) from titles and organisations.",
            discussion: """
                Reads every person's title and organisation and stores the roles they imply as *inferred*, \
                with the words that matched. Only recruiters are inferred, with their kind: in-house (talent \
                acquisition at an employer), agency (staffing, locums, RPO) or search-firm (executive \
                search). A title no rule recognises stays unclassified; recruiting of patients, students, \
                donors or volunteers, recruitment marketing and employer branding are not recruiters.

                A role you gave (`person add --role`) or confirmed is never changed; a role you rejected is \
                never inferred again; an inferred role whose title no longer says so is withdrawn. Every \
                import of people runs this at its end, so you need it only after editing titles by hand.

                Review what was inferred with `ties person roles --review`.

                Example:
                  ties person classify
                  ties person roles --review
                """)

        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try store.open()
            let summary = try store.classifyRoles(context: scoringContext(store), at: Date())
            write(Self.describe(summary))
        }

        static func describe(_ s: ClassificationSummary) -> String {
            func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
            var kinds: [String] = []
            for kind in RecruiterKind.allCases { if let n = s.added[kind] { kinds.append("\(n) \(kind.rawValue)") } }
            if let n = s.added[nil] { kinds.append("\(n) of unknown kind") }
            var out =
                "Read the titles of \(count(s.examined, "person").replacingOccurrences(of: "persons", with: "people")).\n"
            out +=
                "  \(count(s.addedCount, "recruiter")) inferred"
                + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))") + "\n"
            if s.updated > 0 { out += "  \(count(s.updated, "inferred role")) updated from a changed title\n" }
            if s.withdrawn > 0 {
                out += "  \(count(s.withdrawn, "inferred role")) withdrawn: the title no longer says so\n"
            }
            if s.keptUserRoles > 0 { out += "  \(count(s.keptUserRoles, "role")) you gave or confirmed, kept\n" }
            if s.keptRejections > 0 { out += "  \(count(s.keptRejections, "role")) you rejected, not inferred again\n" }
            if s.awaitingReview > 0 {
                out += "\(count(s.awaitingReview, "inferred role")) awaiting review: `ties person roles --review`.\n"
            }
            return out
        }
    }

    struct Roles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "roles",
            abstract: "List inferred roles with their evidence; confirm or reject them.",
            discussion: """
                Lists the roles `ties person classify` (and every import of people) inferred from titles, \
                with the words that matched and what you said of them: inferred (not reviewed yet), \
                confirmed or rejected. --review lists only those awaiting your answer.

                With --confirm an inferred role is kept for good; --reject removes it (and the recruiter kind) \
                and keeps it from being inferred again; --undo puts a confirmed or rejected role back to \
                inferred. Each takes a person (an id, a name, or the start of a name) and may be repeated.

                Example:
                  ties person roles --review
                  ties person roles --confirm "Dana Reyes" --confirm 42
                  ties person roles --reject "Sam Okafor"
                  ties person roles --undo "Sam Okafor"
                  ties person roles --format csv > roles.csv
                """)

        @Flag(help: "Only the roles awaiting review.") var review = false
        @Option(help: ArgumentHelp("Confirm this person's inferred role.", valueName: "person"))
        var confirm: [String] = []
        @Option(help: ArgumentHelp("Reject this person's inferred role.", valueName: "person"))
        var reject: [String] = []
        @Option(help: ArgumentHelp("Put this person's role back to inferred.", valueName: "person"))
        var undo: [String] = []
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            let answers = confirm.count + reject.count + undo.count
            if review && answers > 0 {
                throw ValidationError("--review lists; give it alone, or answer with --confirm/--reject/--undo")
            }
        }

        func run() throws {
            let answers = [(confirm, RoleReview.confirmed), (reject, .rejected), (undo, .inferred)]
            guard answers.contains(where: { !$0.0.isEmpty }) else {
                let list = try store.open(readOnly: true).roleInferences(review ? .inferred : nil)
                format.emit(
                    Self.table(list),
                    empty: review ? "No inferred role awaits review." : "No inferred roles; run `ties person classify`."
                )
                return
            }
            let store = try store.open()
            let context = try scoringContext(store)
            // Resolve every reference first, so that a typo changes nothing.
            var resolved: [(Stored<Person>, RoleReview)] = []
            for (references, answer) in answers {
                for reference in references { resolved.append((try store.person(reference), answer)) }
            }
            let inferred = Set(try store.roleInferences().map(\.personID))
            if let missing = resolved.first(where: { !inferred.contains($0.0.id) }) {
                throw CLIError(
                    .data,
                    "no recruiter role was inferred for \(missing.0.name) (#\(missing.0.id)); nothing changed. `ties person roles` lists the inferred roles"
                )
            }
            for (person, answer) in resolved {
                let id = person.id
                try store.reviewRole(id, as: answer, context: context, at: Date())
                let verb = answer == .confirmed ? "Confirmed" : answer == .rejected ? "Rejected" : "Back to inferred:"
                write("\(verb) \(person.name) (#\(id)) as recruiter.\n")
            }
        }

        static func table(_ list: [StoredRoleInference]) -> Table {
            Table(
                columns: ["id", "name", "role", "kind", "status", "title", "organisation", "evidence"],
                rows: list.map { r in
                    [
                        .integer(Int(r.personID)), .text(r.name), .text(r.inference.role.rawValue),
                        r.inference.recruiterKind.map { .text($0.rawValue) } ?? .null, .text(r.review.rawValue),
                        r.title.map(Table.Value.text) ?? .null, r.organisation.map(Table.Value.text) ?? .null,
                        .text(r.inference.evidenceText),
                    ]
                })
        }
    }
}
