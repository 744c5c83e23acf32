import ArgumentParser
import Foundation
import TiesCore
import TiesStore

// `ties person duplicates`, `ties person merge` and `ties person unmerge`: find people recorded twice, merge
// them, and undo a merge exactly.

extension PersonCommand {
    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "duplicates",
            abstract: "List pairs of people who are probably the same person, with the evidence.",
            discussion: """
                Each pair has a score from 0 to 1 and its evidence, each with a weight:
                  same-email      an email address in common, in any case (0.95 each)
                  same-phone      a phone number in common, by its digits; the 1 that
                                  starts an 11-digit number is dropped, so +1 312 555 0100
                                  is (312) 555-0100 (0.80 each)
                  same-name       the same name once case, accents, punctuation, middle
                                  initials, honorifics and suffixes (Dr., Jr., MD) are set
                                  aside: 0.90 at the same organisation, 0.60 when one
                                  organisation is unknown, 0.35 at different ones
                  similar-name    at the same organisation, a given name that is an
                                  initial, a shortened form (Sam, Samuel) or a spelling
                                  variant (Jaro-Winkler 0.9 or more), or a surname that
                                  holds the other's words (Reyes, Reyes-Garcia) or is a
                                  spelling variant (0.70)
                  different-names names that do not agree at all: the score is
                                  multiplied by 0.6
                  different-profiles both have a LinkedIn (or Google) profile and
                                  none in common: multiplied by 0.5. Pairs with the
                                  same name and different profiles are always
                                  listed, whatever their score
                Evidence combines as independent signals: 1 - (1 - a)(1 - b). Other \
                nicknames (Bob, Robert) are not matched. Pairs are ordered by score, highest first, \
                then by the two ids. Archived people are left out unless --archived is given.

                Merge a pair with `ties person merge KEEP DROP`; say they are two people with \
                `ties person distinct A B`, and they are not listed again.

                Example:
                  ties person duplicates
                  ties person duplicates --min-score 0.9 --format csv > duplicates.csv
                """)

        @Option(
            name: .customLong("min-score"),
            help: ArgumentHelp(
                "Leave out pairs scoring below this, 0 to 1.", valueName: "score"))
        var minScore: Double = DuplicateRules().minimumScore
        @Flag(help: "Include archived people.") var archived = false
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard minScore.isFinite, (0...1).contains(minScore) else {
                throw ValidationError("--min-score must be between 0 and 1; got \(minScore)")
            }
        }

        func run() throws {
            let opened = try store.open(readOnly: true)
            let people = try opened.people(PersonFilter(includeArchived: archived))
            var rules = DuplicateRules()
            rules.minimumScore = minScore
            let search = DuplicateDetector.search(
                people.records(), rules: rules, knownDistinct: try opened.distinctPairs())
            if !search.skippedBlocks.isEmpty {
                let shown = search.skippedBlocks.prefix(5).map { "\($0.kind) '\($0.key)' (\($0.size) people)" }
                let more = search.skippedBlocks.count > 5 ? ", and \(search.skippedBlocks.count - 5) more" : ""
                StandardStreams.writeError(
                    "Note: not compared within groups larger than \(rules.maximumBlockSize) that share one value: \(shown.joined(separator: ", "))\(more).\n"
                )
            }
            format.emit(Self.table(search.candidates, people: people), empty: "No likely duplicates.")
        }

        /// The listing's rows.
        static func table(_ candidates: [DuplicateCandidate], people: [Stored<Person>]) -> Table {
            let names = Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return Table(
                columns: ["score", "a_id", "a", "b_id", "b", "evidence"],
                rows: candidates.map { c in
                    [
                        .number(c.score, digits: 3), .integer(Int(c.first)), .text(names[c.first] ?? ""),
                        .integer(Int(c.second)), .text(names[c.second] ?? ""),
                        .text(c.evidence.map(\.description).joined(separator: "; ")),
                    ]
                })
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge one person into another: DROP's history moves to KEEP, and DROP is removed.",
            discussion: """
                Interactions, commitments, disclosures, contact points, roles, tags and ties move from DROP to \
                KEEP. A tie to someone KEEP is tied to already is combined (the larger weight, KEEP's kind); \
                a tie between the two is removed. KEEP's empty organisation, title, closeness and recruiter \
                kind are filled from DROP's; KEEP's name stays. KEEP's scores are rebuilt. It is one \
                transaction, recorded in the merge log: `ties person unmerge` undoes it exactly.

                Example:
                  ties person duplicates
                  ties person merge "Sam Okafor" "Sam K. Okafor"
                  ties person merge 12 47
                """)

        @Argument(help: "The person to keep: an id, a name, or the start of a name.") var keep: String
        @Argument(help: "The person to merge into KEEP and remove.") var drop: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try store.open()
            let kept = try store.person(keep)
            let dropped = try store.person(drop)
            guard kept.id != dropped.id else {
                throw CLIError(.data, "KEEP and DROP are both \(kept.name) (#\(kept.id)); name two different people")
            }
            let summary = try store.merge(keep: kept.id, drop: dropped.id, context: scoringContext(store), at: Date())
            write(Self.describe(summary))
        }

        /// What a merge moved, as the command prints it.
        static func describe(_ s: MergeSummary) -> String {
            var lines = [
                "Merged \(s.droppedName) (#\(s.droppedID)) into \(s.keptName) (#\(s.keptID)) as merge #\(s.id)."
            ]
            func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
            lines.append(
                "  moved: \(count(s.interactions, "interaction")), \(count(s.commitments, "commitment")), "
                    + "\(count(s.disclosures, "disclosure"))")
            lines.append("  contact points: \(s.contactPointsMoved) moved, \(s.contactPointsShared) already held")
            lines.append(
                "  ties: \(s.tiesMoved) moved, \(s.tiesCombined) combined"
                    + (s.selfTieRemoved ? ", 1 between them removed" : ""))
            lines.append(
                "  roles added: "
                    + (s.rolesAdded.isEmpty ? "none" : s.rolesAdded.map(\.rawValue).joined(separator: ", ")))
            lines.append("  tags added: " + (s.tagsAdded.isEmpty ? "none" : s.tagsAdded.joined(separator: ", ")))
            lines.append(
                "  filled from \(s.droppedName): " + (s.filled.isEmpty ? "nothing" : s.filled.joined(separator: ", ")))
            lines.append("Undo with `ties person unmerge \(s.id)`.")
            return lines.joined(separator: "\n") + "\n"
        }
    }

    struct Unmerge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unmerge",
            abstract: "Undo a merge exactly, or list the merges (--list).",
            discussion: """
                MERGE-ID is the number `ties person merge` printed and `--list` shows; without it, the latest \
                merge is undone. The dropped person comes back with their id and details, exactly the rows \
                that came from them move back, and the kept person is as before. When something the merge \
                moved or filled in has changed since (for example the kept person was merged into someone \
                else, or their title was edited), nothing is changed and the error says what to put back or \
                which later merge to undo first.

                Example:
                  ties person unmerge --list
                  ties person unmerge
                  ties person unmerge 3
                """)

        @Argument(help: ArgumentHelp("The merge to undo (default: the latest).", valueName: "merge-id")) var mergeID:
            String?
        @Flag(help: "List the merge log instead of undoing anything.") var list = false
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        /// A merge id: a positive number, with an optional `#`.
        static func mergeID(from text: String) throws -> MergeSummary.ID {
            let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let id = Int64(digits), id > 0 else {
                throw ValidationError(
                    "MERGE-ID: '\(text)' is not a merge id; expected a number such as 3 (`ties person unmerge --list` lists them)"
                )
            }
            return id
        }

        func validate() throws {
            if let mergeID { _ = try Self.mergeID(from: mergeID) }
            if list && mergeID != nil { throw ValidationError("--list takes no MERGE-ID; give one or the other") }
            if !list && format.format != .table { throw ValidationError("--format applies to --list only") }
        }

        func run() throws {
            if list {
                let merges = try store.open(readOnly: true).merges()
                format.emit(Self.table(merges), empty: "No merges recorded.")
                return
            }
            let store = try store.open()
            let summary = try store.unmerge(mergeID.map(Self.mergeID(from:)), context: scoringContext(store))
            write(
                "Undid merge #\(summary.id): \(summary.droppedName) (#\(summary.droppedID)) is back with "
                    + "\(summary.interactions) interaction\(summary.interactions == 1 ? "" : "s"), and "
                    + "\(summary.keptName) (#\(summary.keptID)) is as before the merge.\n")
        }

        /// The merge log as a listing, oldest first.
        static func table(_ merges: [MergeSummary]) -> Table {
            Table(
                columns: [
                    "id", "merged_at", "kept_id", "kept", "dropped_id", "dropped", "interactions", "commitments",
                    "disclosures", "contact_points", "ties",
                ],
                rows: merges.map { m in
                    [
                        .integer(Int(m.id)), .text(DateInput.iso8601(m.mergedAt)), .integer(Int(m.keptID)),
                        .text(m.keptName),
                        .integer(Int(m.droppedID)), .text(m.droppedName), .integer(m.interactions),
                        .integer(m.commitments),
                        .integer(m.disclosures), .integer(m.contactPointsMoved + m.contactPointsShared),
                        .integer(m.tiesMoved + m.tiesCombined + (m.selfTieRemoved ? 1 : 0)),
                    ]
                })
        }
    }
}
