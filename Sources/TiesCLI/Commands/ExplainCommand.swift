import ArgumentParser
import Foundation
import TiesCore
import TiesReports
import TiesStore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how one person's scores were computed.",
        discussion: """
            Lists the day-episodes with their weights and what each still contributes after decay, then the \
            reciprocity, tenure and closeness factors, the normalisation, the cadence fit, and how the \
            person's priority in `ties next` is made.

            Example:
              ties explain "Dana Reyes" --as-of 2026-06-30
            """)

    @Argument(help: "Who: an id, a name, or the start of a name.") var person: String
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let network = try NetworkLoader(store: store.open(), contactDetails: false)
        let person = try network.store.person(self.person)
        let (analysis, facts) = try network.analyse(asOf.day)
        let configuration = network.context.configuration
        let explanation = Explanation.explain(
            person: person.record, interactions: try network.store.interactions(with: person.id),
            network: analysis.score, configuration: configuration, timeZone: .current)
        let row = WhoNext.rank(analysis, facts: facts, configuration: configuration).first { $0.personID == person.id }
        write(
            ExplainReport.render(
                explanation, name: person.name, row: row, bridgeBonus: configuration.bridgeBonus,
                underrepresentedBonus: configuration.underrepresentedBonus,
                snoozedUntil: facts.snoozed(on: analysis.score.asOf)[person.id]))
    }
}
