import Foundation
import TiesCore
import TiesStore

/// What the network commands (report, gaps, next, explain, graph) read from the store, loaded once, with
/// the analysis and facts for any day.
struct NetworkLoader {
    let store: Store
    let context: ScoringContext
    let people: [Person]
    let ties: [Tie]
    let commitments: [Commitment]
    let details: [MyDetail]
    let disclosures: [Disclosure]
    let journalDays: [Day]
    /// The titles and employers of the user's own positions (journal employment entries), from which their
    /// field is read when they have not set one.
    let ownPositions: [String]
    /// Who is snoozed, and until when (`ties snooze`).
    let snoozes: [Snooze]
    /// The people the listing is limited to (`--tag`), or nil for everyone (``NetworkFacts/focus``).
    var focus: Set<Person.ID>?

    /// - Parameter contactDetails: whether people's tags and contact points are needed (the gap report
    ///   looks at when contact points were verified; the graph and explanations do not).
    init(store: Store, contactDetails: Bool = true) throws {
        self.store = store
        context = try scoringContext(store)
        people = try store.people(withContactDetails: contactDetails).records()
        ties = try store.ties()
        commitments = try store.commitments().records()
        details = try store.myDetails().records()
        disclosures = try store.disclosures()
        let journal = try store.journalEntries()
        journalDays = journal.map(\.day)
        snoozes = try store.snoozes()
        ownPositions = journal.filter { $0.kind == .employment }.flatMap {
            [$0.title, $0.organisation].compactMap { $0 }
        }
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
            journalDays: journalDays.filter { $0 <= day },
            field: MyDetail.current(of: .field, in: details, asOf: day)?.value
                ?? ProfessionalField.infer(
                    from: ownPositions,
                    current: [.headline, .industry].compactMap {
                        MyDetail.current(of: $0, in: details, asOf: day)?.value
                    }),
            snoozes: snoozes.filter { included.contains($0.personID) }, focus: focus)
    }

    /// The analysis as of `day`, from the given states (or the store's), with the costlier parts in `detail`.
    func analysis(
        _ day: Day, states: [Person.ID: RelationshipState]? = nil, detail: NetworkAnalysis.Detail = []
    ) throws -> NetworkAnalysis {
        NetworkAnalysis.analyse(
            people: people, states: try states ?? store.states(asOf: day, context: context), ties: ties, asOf: day,
            configuration: context.configuration, detail: detail)
    }

    /// The analysis and facts as of `day`, from the given states (or the store's).
    /// The facts keep only what is really waiting for an answer (``NetworkFacts/waiting(in:configuration:)``).
    func analyse(_ day: Day, states: [Person.ID: RelationshipState]? = nil) throws -> (NetworkAnalysis, NetworkFacts) {
        let analysis = try analysis(day, states: states)
        return (analysis, try facts(asOf: day).waiting(in: analysis, configuration: context.configuration))
    }
}
