import Foundation
import TiesCore
import TiesStore

/// What the gap and weekly reports read from the store, loaded once, with the facts for any day.
struct ReportLoader {
    let store: Store
    let context: ScoringContext
    let people: [Person]
    let ties: [Tie]
    let commitments: [Commitment]
    let details: [MyDetail]
    let disclosures: [Disclosure]
    let journalDays: [Day]

    init(store: Store) throws {
        self.store = store
        context = try scoringContext(store)
        people = try store.people()
        ties = try store.ties()
        commitments = try store.commitments()
        details = try store.myDetails()
        disclosures = try store.disclosures()
        journalDays = try store.journalEntries().map(\.day)
    }

    /// Facts as of the end of `day`, about the people in the report (archived people are left out).
    func facts(asOf day: Day) throws -> NetworkFacts {
        var mapper = DayMapper(timeZone: context.timeZone)
        let end = mapper.end(of: day)
        let included = Set(people.compactMap(\.id))
        return NetworkFacts(
            unanswered: try store.facts(asOf: day, timeZone: context.timeZone).unanswered.filter {
                included.contains($0.key)
            },
            openCommitments: commitments.filter {
                $0.createdAt <= end && $0.isOpen(asOf: end) && included.contains($0.personID)
            },
            staleDisclosures: Disclosures.stale(disclosures: disclosures, details: details, asOf: day)
                .filter { included.contains($0.personID) },
            journalDays: journalDays.filter { $0 <= day })
    }

    /// The analysis and facts as of `day`, from the given states.
    func analyse(_ day: Day, states: [Person.ID: RelationshipState]) throws -> (NetworkAnalysis, NetworkFacts) {
        let analysis = NetworkAnalysis.analyse(
            people: people, states: states, ties: ties, asOf: day, configuration: context.configuration, detail: [])
        return (analysis, try facts(asOf: day))
    }

    /// The analysis and facts as of `day`.
    func analyse(_ day: Day) throws -> (NetworkAnalysis, NetworkFacts) {
        try analyse(day, states: store.states(asOf: day, context: context))
    }
}
