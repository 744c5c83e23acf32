import ArgumentParser
import Foundation
import TiesCore
import TiesStore

struct TieCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tie",
        abstract: "Record who knows whom among the people in your network.",
        discussion: """
            Ties between the people you know turn your network from a star into a graph: they reveal clusters, \
            brokers, and the paths for an introduction.
            """,
        subcommands: [Add.self, List.self, TieRemoveCommand.self])
}

extension TieCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that two people know each other.",
            discussion: """
                Example:
                  ties tie add "Dana Reyes" "Sam Okafor" --kind colleague --weight 0.8
                """)

        @Argument(help: "One person.") var first: String
        @Argument(help: "The other person.") var second: String
        @Option(help: "colleague, introduced or knows.") var kind: Tie.Kind = .knows
        @Option(help: "How strong, more than 0 and at most 1.") var weight: Double = 1

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard weight > 0 && weight <= 1 else {
                throw ValidationError("--weight must be more than 0 and at most 1; got \(weight)")
            }
        }

        func run() throws {
            let store = try store.open()
            let a = try store.person(first)
            let b = try store.person(second)
            try store.addTie(Tie(a.id, b.id, kind: kind, weight: weight))
            write("Tied \(a.name) and \(b.name) (\(kind.rawValue), weight \(Table.format(weight, digits: 2))).\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the ties between people.",
            discussion: "With --tag, the ties with a tagged person at either end.")
        @OptionGroup var tag: TagOptions
        @OptionGroup var format: FormatOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            let store = try store.open(readOnly: true)
            var table = try Self.table(store: store)
            if let tagged = try tag.selection(store) {
                table = TagOptions.rows(of: table, in: ["a_id", "b_id"], about: tagged)
            }
            format.emit(
                table,
                empty: "No ties yet. Add one with `ties tie add NAME NAME`.")
        }

        /// The listing's rows, also what `ties export ties` writes.
        static func table(store: Store) throws -> Table {
            let names = Dictionary(
                uniqueKeysWithValues: try store.people(PersonFilter(includeArchived: true), withContactDetails: false)
                    .map { ($0.id, $0.name) })
            return Table(
                columns: ["a_id", "a", "b_id", "b", "kind", "weight"],
                rows: try store.ties().map {
                    [
                        .integer(Int($0.a)), .text(names[$0.a] ?? ""), .integer(Int($0.b)), .text(names[$0.b] ?? ""),
                        .text($0.kind.rawValue), .number($0.weight, digits: 2),
                    ]
                })
        }
    }
}
