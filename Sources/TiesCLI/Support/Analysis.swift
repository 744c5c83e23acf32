import Foundation
import TiesCore
import TiesStore

/// Everything the scoring commands need, read from the store once.
struct LoadedNetwork {
    var store: Store
    var context: ScoringContext
    var analysis: NetworkAnalysis
    var asOf: Day

    /// - Parameters:
    ///   - detail: the costlier parts of the analysis the command shows.
    ///   - contactDetails: whether the command needs people's tags and contact points.
    init(store: Store, asOf: Day, detail: NetworkAnalysis.Detail = [], contactDetails: Bool = false) throws {
        self.store = store
        self.asOf = asOf
        context = try scoringContext(store)
        let people = try store.people(withContactDetails: contactDetails)
        let states = try store.states(asOf: asOf, context: context)
        analysis = NetworkAnalysis.analyse(
            people: people, states: states, ties: try store.ties(), asOf: asOf, configuration: context.configuration,
            detail: detail)
    }
}
