import ArgumentParser
import Foundation
import TiesCore
import TiesReports
import TiesStore

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Who should I contact next, and why?",
        discussion: """
            Ranks people by strength × how overdue the silence is, with a bonus for bridges and for roles or \
            organisations you have too few of, on a scale of 0 to 100 (`ties explain PERSON` shows how). Rows \
            marked [must] come first: a recruiter waiting for an answer, a promise due, a recruiter holding \
            your old details, a bridge gone cold, a strong tie gone quiet; a last line counts any left out.

            Example:
              ties next
              ties next --limit 10 --format csv
              ties next --tag chicago
              ties next --warm-up

            With --tag, only people carrying the tag (any of several) are listed; their priorities are \
            those of the whole network.

            With --warm-up, only the recruiters among your connections you have never spoken with are \
            listed, best placed first: in your field (`ties me set field ...`), at firms where you have no \
            active contact, connected longest; each with a first message to send. Plain `ties next` \
            proposes them too, first when you have fewer active recruiters than you aim for.
            """)

    @Option(help: "Show this many rows, rows marked [must] first; a last line counts the must-do rows left out.")
    var limit: Int = 5
    @Flag(help: "Only the recruiters among your connections you have never spoken with, best placed first.")
    var warmUp = false
    @OptionGroup var tag: TagOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be 1 or more; got \(limit)") }
    }

    func run() throws {
        // The same analysis and facts as the weekly report, so both name the same people for the same reasons.
        var loader = try NetworkLoader(store: store.open())
        loader.focus = try tag.selection(loader.store)
        let (analysis, facts) = try loader.analyse(asOf.day)
        let rows =
            warmUp
            ? WhoNext.warmUps(analysis, facts: facts, count: .max)
            : WhoNext.rank(analysis, facts: facts, configuration: loader.context.configuration)
        if format.format == .table {
            let withHistory = analysis.score.scores.filter { $0.status != .none }.count
            var snoozedIDs = facts.snoozed(on: asOf.day).keys.filter { facts.focus?.contains($0) ?? true }
            if warmUp {
                // Only the snoozed recruiters this list would have named are left out of it.
                let dormant = Set(RecruiterWarmUp.rank(analysis, field: nil).map(\.personID))
                snoozedIDs = snoozedIDs.filter(dormant.contains)
            }
            let snoozed = snoozedIDs.count
            write(
                NextReport.render(
                    rows, limit: limit, withHistory: withHistory, asOf: asOf.day, width: TerminalWidth.current,
                    snoozed: snoozed, tags: tag.tags, warmUp: warmUp))
        } else {
            format.emit(NextReport.table(Array(rows.prefix(limit))))
        }
    }
}
