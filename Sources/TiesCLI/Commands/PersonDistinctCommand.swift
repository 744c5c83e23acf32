import ArgumentParser
import Foundation
import TiesCore
import TiesStore

extension PersonCommand {
    struct Distinct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "distinct",
            abstract: "Record that two people are different, so they are not proposed as duplicates again.",
            discussion: """
                Two people with one name are often two people: `ties person duplicates` lists such pairs \
                (with the evidence, e.g. different-profiles when their LinkedIn URLs differ) until you say \
                whether they are one person (`ties person merge`) or two (this command). --undo forgets it; \
                --list shows what you recorded.

                Example:
                  ties person duplicates
                  ties person distinct 12 47
                  ties person distinct "Dana Reyes" 47 --undo
                  ties person distinct --list
                """)

        @Argument(help: ArgumentHelp("The two people: ids, names, or the start of a name.", valueName: "person"))
        var people: [String] = []
        @Flag(help: "Forget that the two are different.") var undo = false
        @Flag(help: "List the pairs recorded as different people.") var list = false
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if list {
                guard people.isEmpty, !undo else { throw ValidationError("--list takes no people and no --undo") }
            } else if people.count != 2 {
                throw ValidationError("name exactly two people (got \(people.count)); or use --list")
            }
        }

        func run() throws {
            if list {
                let records = try store.open(readOnly: true).distinctRecords()
                format.emit(
                    Table(
                        columns: ["a_id", "a", "b_id", "b"],
                        rows: records.map {
                            [
                                .integer(Int($0.pair.first)), .text($0.firstName), .integer(Int($0.pair.second)),
                                .text($0.secondName),
                            ]
                        }),
                    empty: "No pairs recorded as different people.")
                return
            }
            let store = try store.open()
            let a = try store.person(people[0])
            let b = try store.person(people[1])
            let (x, y) = (a.id, b.id)
            guard x != y else {
                throw CLIError(.usage, "both references name \(a.name); name two different people")
            }
            let names = "\(a.name) (#\(x)) and \(b.name) (#\(y))"
            if undo {
                let removed = try store.removeDistinct(x, y)
                write(removed ? "Forgot that \(names) are different people.\n" : "Nothing was recorded for \(names).\n")
            } else {
                let added = try store.recordDistinct(x, y, at: Date())
                write(
                    added
                        ? "Recorded: \(names) are different people; `ties person duplicates` will not propose them again.\n"
                        : "Already recorded: \(names) are different people.\n")
            }
        }
    }
}
