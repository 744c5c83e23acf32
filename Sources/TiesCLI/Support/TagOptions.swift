import ArgumentParser
import TiesCore
import TiesStore

/// `--tag TAG`, repeatable: limits a listing to the people carrying any of the tags.
///
/// Scores are still computed over the whole network (strength is normalised and layers ranked among
/// everyone); only the rows, actions and gaps shown are limited. A tag no one carries is a usage error
/// (exit 64) that lists the tags in use, as an unknown role lists the roles.
struct TagOptions: ParsableArguments {
    @Option(
        name: .customLong("tag"),
        help: ArgumentHelp(
            "Only people with this tag; repeat for people with any of several. Scores stay those of the whole network.",
            valueName: "tag"))
    var tags: [String] = []

    /// The people carrying any of the tags, or nil when no `--tag` was given (everyone).
    /// - Throws: ``CLIError`` (usage) for a tag no one carries, naming the tags in use.
    func selection(_ store: Store) throws -> Set<Person.ID>? {
        guard !tags.isEmpty else { return nil }
        let inUse = try store.tagsInUse()
        for tag in tags where !inUse.contains(where: { $0.caseInsensitiveCompare(tag) == .orderedSame }) {
            let known =
                inUse.isEmpty
                ? "no one is tagged yet" : "the tags in use are " + inUse.joined(separator: ", ")
            throw CLIError(
                .usage, "--tag: no one is tagged '\(tag)'; \(known) (`ties person tag --help` shows how to tag)")
        }
        return try store.people(taggedWithAnyOf: tags)
    }

    /// The rows of `table` about the people in `ids`: those whose integer in any of `columns` is one of
    /// them (a tie's row, when either end is).
    static func rows(of table: Table, in columns: [String], about ids: Set<Person.ID>) -> Table {
        let indices = columns.compactMap { table.columns.firstIndex(of: $0) }
        var out = table
        out.rows = table.rows.filter { row in
            indices.contains { i in
                if case .integer(let id) = row[i] { return ids.contains(Int64(id)) }
                return false
            }
        }
        return out
    }
}
