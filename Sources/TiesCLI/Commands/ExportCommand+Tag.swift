import ArgumentParser
import TiesCore

// `ties export WHAT --tag TAG`: the rows about the people carrying any of the tags.
extension ExportCommand {
    /// The columns holding the ids of the people a row is about, by what is exported: a row is kept when
    /// any of them is a tagged person (a tie, when either end is). Gaps are limited by the gap finder
    /// itself, so that their titles count only the tagged people; the journal is the user's own.
    static func personColumns(_ what: What) -> [String]? {
        switch what {
        case .people, .scores: return ["id"]
        case .interactions, .commitments: return ["person_id"]
        case .ties: return ["a_id", "b_id"]
        case .gaps, .journal, .vcard, .ics: return nil
        }
    }

    /// The rows of `table` about the people in `ids` (see ``personColumns(_:)``).
    static func limited(_ table: Table, _ what: What, to ids: Set<Person.ID>) -> Table {
        guard let columns = personColumns(what) else { return table }
        return TagOptions.rows(of: table, in: columns, about: ids)
    }
}
